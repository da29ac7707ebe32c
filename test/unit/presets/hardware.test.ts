import { describe, expect, it } from 'vitest';
import { HARDWARE_PRESETS, findPreset, lotWithPresetSpecs } from '../../../shared/presets';
import type { Lot } from '../../../shared/domain/fleet';

const lot = (p: Partial<Lot>): Lot => ({
  id: 'L', assetClass: 'ASIC', model: '', quantity: 1, unitCost: 0, inService: '2026-01-01', salvagePct: 0,
  lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5', ...p,
});

describe('HARDWARE_PRESETS', () => {
  it('holds the 10 ASIC and 5 GPU models of economics.md section 6', () => {
    expect(HARDWARE_PRESETS.filter((p) => p.assetClass === 'ASIC').map((p) => p.id)).toEqual([
      's19j_pro', 's19_xp', 't21', 's21', 's21_pro', 's21_xp', 's21_xp_hyd', 's23_hyd', 'm60s', 'm66s',
    ]);
    expect(HARDWARE_PRESETS.filter((p) => p.assetClass === 'GPU').map((p) => p.id)).toEqual(['v100_32', 'a100_80', 'h100_sxm', 'h200_sxm', 'b200']);
  });

  it('ASIC efficiency agrees with power / hashrate within the rounding of the published J/TH', () => {
    // e.g. S21: 3,500 W / 200 TH/s = 17.5 J/TH; S19j Pro: 3,068 / 104 = 29.5.
    for (const p of HARDWARE_PRESETS.filter((q) => q.assetClass === 'ASIC')) {
      expect(Math.abs(p.powerW! / p.hashrateThs! - p.jPerTh!), p.id).toBeLessThan(0.35);
    }
  });

  it('every figure given has a source and a date', () => {
    const fields = ['hashrateThs', 'powerW', 'jPerTh', 'refPriceUsdPerTh', 'tdpW', 'streetPriceUsd', 'usedPriceUsd', 'rentPerGpuHour', 'secondaryDecayAnnual', 'serverCapexUsd', 'bookLifeMonths'] as const;
    for (const p of HARDWARE_PRESETS) {
      for (const f of fields) {
        if (p[f] === undefined) continue;
        const s = p.sources[f];
        expect(s, `${p.id}.${f}`).toBeDefined();
        expect(s!.source.length).toBeGreaterThan(5);
        expect(s!.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      }
    }
  });

  it('reference figures as economics.md states them', () => {
    expect(findPreset('S21 XP')).toMatchObject({ hashrateThs: 270, powerW: 3645, refPriceUsdPerTh: 25.7 });
    expect(findPreset('H100')).toMatchObject({ powerW: 10200, gpusPerUnit: 8, rentPerGpuHour: 2.35, serverCapexUsd: 250000 });
    expect(findPreset('B200')).toMatchObject({ powerW: 14300, rentPerGpuHour: 5.94 });
  });
});

describe('findPreset', () => {
  it('matches name, short name, vendor form and id, ignoring case, spaces and hyphens', () => {
    for (const name of ['Antminer S21 XP', 'antminer s21xp', 'S21-XP', 'Bitmain S21 XP', 's21_xp', '  S21 xp ']) {
      expect(findPreset(name)?.id, name).toBe('s21_xp');
    }
    expect(findPreset('NVIDIA H100 80GB SXM5')?.id).toBe('h100_sxm');
    expect(findPreset('hgx h200')?.id).toBe('h200_sxm');
    expect(findPreset('Whatsminer M60S')?.id).toBe('m60s');
  });

  it('does not match a different machine by prefix or suffix', () => {
    expect(findPreset('S21')?.id).toBe('s21');
    expect(findPreset('S21+')).toBeUndefined();
    expect(findPreset('S21 Pro')?.id).toBe('s21_pro');
    expect(findPreset('A100 PCIe')).toBeUndefined();
    expect(findPreset('')).toBeUndefined();
  });
});

describe('lotWithPresetSpecs', () => {
  it('fills blank specs and keeps the row values', () => {
    expect(lotWithPresetSpecs(lot({ model: 'S21' })).lot).toMatchObject({ hashrateThs: 200, powerW: 3500 });
    expect(lotWithPresetSpecs(lot({ model: 'S21', powerW: 3300 })).lot).toMatchObject({ hashrateThs: 200, powerW: 3300 });
  });

  it('a GPU row with its own GPU count gets the preset power per GPU times that count', () => {
    // H100 server 10,200 W for 8 GPUs: one GPU = 1,275 W (economics.md 5.2: 10.2 / 8 = 1.275 kW).
    expect(lotWithPresetSpecs(lot({ assetClass: 'GPU', model: 'H100', gpusPerUnit: 1 })).lot).toMatchObject({ gpusPerUnit: 1, powerW: 1275, rentPerGpuHour: 2.35 });
    expect(lotWithPresetSpecs(lot({ assetClass: 'GPU', model: 'H100' })).lot).toMatchObject({ gpusPerUnit: 8, powerW: 10200 });
  });

  it('applies only to a lot of the preset class', () => {
    const r = lotWithPresetSpecs(lot({ assetClass: 'GPU', model: 'S21' }));
    expect(r.preset).toBeUndefined();
    expect(r.lot.hashrateThs).toBeUndefined();
  });
});
