/**
 * Tables of records as the commands print them: CSV with a header row (RFC 4180 quoting only where
 * a field needs it) or a JSON array with one object per line, so large outputs stream and stay
 * diffable. Values are already text (amounts as "1234.56"): exact, and the same in both formats.
 */
import type { Sink } from './sink';

export type OutputFormat = 'csv' | 'json';

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(columns: readonly string[]): string {
  return `${columns.map(csvField).join(',')}\n`;
}

export function csvRecord<C extends string>(columns: readonly C[], record: Record<C, string>): string {
  return `${columns.map((c) => csvField(record[c])).join(',')}\n`;
}

export interface RecordWriter<C extends string> {
  write(record: Record<C, string>): Promise<void>;
  /** Ends the table (closes the JSON array; `[]` when there were no records). */
  end(): Promise<void>;
}

export function recordWriter<C extends string>(columns: readonly C[], format: OutputFormat, sink: Sink): RecordWriter<C> {
  let count = 0;
  return {
    async write(record) {
      if (format === 'csv') {
        await sink.write(count === 0 ? csvHeader(columns) + csvRecord(columns, record) : csvRecord(columns, record));
      } else {
        const fields: Record<string, string> = {};
        for (const c of columns) fields[c] = record[c];
        await sink.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(fields)}`);
      }
      count++;
    },
    async end() {
      if (format === 'csv') await sink.write(count === 0 ? csvHeader(columns) : '');
      else await sink.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
