import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, fleetbook } from './run';

const SMALL = join(FIXTURES, 'small-fleet.csv');
const SCHEDULE_USAGE =
  'usage: fleetbook schedule FILE [--book book|tax|deferred] [--period month|quarter|year] [--format csv|json] [--out PATH] [--map "Header=Field" ...] [--date-locale US|EU]\n';
const GENERAL_USAGE = 'usage: fleetbook <validate|schedule|value|export|stress> FILE [options] (fleetbook --help for more)\n';

beforeAll(() => buildCli());

describe('fleetbook: wrong usage exits 2 with a usage line', () => {
  it.each([
    [[], 'fleetbook: no command given\n' + GENERAL_USAGE],
    [['frobnicate', SMALL], 'fleetbook: unknown command "frobnicate"\n' + GENERAL_USAGE],
    [['schedule'], 'fleetbook: FILE is missing\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--period', 'week'], 'fleetbook: --period must be month, quarter or year, not "week"\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--format', 'xml'], 'fleetbook: --format must be csv or json, not "xml"\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--colour', 'red'], 'fleetbook: unknown option --colour\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '-x'], 'fleetbook: unknown option -x\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--out'], 'fleetbook: --out needs a value\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, SMALL], `fleetbook: one FILE only (got "${SMALL}", "${SMALL}")\n` + SCHEDULE_USAGE],
    [['schedule', SMALL, '--period', 'year', '--period', 'month'], 'fleetbook: --period is given twice\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--map', 'Cost'], 'fleetbook: --map needs "Header=Field", not "Cost"\n' + SCHEDULE_USAGE],
    [['schedule', SMALL, '--map', 'Cost=Paint'], 'fleetbook: --map "Cost=Paint": "Paint" is not a Fleetbook column\n' + SCHEDULE_USAGE],
    [['validate', SMALL, '--period', 'year'], 'fleetbook: unknown option --period\nusage: fleetbook validate FILE [--map "Header=Field" ...] [--date-locale US|EU]\n'],
  ])('%j', (args, stderr) => {
    expect(fleetbook(...args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('prints help on stdout and exits 0', () => {
    const r = fleetbook('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('fleetbook schedule FILE [--book book|tax|deferred]');
  });
});
