import { monthLabel } from '../../../../shared/domain/dates';
import type { MonteCarloResult } from '../../../../shared/engine/stress';
import { formatNumber } from '../../format';
import { percentText, type Money } from './display';

const ROWS = [
  ['P5', 'p5'],
  ['P50 (median)', 'p50'],
  ['P95', 'p95'],
  ['Mean', 'mean'],
] as const;

/** The band month of the as-of month (the first month when it lies before the bands). */
export function asOfIndex(r: MonteCarloResult): number {
  for (let j = 0; j < r.length; j++) if (monthLabel(r.startMonth + j) === r.asOf) return j;
  return 0;
}

/** The percentiles at the as-of month, the chance of an impairment, and every month's bands (folded). */
export function MonteCarloSummary({ result: r, money }: { result: MonteCarloResult; money: Money }) {
  const j = asOfIndex(r);
  const ev = r.economicValue;
  const gap = r.gap;
  return (
    <div className="fb-stress-mc-summary">
      <table className="fb-stress-table" data-testid="mc-percentiles" data-ev-p50={ev.p50[j]} data-gap-p50={gap.p50[j]} data-month={monthLabel(r.startMonth + j)}>
        <caption>Fleet at {monthLabel(r.startMonth + j)} (as of), across paths</caption>
        <thead>
          <tr>
            <th scope="col">Percentile</th>
            <th scope="col">Economic value</th>
            <th scope="col">Gap (book − economic)</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, k]) => (
            <tr key={k}>
              <th scope="row">{label}</th>
              <td>{money.cents(ev[k][j])}</td>
              <td>{money.cents(gap[k][j])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fb-stress-note">
        Deterministic economic value {money.cents(r.deterministicEconomicValue[j])}, book NBV of the lots valued {money.cents(r.bookNbv[j])}. Chance of at least one lot failing US GAAP
        recoverability: <strong data-testid="mc-any-impairment">{percentText(r.anyGaapImpairmentProbability)}</strong> (on average {formatNumber(r.gaapImpairedLotsMean, 2)} lots).
      </p>
      <details className="fb-stress-details">
        <summary>Bands by month</summary>
        <div className="fb-stress-scroll fb-stress-bands">
          <table className="fb-stress-table" data-testid="mc-bands">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">EV P5</th>
                <th scope="col">EV P50</th>
                <th scope="col">EV P95</th>
                <th scope="col">Gap P5</th>
                <th scope="col">Gap P50</th>
                <th scope="col">Gap P95</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: r.length }, (_, k) => (
                <tr key={k}>
                  <th scope="row">{monthLabel(r.startMonth + k)}</th>
                  <td>{money.cents(ev.p5[k])}</td>
                  <td>{money.cents(ev.p50[k])}</td>
                  <td>{money.cents(ev.p95[k])}</td>
                  <td>{money.cents(gap.p5[k])}</td>
                  <td>{money.cents(gap.p50[k])}</td>
                  <td>{money.cents(gap.p95[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
