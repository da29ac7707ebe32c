/** `fleetbook`: dispatch, exit codes and the never-a-stack-trace rule (DESIGN.md section 9). */
import type { Writable } from 'node:stream';
import { basename } from 'node:path';
import pkg from '../../package.json';
import { exportReport, ReportInputError, type ExportReportInput } from '../host/report/export-report';
import { HELP, parseArgs, type ExportOptions, type InputOptions, type ScheduleOptions, type StressOptions, type ValueOptions } from './args';
import { errorCode, writeReason } from './ioErrors';
import { loadFleet, printProblems } from './load';
import { writeSchedule } from './schedule';
import { fileSink, streamSink } from './sink';
import { writeStress } from './stress';
import { writeValue } from './value';

export const EXIT_OK = 0;
/** The input has problems (each printed as `Sheet!Cell: message`). */
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
/** A fault of Fleetbook itself, not of the user's input or arguments. */
export const EXIT_INTERNAL = 3;

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env?: Record<string, string | undefined>;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function validate(options: InputOptions, io: CliIo): Promise<number> {
  const read = await loadFleet(options, (t) => io.stderr.write(t));
  if (!read) return EXIT_INPUT;
  const { lots, events, scenarios } = read.fleet;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = [plural(lots.length, 'lot'), plural(events.length, 'event'), plural(scenarios.length, 'scenario override')];
  if (read.warnings.length > 0) counts.push(plural(read.warnings.length, 'warning'));
  io.stdout.write(`${options.file}: OK (${counts.join(', ')})\n`);
  return EXIT_OK;
}

async function schedule(options: ScheduleOptions, io: CliIo): Promise<number> {
  const read = await loadFleet(options, (t) => io.stderr.write(t));
  if (!read) return EXIT_INPUT;
  if (options.out === undefined) {
    const sink = streamSink(io.stdout);
    await writeSchedule(read.fleet, options.book, options.period, options.format, sink);
    await sink.close();
    return EXIT_OK;
  }
  let sink: Awaited<ReturnType<typeof fileSink>> | undefined;
  try {
    sink = await fileSink(options.out);
    await writeSchedule(read.fleet, options.book, options.period, options.format, sink);
    await sink.close();
    return EXIT_OK;
  } catch (e) {
    await sink?.abandon().catch(() => undefined);
    if (!errorCode(e)) throw e;
    io.stderr.write(`${options.out}: cannot write the output: ${writeReason(e)}\n`);
    return EXIT_INPUT;
  }
}

async function value(options: ValueOptions, io: CliIo): Promise<number> {
  const read = await loadFleet(options, (t) => io.stderr.write(t));
  if (!read) return EXIT_INPUT;
  const sink = streamSink(io.stdout);
  const ok = await writeValue(read.fleet, options.scenario, options.format, sink, (t) => io.stderr.write(t));
  await sink.close();
  return ok ? EXIT_OK : EXIT_INPUT;
}

async function exportCommand(options: ExportOptions, io: CliIo): Promise<number> {
  const read = await loadFleet(options, (t) => io.stderr.write(t));
  if (!read) return EXIT_INPUT;
  const input: ExportReportInput = {
    fleet: read.fleet,
    sourceName: basename(options.file),
    sourceBytes: read.bytes,
    warnings: read.warnings,
    appVersion: pkg.version,
    now: new Date(),
    scenario: options.scenario ?? null,
    monteCarlo: { paths: options.paths, seed: options.seed },
  };
  try {
    const result = await exportReport(input, options.out);
    io.stdout.write(`${options.out}: ${result.sheets.join(', ')} (${result.rows} rows, ${result.formulaCells} formulas)\n`);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof ReportInputError) {
      printProblems(e.problems, (t) => io.stderr.write(t));
      return EXIT_INPUT;
    }
    if (!errorCode(e)) throw e;
    io.stderr.write(`${options.out}: cannot write the report: ${writeReason(e)}\n`);
    return EXIT_INPUT;
  }
}

async function stress(options: StressOptions, io: CliIo): Promise<number> {
  const read = await loadFleet(options, (t) => io.stderr.write(t));
  if (!read) return EXIT_INPUT;
  const sink = streamSink(io.stdout);
  const ok = await writeStress(read.fleet, options, sink, (t) => io.stderr.write(t));
  await sink.close();
  return ok ? EXIT_OK : EXIT_INPUT;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    switch (parsed.kind) {
      case 'help':
        io.stdout.write(`${HELP}\n`);
        return EXIT_OK;
      case 'usage':
        io.stderr.write(`fleetbook: ${parsed.message}\n${parsed.usage}\n`);
        return EXIT_USAGE;
      case 'validate':
        return await validate(parsed.options, io);
      case 'schedule':
        return await schedule(parsed.options, io);
      case 'value':
        return await value(parsed.options, io);
      case 'export':
        return await exportCommand(parsed.options, io);
      case 'stress':
        return await stress(parsed.options, io);
    }
  } catch (e) {
    // Reaching here is a bug in Fleetbook: say so in one line; the stack only on request.
    const debug = io.env?.FLEETBOOK_DEBUG;
    io.stderr.write(`fleetbook: internal error: ${describe(e)}${debug ? '' : ' (set FLEETBOOK_DEBUG=1 for details)'}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}
