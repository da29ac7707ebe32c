import type { AssetClass, Lot } from '../domain/fleet';

/**
 * Hardware presets: the ASIC and GPU models of reference/economics.md section 6, with nominal specs,
 * dated market references, and for every figure where it comes from and when.
 *
 * Units: ASIC `powerW` is the machine's wall power; a GPU preset describes one 8-GPU server
 * (HGX/DGX class), so `powerW` is the server's maximum power and `gpusPerUnit` is 8. Prices are in
 * US dollars (reference figures, not engine money); rents in $/GPU-hour.
 */
export interface PresetSource {
  /** Where the figure comes from (the reference section and the source it names). */
  source: string;
  /** When the figure was true or published ('2024', '2026-03', '2025-11-03'). */
  date: string;
}

export interface HardwarePreset {
  /** Stable id, as in economics.md section 6 ('s21_xp', 'h100_sxm'). */
  id: string;
  assetClass: Extract<AssetClass, 'ASIC' | 'GPU'>;
  vendor: string;
  name: string;
  /** Other names a Fleet row may use for the model; matched like `name` (see normaliseModel). */
  aliases: string[];
  /** Release year of the model. */
  year?: number;
  /** False when economics.md marks the entry unverified: check before relying on it. */
  verified: boolean;
  /** App default book life. */
  bookLifeMonths: number;

  // ASIC
  hashrateThs?: number;
  powerW?: number;
  jPerTh?: number;
  cooling?: 'air' | 'hydro' | 'immersion';
  /** Hashrate Index efficiency tier (J/TH). */
  tier?: string;
  /** Dated market reference price in $/TH (not a list price). */
  refPriceUsdPerTh?: number;

  // GPU
  gpusPerUnit?: number;
  /** Board power of one GPU. */
  tdpW?: number;
  /** New street price of one GPU, $. */
  streetPriceUsd?: number;
  /** Range of used prices of one GPU, $. */
  usedPriceUsd?: [number, number];
  /** Market rent, $/GPU-hour, at `sources.rentPerGpuHour.date`. */
  rentPerGpuHour?: number;
  /** Measured secondary-market price change per year (-0.282 = -28.2%/yr). */
  secondaryDecayAnnual?: number;
  /** Placeholder all-in capex of one 8-GPU server, $. */
  serverCapexUsd?: number;

  /** Source and date of each figure above, by field name. */
  sources: Partial<Record<PresetField, PresetSource>>;
}

export type PresetField =
  | 'hashrateThs'
  | 'powerW'
  | 'jPerTh'
  | 'refPriceUsdPerTh'
  | 'tdpW'
  | 'streetPriceUsd'
  | 'usedPriceUsd'
  | 'rentPerGpuHour'
  | 'secondaryDecayAnnual'
  | 'serverCapexUsd'
  | 'bookLifeMonths';

const COMMUNITY_DB = 'economics.md §2.4: community power table (GitHub JS file), vendor nominal';
const ASIC_LIFE: PresetSource = { source: 'economics.md §5.8/§6: ASIC book life 36 months (CleanSpark, Cipher, Stronghold filings)', date: '2026' };
const GPU_LIFE: PresetSource = { source: 'economics.md §5.8/§6: GPU book life 72 months (hyperscalers, CoreWeave filings)', date: '2026' };
const SERVER_KW: PresetSource = { source: 'economics.md §3.3: 8-GPU server maximum, ewyluda/gpu-price-index src/gpu_index/tco.py', date: '2026' };
const SPOTWIRE: PresetSource = { source: 'economics.md §3.5: SpotWire eBay sold comps (depreciation_crossval.json)', date: '2026-06-04' };

function asic(
  id: string,
  name: string,
  vendor: string,
  year: number,
  hashrateThs: number,
  powerW: number,
  jPerTh: number,
  cooling: 'air' | 'hydro' | 'immersion',
  tier: string,
  verified: boolean,
  specSource: string,
  price?: { usdPerTh: number; source: string; date: string },
): HardwarePreset {
  const short = name.replace(/^(Antminer|Whatsminer)\s+/, '');
  const spec: PresetSource = { source: specSource, date: String(year) };
  return {
    id,
    assetClass: 'ASIC',
    vendor,
    name,
    aliases: [short, `${vendor} ${name}`, `${vendor} ${short}`, id],
    year,
    verified,
    bookLifeMonths: 36,
    hashrateThs,
    powerW,
    jPerTh,
    cooling,
    tier,
    ...(price ? { refPriceUsdPerTh: price.usdPerTh } : {}),
    sources: {
      hashrateThs: spec,
      powerW: spec,
      jPerTh: spec,
      bookLifeMonths: ASIC_LIFE,
      ...(price ? { refPriceUsdPerTh: { source: price.source, date: price.date } } : {}),
    },
  };
}

function gpuAliases(chip: string, extra: string[]): string[] {
  return [chip, `NVIDIA ${chip}`, `HGX ${chip}`, `DGX ${chip}`, ...extra];
}

export const HARDWARE_PRESETS: readonly HardwarePreset[] = [
  asic('s19j_pro', 'Antminer S19j Pro', 'Bitmain', 2021, 104, 3068, 29.5, 'air', '25-38', true,
    'economics.md §2.4: nhamilton1/asics-tools src/utils/asic-queries/asicWattList.ts',
    { usdPerTh: 13.25, source: 'economics.md §2.5: Luxor RFQ (S19 Pro 104T), hashrateindex.com', date: '2023-06' }),
  asic('s19_xp', 'Antminer S19 XP', 'Bitmain', 2022, 141, 3010, 21.5, 'air', '19-25', true,
    'economics.md §2.4: nhamilton1/asics-tools; miningstore.com',
    { usdPerTh: 24.0, source: 'economics.md §2.5: Luxor RFQ June 2023, hashrateindex.com', date: '2023-06' }),
  asic('t21', 'Antminer T21', 'Bitmain', 2024, 190, 3610, 19.0, 'air', '19-25', true,
    `${COMMUNITY_DB}; blockoala.com/news/6854`,
    { usdPerTh: 14.0, source: 'economics.md §2.5: Bitfarms purchase, blockoala.com/news/6854', date: '2024-03' }),
  asic('s21', 'Antminer S21', 'Bitmain', 2024, 200, 3500, 17.5, 'air', '<19', true,
    `economics.md §2.4: theminermag.com (hashrate); ${COMMUNITY_DB} (power)`,
    { usdPerTh: 17.5, source: 'economics.md §2.5: Bitfarms purchase, blockoala.com/news/6854 (pre-order $14/TH, Oct 2023)', date: '2024-03' }),
  asic('s21_pro', 'Antminer S21 Pro', 'Bitmain', 2024, 234, 3510, 15.0, 'air', '<19', false, COMMUNITY_DB),
  asic('s21_xp', 'Antminer S21 XP', 'Bitmain', 2024, 270, 3645, 13.5, 'air', '<19', true,
    `economics.md §2.4: btcminermarketplace.com; ${COMMUNITY_DB}`,
    { usdPerTh: 25.7, source: 'economics.md §2.5: Hashrate Index roundup (spot)', date: '2025-11-03' }),
  asic('s21_xp_hyd', 'Antminer S21 XP Hyd', 'Bitmain', 2025, 473, 5676, 12.0, 'hydro', '<19', false, COMMUNITY_DB),
  asic('s23_hyd', 'Antminer S23 Hyd', 'Bitmain', 2026, 580, 5510, 9.5, 'hydro', '<19', false,
    `${COMMUNITY_DB}; 9.7 J/TH per TheMinerMag`),
  asic('m60s', 'Whatsminer M60S', 'MicroBT', 2024, 184, 3404, 18.5, 'air', '<19', false, COMMUNITY_DB),
  asic('m66s', 'Whatsminer M66S', 'MicroBT', 2024, 298, 5364, 18.0, 'immersion', '<19', false, COMMUNITY_DB),
  {
    id: 'v100_32',
    assetClass: 'GPU',
    vendor: 'NVIDIA',
    name: 'NVIDIA V100 32GB',
    aliases: gpuAliases('V100', ['V100 32GB', 'Tesla V100', 'Tesla V100 32GB', 'v100_32']),
    year: 2017,
    verified: false,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 300,
    secondaryDecayAnnual: -0.365,
    sources: {
      tdpW: { source: 'economics.md §6 preset data', date: '2026' },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (V100 32GB PCIe, n=264, R² 0.84)`, date: SPOTWIRE.date },
      bookLifeMonths: GPU_LIFE,
    },
  },
  {
    id: 'a100_80',
    assetClass: 'GPU',
    vendor: 'NVIDIA',
    name: 'NVIDIA A100 80GB SXM4',
    aliases: gpuAliases('A100', ['A100 80GB', 'A100 SXM', 'A100 SXM4', 'A100 80GB SXM4', 'a100_80']),
    year: 2020,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 400,
    powerW: 6500,
    streetPriceUsd: 15000,
    usedPriceUsd: [4000, 18000],
    rentPerGpuHour: 1.7,
    secondaryDecayAnnual: -0.282,
    serverCapexUsd: 120000,
    sources: {
      tdpW: { source: 'economics.md §3.3: lynx-cortex datacenter economics', date: '2026' },
      powerW: SERVER_KW,
      streetPriceUsd: { source: 'economics.md §3.5/§6: GLRI residual pages (A100 80GB SXM4 MSRP)', date: '2026-01' },
      usedPriceUsd: { source: 'economics.md §3.5: computeforecast.com secondary market', date: '2026' },
      rentPerGpuHour: { source: 'economics.md §3.1: GIX (henryzhangpku/gpu-price-index), median $1.70-1.88, range $0.81-3.50', date: '2026-08' },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (A100 80GB SXM4, n=84)`, date: SPOTWIRE.date },
      serverCapexUsd: { source: 'economics.md §6: placeholder', date: '2026' },
      bookLifeMonths: GPU_LIFE,
    },
  },
  {
    id: 'h100_sxm',
    assetClass: 'GPU',
    vendor: 'NVIDIA',
    name: 'NVIDIA H100 80GB SXM5',
    aliases: gpuAliases('H100', ['H100 SXM', 'H100 SXM5', 'H100 80GB', 'H100 80GB SXM5', 'h100_sxm']),
    year: 2022,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 700,
    powerW: 10200,
    streetPriceUsd: 30000,
    usedPriceUsd: [15000, 28000],
    rentPerGpuHour: 2.35,
    secondaryDecayAnnual: 0.006,
    serverCapexUsd: 250000,
    sources: {
      tdpW: { source: 'economics.md §3.3: huggingface.co/hardware/h100', date: '2026' },
      powerW: { source: `${SERVER_KW.source} (DGX H100 10.2 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: 'economics.md §3.5: aiinframap.com TCO tool (±20-40%)', date: '2026-06' },
      usedPriceUsd: { source: 'economics.md §3.5: computeforecast.com secondary market', date: '2026' },
      rentPerGpuHour: { source: 'economics.md §3.1: SemiAnalysis 1-year contract index (GIX demo $3.59 on 2026-08-27)', date: '2026-03' },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (H100 80GB, n=88, R² ≈ 0: flat scarcity market)`, date: SPOTWIRE.date },
      serverCapexUsd: { source: 'economics.md §3.5/§6: ewyluda placeholder $250k per 8-GPU server', date: '2026' },
      bookLifeMonths: GPU_LIFE,
    },
  },
  {
    id: 'h200_sxm',
    assetClass: 'GPU',
    vendor: 'NVIDIA',
    name: 'NVIDIA H200 141GB SXM',
    aliases: gpuAliases('H200', ['H200 SXM', 'H200 141GB', 'H200 141GB SXM', 'h200_sxm']),
    year: 2024,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 700,
    powerW: 10200,
    streetPriceUsd: 35000,
    rentPerGpuHour: 3.6,
    serverCapexUsd: 300000,
    sources: {
      tdpW: { source: 'economics.md §3.3: MLCommons v4.1 system JSON (H200 TGP 700 W)', date: '2024' },
      powerW: { source: `${SERVER_KW.source} (DGX H200 10.2 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: 'economics.md §3.5: aiinframap.com TCO tool (±20-40%)', date: '2026-06' },
      rentPerGpuHour: { source: 'economics.md §3.1: GIX demo benchmark (henryzhangpku/gpu-price-index)', date: '2026-08-27' },
      serverCapexUsd: { source: 'economics.md §6: placeholder', date: '2026' },
      bookLifeMonths: GPU_LIFE,
    },
  },
  {
    id: 'b200',
    assetClass: 'GPU',
    vendor: 'NVIDIA',
    name: 'NVIDIA B200 192GB',
    aliases: gpuAliases('B200', ['B200 192GB', 'b200']),
    year: 2025,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 1000,
    powerW: 14300,
    streetPriceUsd: 40000,
    rentPerGpuHour: 5.94,
    serverCapexUsd: 450000,
    sources: {
      tdpW: { source: 'economics.md §3.3: lynx-cortex datacenter economics', date: '2026' },
      powerW: { source: `${SERVER_KW.source} (DGX B200 14.3 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: 'economics.md §3.5: aiinframap.com ($40-50k; ~$50k at release per FT)', date: '2026-06' },
      rentPerGpuHour: { source: 'economics.md §3.1: GIX demo benchmark (2025 floor $2.80, FT/RBC)', date: '2026-08-27' },
      serverCapexUsd: { source: 'economics.md §6: placeholder', date: '2026' },
      bookLifeMonths: GPU_LIFE,
    },
  },
];

/**
 * The comparison form of a model name: lower case without spaces, hyphens, underscores or dots,
 * so "Antminer S21 XP", "antminer s21-xp" and "S21XP" compare equal (after the vendor/series
 * aliases). Other characters stay: "S21+" is a different machine from "S21".
 */
export function normaliseModel(model: string): string {
  return model.normalize('NFKC').toLowerCase().replace(/[\s\-_.]+/g, '');
}

const BY_NAME: ReadonlyMap<string, HardwarePreset> = (() => {
  const m = new Map<string, HardwarePreset>();
  for (const p of HARDWARE_PRESETS) {
    for (const n of [p.name, p.id, ...p.aliases]) {
      const k = normaliseModel(n);
      const prior = m.get(k);
      if (prior && prior !== p) throw new Error(`preset name clash: ${n}`);
      m.set(k, p);
    }
  }
  return m;
})();

/** The preset whose name, id or an alias matches `model` (case, spaces, hyphens ignored). */
export function findPreset(model: string): HardwarePreset | undefined {
  if (!model) return undefined;
  return BY_NAME.get(normaliseModel(model));
}

/**
 * The lot with blank specs taken from its model's preset (a value on the row always wins). The
 * preset applies only when its class is the lot's class. A GPU preset describes an 8-GPU server: a
 * row with another GPUs per Unit and no Power gets the preset's power per GPU times its GPUs.
 */
export function lotWithPresetSpecs(lot: Lot): { lot: Lot; preset?: HardwarePreset } {
  const preset = findPreset(lot.model);
  if (!preset || preset.assetClass !== lot.assetClass) return { lot };
  const out: Lot = { ...lot };
  if (preset.assetClass === 'ASIC') {
    if (blank(out.hashrateThs)) out.hashrateThs = preset.hashrateThs;
    if (blank(out.powerW)) out.powerW = preset.powerW;
  } else {
    const presetGpus = preset.gpusPerUnit ?? 8;
    if (blank(out.gpusPerUnit)) out.gpusPerUnit = presetGpus;
    if (blank(out.powerW) && preset.powerW !== undefined) {
      out.powerW = (preset.powerW * (out.gpusPerUnit as number)) / presetGpus;
    }
    if (blank(out.rentPerGpuHour)) out.rentPerGpuHour = preset.rentPerGpuHour;
  }
  return { lot: out, preset };
}

/** A spec cell left empty (undefined, or null/NaN from a lenient reader). */
function blank(v: number | undefined | null): boolean {
  return v === undefined || v === null || Number.isNaN(v);
}
