import type { FleetOutcome, ScenarioOutcome } from '../../../../shared/engine/stress';
import { useStress } from '../../engine/useStress';
import { formatNumber } from '../../format';
import type { Money } from './display';
import { QueryStatus } from './QueryStatus';

const COMPARE = { kind: 'compare' } as const;

interface Metric {
  label: string;
  value: (o: FleetOutcome) => string;
  title?: string;
}

function metrics(money: Money): Metric[] {
  const count = (n: number) => formatNumber(n, 0);
  return [
    { label: 'As of', value: (o) => o.asOf },
    { label: 'Book NBV (every lot)', value: (o) => money.cents(o.bookNbv) },
    { label: 'Book NBV of the lots valued', value: (o) => money.cents(o.valuedBookNbv), title: 'Lots with a market model, in service and within their physical life' },
    { label: 'Economic value', value: (o) => money.cents(o.economicValue) },
    { label: 'Gap (book − economic)', value: (o) => money.cents(o.gap), title: 'Positive: the book overstates the value' },
    { label: 'Lots failing US GAAP recoverability', value: (o) => count(o.gaapImpairedLots) },
    { label: 'US GAAP write-down', value: (o) => money.cents(o.gaapImpairment), title: 'NBV − economic value over the lots failing the test' },
    { label: 'Lots below IFRS recoverable amount', value: (o) => count(o.ifrsImpairedLots) },
    { label: 'IFRS shortfall', value: (o) => money.cents(o.ifrsImpairment) },
  ];
}

function ScenarioHeads({ first, scenarios, selected }: { first: string; scenarios: readonly ScenarioOutcome[]; selected: string }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      {scenarios.map((s) => (
        <th key={s.name} scope="col" className={s.name === selected ? 'fb-selected' : undefined} aria-current={s.name === selected ? 'true' : undefined}>
          {s.name}
        </th>
      ))}
    </tr>
  );
}

/** The base and every scenario side by side at their as-of month, with book depreciation per fiscal year. */
export function ScenarioComparison({ selected, money }: { selected: string; money: Money }) {
  const state = useStress<'compare'>(COMPARE);
  const result = state.result;
  const scenarios = result?.comparison.scenarios ?? [];
  const years = result?.comparison.fiscalYears ?? [];
  const depreciation = (o: FleetOutcome, fy: string) => money.cents(o.depreciation.find((d) => d.fiscalYear === fy)?.amount ?? 0);

  return (
    <section className="fb-stress-card" aria-labelledby="stress-compare-h">
      <h2 id="stress-compare-h">Scenarios side by side</h2>
      <QueryStatus state={state} what="scenario comparison" />
      {result && result.problems.length > 0 && (
        <div className="fb-stress-error" role="alert" data-testid="stress-scenario-problems">
          <strong>Left out, their overrides have problems:</strong>
          <ul>
            {result.problems.map((p) => (
              <li key={p.scenario}>
                {p.scenario}: {p.messages.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {scenarios.length > 0 && (
        <>
          <div className="fb-stress-scroll">
            <table className="fb-stress-table" data-testid="stress-comparison">
              <thead>
                <ScenarioHeads first="At the as-of month" scenarios={scenarios} selected={selected} />
              </thead>
              <tbody>
                {metrics(money).map((m) => (
                  <tr key={m.label}>
                    <th scope="row" title={m.title}>
                      {m.label}
                    </th>
                    {scenarios.map((s) => (
                      <td key={s.name} className={s.name === selected ? 'fb-selected' : undefined}>
                        {m.value(s.outcome)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="fb-stress-scroll fb-stress-years" tabIndex={0} role="region" aria-label="Book depreciation by fiscal year">
            <table className="fb-stress-table" data-testid="stress-comparison-depreciation">
              <thead>
                <ScenarioHeads first="Book depreciation" scenarios={scenarios} selected={selected} />
              </thead>
              <tbody>
                {years.map((fy) => (
                  <tr key={fy}>
                    <th scope="row">{fy}</th>
                    {scenarios.map((s) => (
                      <td key={s.name} className={s.name === selected ? 'fb-selected' : undefined}>
                        {depreciation(s.outcome, fy)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
