// The example files open as documented: the sample workbook through the host's codec with no
// problem at all, the messy register with its mapping and date locale (and not without them); and
// the committed files are what scripts/make-examples.ts writes today.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/domain/problem';
import { parseCsv, readFleetFromTables, type ColumnMapping, type DateLocale } from '../../../shared/workbook';
import { decodeCsvBytes } from '../../../shared/workbook/xlsx/writeWorkbook';
import { workbookCodec } from '../../../electron/host/workbook-codec';
import { exampleFiles, sampleFleet } from '../../../scripts/make-examples';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const file = async (name: string) => new Uint8Array(await readFile(`${EXAMPLES}${name}`));

/** The --map and --date-locale arguments of a mapping file, read as a shell would split them. */
function mappingArgs(text: string): { mapping: ColumnMapping; dateLocale?: DateLocale } {
  const args = text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .flatMap((l) => [...l.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]));
  const out: { mapping: ColumnMapping; dateLocale?: DateLocale } = { mapping: {} };
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--map') {
      const eq = args[i + 1].lastIndexOf('=');
      out.mapping[args[i + 1].slice(0, eq)] = args[i + 1].slice(eq + 1);
    } else if (args[i] === '--date-locale') out.dateLocale = args[i + 1] as DateLocale;
    else throw new Error(`unexpected argument ${args[i]}`);
  }
  return out;
}

describe('examples/', () => {
  it('sample-fleet.xlsx opens through the codec without a problem, and can be overwritten', async () => {
    const r = await workbookCodec.parse(await file('sample-fleet.xlsx'), 'sample-fleet.xlsx');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([]);
    expect(r.value.overwriteBlocked).toBeUndefined();
    expect(r.value.fleet).toEqual(sampleFleet());
    const { fleet } = r.value;
    expect(fleet.assumptions.company).toBe('Northwind Hash & Compute');
    expect(fleet.lots.map((l) => l.assetClass)).toEqual(['ASIC', 'ASIC', 'ASIC', 'ASIC', 'ASIC', 'GPU', 'GPU', 'GPU', 'Other', 'Other']);
    expect(new Set(fleet.events.map((e) => e.type))).toEqual(new Set(['impairment', 'change-estimate', 'disposal', 'idle', 'held-for-sale']));
    expect([...new Set(fleet.scenarios.map((s) => s.scenario))]).toEqual(['Short lives', 'Bear market']);
  });

  it('messy-register.csv opens with its mapping and day-first dates, warning only of its Location column', async () => {
    const { mapping, dateLocale } = mappingArgs(new TextDecoder().decode(await file('messy-register.mapping.txt')));
    expect(dateLocale).toBe('EU');
    const read = readFleetFromTables([parseCsv(decodeCsvBytes(await file('messy-register.csv')))], { sourceName: 'messy-register.csv', mapping, dateLocale });
    if (!read.ok) throw new Error(read.error.map(formatProblem).join('\n'));
    expect(read.value.warnings.map(formatProblem)).toEqual(['Fleet!I1: column "Location" is not a Fleetbook column; kept as is']);
    const lots = read.value.fleet.lots;
    expect(lots).toHaveLength(9);
    // "1,200" units at "$7,150.00" placed in service 01/11/2021 (1 November), 5 years.
    expect(lots[0]).toMatchObject({ id: 'FA-10023', assetClass: 'ASIC', model: 'Antminer S19j Pro 104T', quantity: 1200, unitCost: 715_000, inService: '2021-11-01', lifeMonths: 60, method: 'SL' });
    expect(lots[7]).toMatchObject({ id: 'FA-12003', assetClass: 'GPU', quantity: 16, unitCost: 45_275_000, inService: '2025-11-03', lifeMonths: 72, method: 'DDB' });
    expect(read.value.extras.fleet.values[0]).toEqual(['Rockdale, TX']);
  });

  it('messy-register.csv does not open without its mapping, nor with its dates read month first', async () => {
    const tables = [parseCsv(decodeCsvBytes(await file('messy-register.csv')))];
    const bare = readFleetFromTables(tables, { sourceName: 'messy-register.csv', dateLocale: 'EU' });
    expect(!bare.ok && bare.error.map(formatProblem)).toContain('Fleet!A1: missing required column "Unit Cost"');
    const { mapping } = mappingArgs(new TextDecoder().decode(await file('messy-register.mapping.txt')));
    const us = readFleetFromTables(tables, { sourceName: 'messy-register.csv', mapping, dateLocale: 'US' });
    expect(!us.ok && us.error.map(formatProblem)).toContain('Fleet!F3: In Service "15/12/2021" is not a date in the US order (month/day/year)');
  });

  it('are what scripts/make-examples.ts writes', async () => {
    for (const [name, bytes] of Object.entries(await exampleFiles())) expect(Buffer.from(await file(name)).equals(Buffer.from(bytes)), name).toBe(true);
  });
});
