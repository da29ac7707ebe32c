import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../shared/domain/fleet';
import { computeBookSchedules, computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { applyScenario, compareScenarios, lifeWhatIf, runMonteCarlo, sensitivity, tornado } from '../../../shared/engine/stress';
import { createEngineCore } from '../../../renderer/src/engine/core';
import type { FromWorker } from '../../../renderer/src/engine/protocol';
import type { StressQuery } from '../../../renderer/src/engine/stressProtocol';
import { sampleFleet } from '../../../scripts/make-examples';

type Core = ReturnType<typeof createEngineCore>;
type Msg<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

// A clock that never moves: pump(0) then runs exactly one path per slice.
function coreWith(fleet: Fleet): Core {
  const core = createEngineCore({ computeLotSchedule, rollupPeriods }, () => 0);
  core.handle({ type: 'fleet', version: 1, fleet });
  return core;
}

function ask(core: Core, query: StressQuery, exclude?: number[]) {
  const [reply] = core.handle({ type: 'stress', id: 3, version: 1, query, exclude });
  if (reply.message.type === 'error') throw new Error(reply.message.message);
  return (reply.message as Msg<'stress-result'>).result;
}

/** Runs a Monte Carlo through the core's slices until it answers; every message in order. */
function runInSlices(core: Core, paths: number, seed: number, scenario = 'Base', stopAfter = Infinity): FromWorker[] {
  const out: FromWorker[] = core.handle({ type: 'montecarlo', id: 9, version: 1, query: { scenario, paths, seed } }).map((r) => r.message);
  let slices = 0;
  while (core.busy()) {
    if (slices++ === stopAfter) out.push(...core.handle({ type: 'cancel', id: 9, version: 1 }).map((r) => r.message));
    else out.push(...core.pump(0).map((r) => r.message));
  }
  return out;
}

const sample = sampleFleet();

describe('engine worker core: Monte Carlo', () => {
  it('gives the same result as runMonteCarlo (and so the CLI) for the same fleet, paths and seed', () => {
    const messages = runInSlices(coreWith(sample), 40, 7);
    const last = messages.at(-1) as Msg<'montecarlo-result'>;
    expect(last.type).toBe('montecarlo-result');
    const expected = runMonteCarlo(sample, { paths: 40, seed: 7 });
    if (!expected.ok) throw new Error('sample fleet does not run');
    expect(last.result).toEqual(expected.value);
    expect(last.result.stopped).toBe(false);
    // Progress from 0 to 39 of 40 in between, one slice (path) at a time.
    const progress = messages.filter((m): m is Msg<'progress'> => m.type === 'progress');
    expect(progress.map((p) => p.done)).toEqual([...Array(40).keys()]);
    expect(progress.every((p) => p.total === 40)).toBe(true);
  });

  it("runs a scenario's Monte Carlo as runMonteCarlo does on the fleet under that scenario", () => {
    const last = runInSlices(coreWith(sample), 25, 3, 'Bear market').at(-1) as Msg<'montecarlo-result'>;
    const bear = applyScenario(sample, 'Bear market');
    if (!bear.ok) throw new Error('no Bear market scenario');
    const expected = runMonteCarlo(bear.value, { paths: 25, seed: 3 });
    expect(expected.ok && last.result).toEqual(expected.ok && expected.value);
  });

  it('stops on cancel with the paths done so far, equal to a run of that many paths', () => {
    const core = coreWith(sample);
    const last = runInSlices(core, 500, 1, 'Base', 12).at(-1) as Msg<'montecarlo-result'>;
    expect(last.type).toBe('montecarlo-result');
    expect(last.result.stopped).toBe(true);
    expect(last.result.paths).toBe(12);
    const twelve = runMonteCarlo(sample, { paths: 12, seed: 1 });
    if (!twelve.ok) throw new Error('sample fleet does not run');
    expect(last.result.economicValue).toEqual(twelve.value.economicValue);
    expect(last.result.lots).toEqual(twelve.value.lots);
    expect(core.busy()).toBe(false);
    // A cancel for a run that is over does nothing.
    expect(core.handle({ type: 'cancel', id: 9, version: 1 })).toEqual([]);
  });

  it('refuses a path count out of range and a fleet version it does not have, with readable messages', () => {
    const core = coreWith(sample);
    const [tooMany] = core.handle({ type: 'montecarlo', id: 1, version: 1, query: { scenario: 'Base', paths: 1e9, seed: 1 } });
    expect(tooMany.message).toMatchObject({ type: 'error', id: 1, message: expect.stringMatching(/^Paths must be a whole number from 1 to 100,000/) });
    const [stale] = core.handle({ type: 'montecarlo', id: 2, version: 7, query: { scenario: 'Base', paths: 10, seed: 1 } });
    expect(stale.message).toMatchObject({ type: 'error', id: 2 });
    expect(core.busy()).toBe(false);
  });
});

describe('engine worker core: scenarios, tornado, life what-if', () => {
  it('compares the base and every scenario as compareScenarios does', () => {
    const result = ask(coreWith(sample), { kind: 'compare' });
    const expected = compareScenarios(sample);
    expect(expected.ok).toBe(true);
    expect(result).toEqual({ kind: 'compare', comparison: expected.ok && expected.value, problems: [] });
    expect(result.kind === 'compare' && result.comparison.scenarios.map((s) => s.name)).toEqual(['Base', 'Short lives', 'Bear market']);
  });

  it('leaves a scenario with a bad override out of the comparison and says why, comparing the others', () => {
    const fleet: Fleet = { ...sample, scenarios: [...sample.scenarios, { scenario: 'Moon', key: 'Moon Phase', value: 3 }] };
    const result = ask(coreWith(fleet), { kind: 'compare' });
    if (result.kind !== 'compare') throw new Error(result.kind);
    expect(result.comparison.scenarios.map((s) => s.name)).toEqual(['Base', 'Short lives', 'Bear market']);
    expect(result.problems).toEqual([{ scenario: 'Moon', messages: [expect.stringContaining('"Moon Phase"')] }]);
  });

  it('leaves out the lots whose rows have problems', () => {
    const result = ask(coreWith(sample), { kind: 'compare' }, [0]);
    const without: Fleet = { ...sample, lots: sample.lots.slice(1), events: sample.events.filter((e) => e.lotId !== sample.lots[0].id) };
    const expected = compareScenarios(without);
    expect(result.kind === 'compare' && result.comparison).toEqual(expected.ok && expected.value);
  });

  it("answers a scenario's tornado for each output, depreciation of the as-of fiscal year by default", () => {
    const core = coreWith(sample);
    const bear = applyScenario(sample, 'Bear market');
    if (!bear.ok) throw new Error('no Bear market scenario');
    const s = sensitivity(bear.value, { books: computeBookSchedules(bear.value) });
    if (!s.ok) throw new Error('no sensitivity');
    const gap = ask(core, { kind: 'tornado', scenario: 'bear MARKET', output: 'gap' });
    expect(gap.kind === 'tornado' && gap.tornado).toEqual(tornado(s.value, 'gap'));
    const dep = ask(core, { kind: 'tornado', scenario: 'Bear market', output: 'depreciation' });
    if (dep.kind !== 'tornado') throw new Error(dep.kind);
    expect(dep.asOfFiscalYear).toBe('FY2026');
    expect(dep.tornado).toEqual(tornado(s.value, 'depreciation', 'FY2026'));
    expect(dep.fiscalYears).toContain('FY2026');
    const fy = ask(core, { kind: 'tornado', scenario: 'Bear market', output: 'depreciation', fiscalYear: 'FY2027' });
    expect(fy.kind === 'tornado' && fy.tornado).toEqual(tornado(s.value, 'depreciation', 'FY2027'));
  });

  it('answers the life what-if at the lives asked, for one class or every lot', () => {
    const core = coreWith(sample);
    const all = ask(core, { kind: 'whatIf', scenario: 'Base', lives: [24, 60] });
    expect(all.kind === 'whatIf' && all.whatIf).toEqual((lifeWhatIf(sample, { lives: [24, 60] }) as { value: unknown }).value);
    const gpu = ask(core, { kind: 'whatIf', scenario: 'Base', lives: [48], assetClass: 'GPU' });
    expect(gpu.kind === 'whatIf' && gpu.whatIf).toEqual((lifeWhatIf(sample, { lives: [48], assetClass: 'GPU' }) as { value: unknown }).value);
  });

  it('says which scenario does not exist and which life is out of range', () => {
    const core = coreWith(sample);
    const [missing] = core.handle({ type: 'stress', id: 4, version: 1, query: { kind: 'tornado', scenario: 'Nope', output: 'gap' } });
    expect(missing.message).toMatchObject({ type: 'error', message: expect.stringContaining('no scenario named "Nope"') });
    const [life] = core.handle({ type: 'stress', id: 5, version: 1, query: { kind: 'whatIf', scenario: 'Base', lives: [0] } });
    expect(life.message).toMatchObject({ type: 'error', message: expect.stringContaining('0 is not a whole number of months') });
  });
});
