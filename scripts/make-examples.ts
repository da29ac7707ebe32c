/**
 * Writes the example files of examples/ (reproducibly: the same bytes every run):
 *   sample-fleet.xlsx            a bitcoin miner pivoting to AI: ASIC generations, GPU servers,
 *                                site infrastructure, events, assumptions and scenarios
 *   messy-register.csv           an asset register as an accounting system exports it
 *   messy-register.mapping.txt   the fleetbook arguments that open it
 * Run:
 *   npx esbuild scripts/make-examples.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=dist/make-examples.mjs && node dist/make-examples.mjs
 *
 * Prices and specs come from reference/economics.md (sections 2.4, 2.5, 3.1, 3.5) and the hardware
 * presets; they are illustrative, dated figures, not quotes.
 */
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../shared/domain/fleet';
import { serializeFleet } from '../shared/workbook/xlsx/writeWorkbook';

const $ = (dollars: number): number => Math.round(dollars * 100);

function lot(l: Omit<Lot, 'method' | 'convention' | 'taxClass' | 'salvagePct'> & Partial<Lot>): Lot {
  return { method: 'SL', convention: 'full-month', taxClass: 'MACRS-5', salvagePct: 0, ...l };
}

/** Northwind Hash & Compute: five ASIC generations, three GPU server lots, two site projects. */
export function sampleFleet(): Fleet {
  return {
    assumptions: {
      ...DEFAULT_ASSUMPTIONS,
      company: 'Northwind Hash & Compute',
      currency: 'USD',
      fiscalYearStartMonth: 1,
      asOf: '2026-03-31',
      horizonMonths: 96,
      taxRatePct: 21,
      discountRatePct: 12,
      drivers: {
        hashpricephday: 39.5,
        asicpowerpricekwh: 0.045,
        gpupowerpricekwh: 0.08,
        gpuutilization: 85,
        marketstart: '2026-01-01',
      },
    },
    lots: [
      // 2021 bull market: about $70/TH for an S19j Pro; booked over the then-usual 5 years.
      lot({ id: 'NW-A01', assetClass: 'ASIC', model: 'Antminer S19j Pro', quantity: 2400, unitCost: $(7280), acquired: '2021-06-15', inService: '2021-10-01', lifeMonths: 60, hashrateThs: 104, powerW: 3068 }),
      // 2022: about $40/TH for the first sub-25 J/TH machine.
      lot({ id: 'NW-A02', assetClass: 'ASIC', model: 'Antminer S19 XP', quantity: 1500, unitCost: $(5640), acquired: '2022-04-01', inService: '2022-09-15', lifeMonths: 60, convention: 'mid-month', hashrateThs: 141, powerW: 3010 }),
      // S21 pre-order at $14/TH (Oct 2023), delivered for the 2024 halving.
      lot({ id: 'NW-A03', assetClass: 'ASIC', model: 'Antminer S21', quantity: 3000, unitCost: $(2800), acquired: '2023-10-20', inService: '2024-03-15', lifeMonths: 36, hashrateThs: 200, powerW: 3500 }),
      lot({ id: 'NW-A04', assetClass: 'ASIC', model: 'Whatsminer M60S', quantity: 1200, unitCost: $(2944), acquired: '2024-05-10', inService: '2024-08-01', lifeMonths: 36, hashrateThs: 184, powerW: 3404 }),
      lot({ id: 'NW-A05', assetClass: 'ASIC', model: 'Antminer S21 Pro', quantity: 2000, unitCost: $(4446), acquired: '2024-11-05', inService: '2025-01-10', lifeMonths: 36, salvagePct: 5, hashrateThs: 234, powerW: 3510 }),
      // 8-GPU servers: about $300k per H100 node, $325k per H200 node (IREN's H200 purchase), $450k per B200 node.
      lot({ id: 'NW-G01', assetClass: 'GPU', model: 'NVIDIA H100 80GB SXM5', quantity: 64, unitCost: $(300_000), acquired: '2024-03-20', inService: '2024-06-01', lifeMonths: 60, salvagePct: 10, gpusPerUnit: 8, powerW: 10_200, rentPerGpuHour: 2.35 }),
      lot({ id: 'NW-G02', assetClass: 'GPU', model: 'NVIDIA H200 141GB SXM', quantity: 48, unitCost: $(325_000), acquired: '2025-01-28', inService: '2025-04-01', lifeMonths: 72, convention: 'mid-month', salvagePct: 10, gpusPerUnit: 8, powerW: 10_200, rentPerGpuHour: 3.6 }),
      lot({ id: 'NW-G03', assetClass: 'GPU', model: 'NVIDIA B200 192GB', quantity: 32, unitCost: $(450_000), acquired: '2025-07-15', inService: '2025-11-01', lifeMonths: 72, salvagePct: 10, gpusPerUnit: 8, powerW: 14_300, rentPerGpuHour: 5.94 }),
      // Site work for the AI pivot: cooling and power upgrade, and a modular data hall.
      lot({ id: 'NW-X01', assetClass: 'Other', model: 'Immersion cooling and transformer upgrade, Site 2', quantity: 1, unitCost: $(6_800_000), inService: '2025-02-01', lifeMonths: 120, method: '150DB', taxClass: 'MACRS-7' }),
      lot({ id: 'NW-X02', assetClass: 'Other', model: 'Modular data hall, AI pod 1', quantity: 1, unitCost: $(14_500_000), inService: '2025-03-01', lifeMonths: 180, convention: 'half-year', taxClass: 'none' }),
    ],
    events: [
      // The 2022 bear market: S19j Pros at about $10.50/TH.
      { date: '2022-12-31', lotId: 'NW-A01', type: 'impairment', fairValue: $(2_640_000) },
      // Lives cut from 5 to 3 years ahead of the 2024 halving, as CleanSpark and Cipher did.
      { date: '2024-05-01', lotId: 'NW-A02', type: 'change-estimate', lifeMonths: 36 },
      { date: '2025-06-30', lotId: 'NW-A01', type: 'disposal', units: 600, proceeds: $(210_000) },
      // Summer curtailment at the Kearney site.
      { date: '2025-08-01', lotId: 'NW-A04', type: 'idle', until: '2025-09-30' },
      { date: '2026-02-28', lotId: 'NW-A01', type: 'held-for-sale', fairValueLessCosts: $(450_000) },
    ],
    scenarios: [
      { scenario: 'Short lives', key: 'ASIC Life (months)', value: 36 },
      { scenario: 'Short lives', key: 'GPU Life (months)', value: 48 },
      { scenario: 'Bear market', key: 'Hashprice ($/PH/day)', value: 28.68 },
      { scenario: 'Bear market', key: 'GPU Rent Decay (%/yr)', value: 40 },
      { scenario: 'Bear market', key: 'GPU Utilization %', value: 65 },
    ],
  };
}

export function sampleWorkbook(): Promise<Uint8Array> {
  return serializeFleet(sampleFleet(), 'xlsx');
}

/**
 * A fixed-asset register as an accounting system exports it: its own headers, a cost per unit with
 * a currency sign and thousands separators, dd/mm/yyyy dates (some ambiguous), lives in years,
 * a blank line, a Location column Fleetbook does not read.
 */
export const MESSY_REGISTER = [
  'Asset No.,Description,Asset Class,Qty,Acquisition Cost per Unit (USD),Date Placed In Service,Life (yrs),Depreciation Method,Location',
  'FA-10023,Antminer S19j Pro 104T,Miner,"1,200","$7,150.00",01/11/2021,5,Straight Line,"Rockdale, TX"',
  'FA-10024,Antminer S19j Pro 104T,Miner,800,"$6,980.00",15/12/2021,5,Straight Line,"Rockdale, TX"',
  'FA-10311,Antminer S19 XP 141T,Miner,900,"$5,640.00",20/09/2022,3,Straight Line,"Kearney, NE"',
  '',
  'FA-11050,Antminer S21 200T,Miner,"2,500","$2,800.00",05/03/2024,3,Straight Line,"Kearney, NE"',
  'FA-11051,Whatsminer M60S 184T,Miner,"1,000","$2,944.00",12/08/2024,3,Straight Line,"Kearney, NE"',
  'FA-12001,NVIDIA HGX H100 8-GPU server,GPU Server,32,"$298,500.00",03/06/2024,5,Straight Line,"Ashburn, VA"',
  'FA-12002,NVIDIA HGX H200 8-GPU server,GPU Server,24,"$326,000.00",14/04/2025,6,Straight Line,"Ashburn, VA"',
  'FA-12003,NVIDIA DGX B200,GPU Server,16,"$452,750.00",03/11/2025,6,Double Declining Balance,"Ashburn, VA"',
  'FA-13000,Switchgear and transformers (Site 2),Other,1,"$1,850,000.00",30/01/2025,15,Straight Line,"Kearney, NE"',
]
  .map((l) => `${l}\r\n`)
  .join('');

/** The command-line arguments that open the register: two columns to map, and day-first dates. */
export const MESSY_MAPPING = [
  '# The fleetbook arguments that open messy-register.csv: its Description is the Model, its',
  '# Acquisition Cost per Unit is the Unit Cost, and its dates are day first (dd/mm/yyyy).',
  '# Other headers (Asset No., Qty, Date Placed In Service, Life (yrs)...) are recognised as they are.',
  '#   grep -v "^#" examples/messy-register.mapping.txt | xargs npm run --silent fleetbook -- validate examples/messy-register.csv',
  '--map "Description=Model"',
  '--map "Acquisition Cost per Unit (USD)=Unit Cost"',
  '--date-locale EU',
]
  .map((l) => `${l}\n`)
  .join('');

export async function exampleFiles(): Promise<Record<string, Uint8Array>> {
  const enc = new TextEncoder();
  return {
    'sample-fleet.xlsx': await sampleWorkbook(),
    'messy-register.csv': enc.encode(MESSY_REGISTER),
    'messy-register.mapping.txt': enc.encode(MESSY_MAPPING),
  };
}

async function writeExamples(): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = join(process.cwd(), 'examples');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(await exampleFiles())) writeFileSync(join(dir, name), bytes);
  console.log(`wrote ${Object.keys(await exampleFiles()).join(', ')} into examples/`);
}

if (process.argv[1]?.endsWith('make-examples.mjs')) await writeExamples();
