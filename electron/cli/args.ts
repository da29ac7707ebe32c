/** The `fleetbook` command line grammar (DESIGN.md section 9): parsing only, no I/O. */
import { resolve } from 'node:path';
import type { PeriodKind } from '../../shared/engine/book/types';
import { MAX_PATHS } from '../../shared/engine/stress/limits';
import { resolveFieldName, type ColumnMapping, type DateLocale } from '../../shared/workbook';

export const COMMANDS = ['validate', 'schedule', 'value', 'export', 'stress'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const USAGE: Record<CommandName, string> = {
  validate: 'usage: fleetbook validate FILE [--map "Header=Field" ...] [--date-locale US|EU]',
  schedule:
    'usage: fleetbook schedule FILE [--book book|tax|deferred] [--period month|quarter|year] [--format csv|json] [--out PATH] [--map "Header=Field" ...] [--date-locale US|EU]',
  value: 'usage: fleetbook value FILE [--scenario NAME] [--format csv|json] [--map "Header=Field" ...] [--date-locale US|EU]',
  export: 'usage: fleetbook export FILE --out REPORT.xlsx [--scenario NAME] [--paths N] [--seed S] [--map "Header=Field" ...] [--date-locale US|EU]',
  stress: 'usage: fleetbook stress FILE [--scenario NAME] [--paths N] [--seed S] [--format csv|json] [--map "Header=Field" ...] [--date-locale US|EU]',
};

export const GENERAL_USAGE = 'usage: fleetbook <validate|schedule|value|export|stress> FILE [options] (fleetbook --help for more)';

export const HELP = [
  'fleetbook: depreciation and economic value of compute fleets',
  '',
  ...COMMANDS.map((c) => `  ${USAGE[c].replace('usage: ', '')}`),
  '',
  'FILE is a fleet workbook (.xlsx) or a CSV of the Fleet columns.',
  '--map "Header=Field" reads the file column Header as the Fleetbook column Field (repeatable).',
  '--date-locale US|EU reads dates like 03/04/2025 month first (US) or day first (EU).',
  'Exit codes: 0 ok, 1 the input has problems (listed on stderr as Sheet!Cell: message), 2 wrong usage.',
].join('\n');

export interface InputOptions {
  file: string;
  mapping: ColumnMapping;
  dateLocale?: DateLocale;
}

export interface ScheduleOptions extends InputOptions {
  /** The book, the tax book, or the deferred tax between them. */
  book: 'book' | 'tax' | 'deferred';
  period: PeriodKind;
  format: 'csv' | 'json';
  out?: string;
}

export interface ValueOptions extends InputOptions {
  /** A scenario of the workbook's Scenarios sheet (default the base). */
  scenario?: string;
  format: 'csv' | 'json';
}

export interface ExportOptions extends InputOptions {
  out: string;
  scenario?: string;
  /** The Stress sheet's Monte Carlo, as `fleetbook stress` takes them. */
  paths: number;
  seed: number;
}

export interface StressOptions extends InputOptions {
  /** The scenario the tornado, Monte Carlo and life what-if run on (default the base). */
  scenario?: string;
  paths: number;
  seed: number;
  format: 'csv' | 'json';
}


export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'validate'; options: InputOptions }
  | { kind: 'schedule'; options: ScheduleOptions }
  | { kind: 'value'; options: ValueOptions }
  | { kind: 'export'; options: ExportOptions }
  | { kind: 'stress'; options: StressOptions }
  | { kind: 'usage'; message: string; usage: string };

interface OptionSpec {
  values?: readonly string[];
  repeatable?: boolean;
}

const INPUT_OPTIONS: Record<string, OptionSpec> = {
  map: { repeatable: true },
  'date-locale': { values: ['US', 'EU'] },
};

const COMMAND_OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
  validate: INPUT_OPTIONS,
  schedule: {
    ...INPUT_OPTIONS,
    book: { values: ['book', 'tax', 'deferred'] },
    period: { values: ['month', 'quarter', 'year'] },
    format: { values: ['csv', 'json'] },
    out: {},
  },
  value: { ...INPUT_OPTIONS, scenario: {}, format: { values: ['csv', 'json'] } },
  export: { ...INPUT_OPTIONS, scenario: {}, out: {}, paths: {}, seed: {} },
  stress: {
    ...INPUT_OPTIONS,
    scenario: {},
    paths: {},
    seed: {},
    format: { values: ['csv', 'json'] },
  },
};

class UsageError extends Error {}

const orList = (xs: readonly string[]): string => (xs.length <= 2 ? xs.join(' or ') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** `--name value` / `--name=value` options and positionals, checked against the command's options. */
function parseOptions(args: readonly string[], specs: Record<string, OptionSpec>): { positionals: string[]; values: Map<string, string[]> } {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option --${name}`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`--${name} needs a value`);
      value = args[++i];
    }
    if (spec.values) {
      const match = spec.values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (!match) throw new UsageError(`--${name} must be ${orList(spec.values)}, not "${value}"`);
      value = match;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`--${name} is given twice`);
    list.push(value);
    values.set(name, list);
  }
  return { positionals, values };
}

/** `--map "Header=Field"`: split at the last '=' (a header may hold one, a field never does). */
function parseMapping(entries: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=');
    const header = entry.slice(0, Math.max(eq, 0)).trim();
    const field = entry.slice(eq + 1).trim();
    if (eq < 0 || header === '' || field === '') throw new UsageError(`--map needs "Header=Field", not "${entry}"`);
    const resolved = resolveFieldName(field);
    if (!resolved) throw new UsageError(`--map "${entry}": "${field}" is not a Fleetbook column`);
    mapping[header] = resolved;
  }
  return mapping;
}

/** A whole number from min to max written in decimal digits (no sign, exponent or fraction). */
function wholeNumber(name: string, text: string, min: number, max: number): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** --scenario NAME, when given (a blank name is a mistake, not the base). */
function scenarioOption(values: Map<string, string[]>): { scenario?: string } {
  const scenario = values.get('scenario')?.[0];
  if (scenario === undefined) return {};
  if (scenario.trim() === '') throw new UsageError('--scenario needs a name');
  return { scenario };
}

/** --out PATH, which may not be the input itself. */
function outOption(input: InputOptions, values: Map<string, string[]>): { out?: string } {
  const out = values.get('out')?.[0];
  if (out === undefined) return {};
  if (out === '') throw new UsageError('--out needs a path');
  if (resolve(out) === resolve(input.file)) throw new UsageError(`--out would overwrite the input file ${input.file}`);
  return { out };
}

/** --paths N and --seed S of a Monte Carlo run (defaults 1,000 and 1). */
function monteCarloOptions(values: Map<string, string[]>): { paths: number; seed: number } {
  return {
    paths: wholeNumber('paths', values.get('paths')?.[0] ?? '1000', 1, MAX_PATHS),
    seed: wholeNumber('seed', values.get('seed')?.[0] ?? '1', 0, Number.MAX_SAFE_INTEGER),
  };
}

function stressOptions(input: InputOptions, values: Map<string, string[]>): StressOptions {
  return { ...input, ...monteCarloOptions(values), format: (values.get('format')?.[0] ?? 'csv') as StressOptions['format'], ...scenarioOption(values) };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage', message: 'no command given', usage: GENERAL_USAGE };
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: 'usage', message: `unknown command "${command}"`, usage: GENERAL_USAGE };
  const name = command as CommandName;
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help' };
  const specs = COMMAND_OPTIONS[name];
  try {
    const { positionals, values } = parseOptions(rest, specs);
    if (positionals.length === 0) throw new UsageError('FILE is missing');
    if (positionals.length > 1) throw new UsageError(`one FILE only (got ${positionals.map((p) => `"${p}"`).join(', ')})`);
    const input: InputOptions = { file: positionals[0], mapping: parseMapping(values.get('map') ?? []) };
    const locale = values.get('date-locale')?.[0];
    if (locale) input.dateLocale = locale as DateLocale;
    if (name === 'validate') return { kind: 'validate', options: input };
    const format = (values.get('format')?.[0] ?? 'csv') as 'csv' | 'json';
    switch (name) {
      case 'stress':
        return { kind: 'stress', options: stressOptions(input, values) };
      case 'value':
        return { kind: 'value', options: { ...input, format, ...scenarioOption(values) } };
      case 'export': {
        const { out } = outOption(input, values);
        if (out === undefined) throw new UsageError('--out REPORT.xlsx is required');
        return { kind: 'export', options: { ...input, out, ...monteCarloOptions(values), ...scenarioOption(values) } };
      }
      case 'schedule': {
        const book = (values.get('book')?.[0] ?? 'book') as ScheduleOptions['book'];
        const period = (values.get('period')?.[0] ?? 'month') as PeriodKind;
        return { kind: 'schedule', options: { ...input, book, period, format, ...outOption(input, values) } };
      }
    }
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage', message: e.message, usage: USAGE[name] };
    throw e;
  }
}
