import { useMemo } from 'react';
import { BASE_SCENARIO } from '../../../../shared/engine/stress';
import { normaliseKey } from '../../../../shared/workbook';
import { useDocumentStore } from '../../store/documentStore';
import { selectEngineInput } from '../../store/selectors';
import { useMoney } from './display';
import { LifeWhatIfPanel } from './LifeWhatIfPanel';
import { MonteCarloPanel } from './MonteCarloPanel';
import { ScenarioComparison } from './ScenarioComparison';
import { ScenarioEditor } from './ScenarioEditor';
import { scenarioNamesOf } from './scenarioRows';
import { useStressOptions } from './stressOptions';
import { TornadoPanel } from './TornadoPanel';
import '../schedule/schedule.css';
import './stress.css';

/**
 * Stress testing (DESIGN.md section 7): the scenarios side by side and their overrides, then the
 * tornado, the Monte Carlo and the life what-if of the chosen scenario. Everything is computed
 * in the engine worker.
 */
export function StressView() {
  const rows = useDocumentStore((s) => s.fleet.scenarios);
  const input = useDocumentStore(selectEngineInput);
  const chosen = useStressOptions((s) => s.scenario);
  const setOptions = useStressOptions((s) => s.set);
  const money = useMoney();
  const names = useMemo(() => scenarioNamesOf(rows), [rows]);
  // A scenario renamed or removed since it was chosen: back to the base.
  const scenario = names.find((n) => normaliseKey(n) === normaliseKey(chosen)) ?? BASE_SCENARIO;

  if (input.fleet.lots.length === 0) {
    return (
      <section className="fb-stress" aria-label="Stress testing" data-testid="stress-view">
        <p className="fb-muted">The workbook has no lots to stress. Open a fleet workbook or add lots in the Fleet view.</p>
      </section>
    );
  }

  return (
    <section className="fb-stress" aria-label="Stress testing" data-testid="stress-view">
      <div className="fb-sched-controls fb-stress-toolbar" role="toolbar" aria-label="Stress options">
        <label className="fb-field">
          <span>Scenario</span>
          <select value={scenario} onChange={(e) => setOptions({ scenario: e.target.value })} data-testid="stress-scenario">
            <option value={BASE_SCENARIO}>{BASE_SCENARIO} (the workbook)</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="fb-muted">The tornado, the Monte Carlo and the life what-if run on this scenario.</span>
        {input.excludedLots > 0 && (
          <span className="fb-warn" role="note">
            {input.excludedLots} lot(s) with problems in the Fleet grid are left out.
          </span>
        )}
      </div>
      <div className="fb-stress-columns">
        <div className="fb-stress-column">
          <ScenarioComparison selected={scenario} money={money} />
          <ScenarioEditor selected={scenario} />
        </div>
        <div className="fb-stress-column">
          <TornadoPanel scenario={scenario} money={money} />
        </div>
      </div>
      <MonteCarloPanel scenario={scenario} money={money} />
      <LifeWhatIfPanel scenario={scenario} money={money} />
    </section>
  );
}
