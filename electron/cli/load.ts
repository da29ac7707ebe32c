/** Reading and validating the input of a command, printing its problems as `Sheet!Cell: message`. */
import { formatProblem, type Problem } from '../../shared/domain/problem';
import { checkSheetLimits, readFleetFromTables, type FleetRead } from '../../shared/workbook';
import type { InputOptions } from './args';
import { readInputTables } from './readInput';

export function problemLine(p: Problem): string {
  return p.severity === 'warning' ? formatProblem({ ...p, message: `warning: ${p.message}` }) : formatProblem(p);
}

export function printProblems(problems: readonly Problem[], write: (text: string) => void): void {
  if (problems.length > 0) write(problems.map((p) => `${problemLine(p)}\n`).join(''));
}

export interface LoadedFleet extends FleetRead {
  /** The file's bytes as read (the report's Audit sheet records their SHA-256). */
  bytes: Uint8Array;
}

/** The fleet, with its warnings printed; or null once every problem has been printed. */
export async function loadFleet(options: InputOptions, stderr: (text: string) => void): Promise<LoadedFleet | null> {
  const input = await readInputTables(options.file);
  if (!input.ok) {
    printProblems(input.error, stderr);
    return null;
  }
  // The limits the app's host applies, so a file the app refuses is not "OK" here.
  const limits = checkSheetLimits(input.value.tables);
  if (limits.length > 0) {
    printProblems(limits, stderr);
    return null;
  }
  const read = readFleetFromTables(input.value.tables, { mapping: options.mapping, dateLocale: options.dateLocale, sourceName: options.file });
  if (!read.ok) {
    printProblems([...input.value.warnings, ...read.error], stderr);
    return null;
  }
  read.value.warnings.unshift(...input.value.warnings);
  printProblems(read.value.warnings, stderr);
  return { ...read.value, bytes: input.value.bytes };
}
