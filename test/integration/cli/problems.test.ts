import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, fleetbook, PROBLEM_LINE } from './run';

beforeAll(() => buildCli());

const at = (name: string) => join(FIXTURES, name);

/** The fixture set of bad and messy files, each with the exact lines `validate` must print on stderr. */
const CASES: [file: string, code: number, stderr: string[]][] = [
  [
    'bad-types.csv',
    1,
    [
      'Fleet!D2: Unit Cost "12,5O0" is not a number',
      'Fleet!B3: Class "Miner Rig" is not one of ASIC, GPU, Other',
      'Fleet!C3: Quantity "2.5" is not a whole number',
      'Fleet!E3: In Service "2025-13-01" is not a date',
      'Fleet!F3: Salvage % "120" is out of range (0 to 100)',
      'Fleet!C4: Quantity "-1" is out of range (1 or more)',
      'Fleet!E4: In Service "2025-02-30" is not a date',
      'Fleet!G4: Book Life (months) "0" is out of range (1 to 600)',
      'Fleet!I4: Convention mid-month is not allowed with method DDB (DDB, 150DB and SYD use full-month)',
      'Fleet!D5: Unit Cost "abc" is not a number',
      'Fleet!E5: In Service "sometime" is not a date (write yyyy-mm-dd)',
      'Fleet!F5: Salvage % "x" is not a percentage',
      'Fleet!G5: Book Life (months) 30 is not a whole number of years, which SYD needs',
    ],
  ],
  [
    'missing-column.csv',
    1,
    [
      'Fleet!A1: missing required column "Unit Cost"',
      'Fleet!A1: missing required column "Book Life (months)" (or "Book Life (years)")',
      'Fleet!E1: warning: column "Useful Life" has no unit, so it is not read: name it "Book Life (months)" or "Book Life (years)", or map it; kept as is',
    ],
  ],
  ['duplicate-lot.csv', 1, ['Fleet!A4: Lot ID "D-1" is a duplicate of row 2']],
  [
    'ambiguous-date.csv',
    1,
    ['Fleet!E2: In Service "03/04/2025" is ambiguous: 2025-03-04 (US, month first) or 2025-04-03 (EU, day first); write yyyy-mm-dd or set the date locale'],
  ],
  ['messy-fleet.csv', 0, ['Fleet!K1: warning: column "Comments" is not a Fleetbook column; kept as is']],
  ['renamed-text.xlsx', 1, ['{}renamed-text.xlsx: not an xlsx file (it looks like CSV/text: give it a .csv extension, or save it from Excel as an Excel Workbook (.xlsx))']],
  ['empty.csv', 1, ['{}empty.csv: the file is empty']],
  ['empty.xlsx', 1, ['{}empty.xlsx: the file is empty']],
  ['truncated.xlsx', 1, ['{}truncated.xlsx: the file is damaged or incomplete (its zip directory is missing or broken); if it opens in Excel, save it again there']],
  ['not-a-workbook.xlsx', 1, ['{}not-a-workbook.xlsx: this is a zip archive but not an Excel workbook (.xlsx)']],
  ['zip-bomb.xlsx', 1, ['{}zip-bomb.xlsx: the workbook would inflate to more than 256 MiB, more than Fleetbook accepts (a zip bomb, or a sheet far larger than a fleet)']],
  ['full.xlsx', 0, ['Fleet!K1: warning: column "Notes" is not a Fleetbook column; kept as is']],
  ['dates-1904.xlsx', 0, []],
];

describe('fleetbook validate: the fixture set', () => {
  it.each(CASES)('%s', (file, code, lines) => {
    const r = fleetbook('validate', at(file));
    const expected = lines.map((l) => l.replace('{}', FIXTURES));
    expect(r.stderr).toBe(expected.map((l) => `${l}\n`).join(''));
    expect(r.code).toBe(code);
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(PROBLEM_LINE);
  });

  it('prints a summary on stdout when the file is fine', () => {
    expect(fleetbook('validate', at('messy-fleet.csv')).stdout).toBe(`${at('messy-fleet.csv')}: OK (2 lots, 0 events, 0 scenario overrides, 1 warning)\n`);
  });

  it('schedule refuses a file with problems: exit 1, problems on stderr, nothing on stdout, no stack trace', () => {
    const r = fleetbook('schedule', at('bad-types.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(13);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a sheet past the row limit the app applies, with its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetbook-rows-'));
    try {
      const path = join(dir, 'huge.csv');
      const rows = ['Lot ID,Class,Model,Quantity,Unit Cost,In Service,Book Life (months)'];
      for (let i = 0; i < 200_001; i++) rows.push(`L${i},ASIC,S21,1,3500,2025-01-15,36`);
      writeFileSync(path, rows.join('\n'));
      // 200,002 rows with the header, past MAX_SHEET_ROWS (200,000).
      expect(fleetbook('validate', path)).toEqual({ code: 1, stdout: '', stderr: 'Fleet: the sheet has 200,002 rows, more than the 200,000 Fleetbook opens\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['validate', 'no/such/fleet.csv'], 'no/such/fleet.csv: no such file\n'],
    [['schedule', 'missing.xlsx'], 'missing.xlsx: no such file\n'],
    [['validate', 'test'], 'test: is a folder, not a file\n'],
    [['validate', 'package.json'], 'package.json: unknown file type ".json": Fleetbook reads .xlsx workbooks and .csv files\n'],
  ])('explains an unreadable input %j: exit 1, no stack trace', (args, stderr) => {
    expect(fleetbook(...args)).toEqual({ code: 1, stdout: '', stderr });
  });
});
