import { useMemo } from 'react';
import { monthLabel } from '../../../../shared/domain/dates';
import { MAX_PATHS } from '../../engine/stressProtocol';
import { getEngineClient } from '../../engine/engineClient';
import { formatNumber, parseWhole } from '../../format';
import { useDocumentStore } from '../../store/documentStore';
import { selectEngineInput } from '../../store/selectors';
import { percentText, type Money } from './display';
import { FanChart } from './FanChart';
import { LifeDistributionChart } from './LifeDistributionChart';
import { LotRiskTable } from './LotRiskTable';
import { MonteCarloSummary } from './MonteCarloSummary';
import { useMonteCarloRun } from './monteCarloRun';
import { useStressOptions } from './stressOptions';

const count = (n: number) => formatNumber(n, 0);
const seconds = (ms: number) => (ms < 1000 ? `${formatNumber(ms, 0)} ms` : `${formatNumber(ms / 1000, 1)} s`);

/** Monte Carlo: paths and seed, Run / Cancel with progress, then the fan chart, the percentiles and the lots' risks. */
export function MonteCarloPanel({ scenario, money }: { scenario: string; money: Money }) {
  const input = useDocumentStore(selectEngineInput);
  const pathsText = useStressOptions((s) => s.pathsText);
  const seedText = useStressOptions((s) => s.seedText);
  const fan = useStressOptions((s) => s.fan);
  const setOptions = useStressOptions((s) => s.set);
  const status = useMonteCarloRun((s) => s.status);
  const done = useMonteCarloRun((s) => s.done);
  const total = useMonteCarloRun((s) => s.total);
  const result = useMonteCarloRun((s) => s.result);
  const error = useMonteCarloRun((s) => s.error);
  const ranQuery = useMonteCarloRun((s) => s.query);
  const ranFleet = useMonteCarloRun((s) => s.fleet);
  const computeMs = useMonteCarloRun((s) => s.computeMs);
  const start = useMonteCarloRun((s) => s.start);
  const cancel = useMonteCarloRun((s) => s.cancel);

  const paths = parseWhole(pathsText, 'Paths', 1, MAX_PATHS);
  const seed = parseWhole(seedText, 'Seed', 0, Number.MAX_SAFE_INTEGER);
  const busy = status === 'running' || status === 'stopping';
  const canRun = paths.ok && seed.ok && input.fleet.lots.length > 0;
  const run = () => {
    if (paths.ok && seed.ok) start(getEngineClient(), input, { scenario, paths: paths.value, seed: seed.value });
  };
  const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
  const stale = result !== null && !busy && (ranFleet !== input.fleet || ranQuery?.scenario !== scenario);
  const fleetLots = ranFleet?.lots ?? input.fleet.lots;
  const band = useMemo(() => (result ? `${monthLabel(result.startMonth)} to ${monthLabel(result.startMonth + result.length - 1)}` : ''), [result]);

  return (
    <section className="fb-stress-card fb-stress-wide" aria-labelledby="stress-mc-h">
      <h2 id="stress-mc-h">Monte Carlo</h2>
      <div className="fb-sched-controls" role="toolbar" aria-label="Monte Carlo">
        <label className="fb-field">
          <span>Paths</span>
          <input type="text" inputMode="numeric" size={8} value={pathsText} onChange={(e) => setOptions({ pathsText: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && canRun && !busy && run()} aria-invalid={!paths.ok || undefined} data-testid="mc-paths" />
        </label>
        <label className="fb-field">
          <span>Seed</span>
          <input type="text" inputMode="numeric" size={8} value={seedText} onChange={(e) => setOptions({ seedText: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && canRun && !busy && run()} aria-invalid={!seed.ok || undefined} data-testid="mc-seed" />
        </label>
        <button type="button" className="fb-btn fb-primary" onClick={run} disabled={!canRun || busy} data-testid="mc-run">
          Run
        </button>
        <button type="button" className="fb-btn" onClick={cancel} disabled={status !== 'running'} data-testid="mc-cancel">
          Cancel
        </button>
        {busy && (
          <span className="fb-stress-progress">
            <progress max={total || 1} value={done} aria-label="Monte Carlo progress" data-testid="mc-progress" />
            <span aria-hidden="true">{pct}%</span>
          </span>
        )}
        <span role="status" className="fb-stress-mc-status" data-testid="mc-status">
          {!paths.ok && <span className="fb-error">{paths.problem}</span>}
          {paths.ok && !seed.ok && <span className="fb-error">{seed.problem}</span>}
          {status === 'idle' && paths.ok && seed.ok && <span className="fb-muted">Run to see the bands of {scenario === 'Base' ? 'the workbook' : `scenario ${scenario}`}.</span>}
          {status === 'running' && (
            <span>
              Running: {count(done)} of {count(total)} paths ({pct}%)
            </span>
          )}
          {status === 'stopping' && <span>Stopping…</span>}
          {status === 'done' && result && (
            <span className="fb-ok">
              Done: {count(result.paths)} paths in {seconds(computeMs ?? 0)}.
            </span>
          )}
          {status === 'cancelled' && (
            <span className="fb-warn">
              {result?.stopped ? `Cancelled after ${count(result.paths)} of ${count(result.requestedPaths)} paths; the figures below are from those paths.` : 'Stopped; this run has no result.'}
            </span>
          )}
          {status === 'error' && <span className="fb-error">The Monte Carlo cannot run: {error}</span>}
        </span>
      </div>
      {stale && (
        <p className="fb-warn" role="note">
          The workbook or the scenario changed after this run; run again to include the change.
        </p>
      )}
      {result && result.paths > 0 && (
        <>
          <p className="fb-muted fb-stress-note" data-testid="mc-run-info">
            {ranQuery?.scenario ?? 'Base'}: {count(result.paths)} paths{result.stopped ? ` of ${count(result.requestedPaths)}` : ''}, seed {result.seed}, months {band}, as of {result.asOf}. Volatility: BTC price{' '}
            {percentText(result.volatility.btcPrice)}/yr, network hashrate {percentText(result.volatility.hashrate)}/yr, correlation {formatNumber(result.volatility.correlation, 2)}, GPU rent decay ±
            {formatNumber(result.volatility.rentDecay * 100, 1)} points/yr.
            {result.unmodelledLots > 0 ? ` ${count(result.unmodelledLots)} lot(s) have no market model and are left out.` : ''}
          </p>
          <div className="fb-stress-mc">
            <div className="fb-stress-mc-fan">
              <div className="fb-seg" role="group" aria-label="Fan chart shows">
                <button type="button" className={fan === 'economicValue' ? 'active' : undefined} aria-pressed={fan === 'economicValue'} onClick={() => setOptions({ fan: 'economicValue' })}>
                  Economic value
                </button>
                <button type="button" className={fan === 'gap' ? 'active' : undefined} aria-pressed={fan === 'gap'} onClick={() => setOptions({ fan: 'gap' })}>
                  Gap (book − economic)
                </button>
              </div>
              <div className="fb-stress-chart fb-stress-fan" data-testid="mc-fan" role="img" aria-label={`Fan chart of fleet ${fan === 'gap' ? 'gap' : 'economic value'}: P5, P50 and P95 by month; the figures are in the tables below`}>
                <FanChart result={result} measure={fan} money={money} />
              </div>
            </div>
            <div className="fb-stress-mc-side">
              <MonteCarloSummary result={result} money={money} />
              <div className="fb-stress-chart fb-stress-life" data-testid="mc-life">
                <LifeDistributionChart distribution={result.lifeDistribution} />
              </div>
            </div>
          </div>
          <h3 className="fb-stress-sub">Lots</h3>
          <LotRiskTable lots={result.lots} fleetLots={fleetLots} />
        </>
      )}
    </section>
  );
}
