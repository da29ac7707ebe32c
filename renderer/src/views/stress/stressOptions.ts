import { create } from 'zustand';
import type { AssetClass } from '../../../../shared/domain/fleet';
import { DEFAULT_PATHS, DEFAULT_SEED, DEFAULT_WHAT_IF_LIVES, type TornadoOutput } from '../../../../shared/engine/stress';

/** What the Stress view shows; kept outside the view so it survives switching views (not undoable: not document data). */
export interface StressOptions {
  /** The scenario the tornado, the Monte Carlo and the life what-if run on ("Base": the workbook itself). */
  scenario: string;
  output: TornadoOutput;
  /** Fiscal year of the depreciation output; null: the as-of month's. */
  fiscalYear: string | null;
  lives: number[];
  whatIfClass: AssetClass | null;
  pathsText: string;
  seedText: string;
  /** What the fan chart shows. */
  fan: 'economicValue' | 'gap';
  set(patch: Partial<Omit<StressOptions, 'set'>>): void;
}

export const useStressOptions = create<StressOptions>()((set) => ({
  scenario: 'Base',
  output: 'economicValue',
  fiscalYear: null,
  lives: [...DEFAULT_WHAT_IF_LIVES],
  whatIfClass: null,
  pathsText: String(DEFAULT_PATHS),
  seedText: String(DEFAULT_SEED),
  fan: 'economicValue',
  set: (patch) => set(patch),
}));
