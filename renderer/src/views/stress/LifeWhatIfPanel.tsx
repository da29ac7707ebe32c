import { useEffect, useMemo, useState } from 'react';
import { ASSET_CLASSES, type AssetClass } from '../../../../shared/domain/fleet';
import type { LifeWhatIf } from '../../../../shared/engine/stress';
import { useStress } from '../../engine/useStress';
import { monthsText, type Money } from './display';
import { livesText, parseLives } from './lives';
import { QueryStatus } from './QueryStatus';
import { useStressOptions } from './stressOptions';

function lifeHeading(months: number): string {
  return `${months} mo (${monthsText(months / 12)} y)`;
}

/** One table: fiscal years down, the base and each life across, with a totals row. */
function WhatIfTable(props: { w: LifeWhatIf; money: Money; caption: string; values: (a: number) => number[]; total: (a: number) => number; withBase: boolean; testId: string }) {
  const { w, money, caption, values, total, withBase, testId } = props;
  const effect = !withBase;
  const cls = (n: number) => (effect && n < 0 ? 'fb-negative' : undefined);
  return (
    <div className="fb-stress-scroll">
      <table className="fb-stress-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fiscal year</th>
            {withBase && <th scope="col">Base</th>}
            {w.alternatives.map((a) => (
              <th scope="col" key={a.lifeMonths}>
                {lifeHeading(a.lifeMonths)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {w.fiscalYears.map((fy, i) => (
            <tr key={fy}>
              <th scope="row">{fy}</th>
              {withBase && <td>{money.cents(w.base[i])}</td>}
              {w.alternatives.map((a, k) => (
                <td key={a.lifeMonths} className={cls(values(k)[i])}>
                  {money.cents(values(k)[i])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {withBase && <td>{money.cents(w.totalBase)}</td>}
            {w.alternatives.map((a, k) => (
              <td key={a.lifeMonths} className={cls(total(k))}>
                {money.cents(total(k))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The book re-run at alternative lives: depreciation per fiscal year and the pre-tax income effect against the base. */
export function LifeWhatIfPanel({ scenario, money }: { scenario: string; money: Money }) {
  const lives = useStressOptions((s) => s.lives);
  const assetClass = useStressOptions((s) => s.whatIfClass);
  const setOptions = useStressOptions((s) => s.set);
  const [text, setText] = useState(livesText(lives));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(livesText(lives)), [lives]);

  const query = useMemo(() => ({ kind: 'whatIf' as const, scenario, lives, ...(assetClass ? { assetClass } : {}) }), [scenario, lives, assetClass]);
  const state = useStress<'whatIf'>(query);
  const w = state.result?.whatIf;

  const commit = () => {
    const p = parseLives(text);
    if (!p.ok) {
      setProblem(p.problem);
      return;
    }
    setProblem(null);
    if (livesText(p.lives) !== livesText(lives)) setOptions({ lives: p.lives });
    else setText(livesText(lives));
  };

  return (
    <section className="fb-stress-card fb-stress-wide" aria-labelledby="stress-whatif-h">
      <h2 id="stress-whatif-h">Life what-if</h2>
      <div className="fb-sched-controls" role="toolbar" aria-label="Life what-if options">
        <label className="fb-field">
          <span>Lives (months)</span>
          <input
            type="text"
            value={text}
            size={26}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
            aria-describedby="stress-lives-help"
            aria-invalid={problem ? true : undefined}
            data-testid="whatif-lives"
          />
        </label>
        <label className="fb-field">
          <span>Lots</span>
          <select value={assetClass ?? ''} onChange={(e) => setOptions({ whatIfClass: (e.target.value || null) as AssetClass | null })}>
            <option value="">Every lot</option>
            {ASSET_CLASSES.map((c) => (
              <option key={c} value={c}>
                {c} lots only
              </option>
            ))}
          </select>
        </label>
        <span id="stress-lives-help" className="fb-muted">
          Months, separated by commas (or years with a y: 5.5y). Press Enter to apply.
        </span>
      </div>
      {problem && (
        <p className="fb-error" role="alert">
          {problem}
        </p>
      )}
      <QueryStatus state={state} what="life what-if" />
      {w && (
        <>
          <div className="fb-stress-pair">
            <WhatIfTable w={w} money={money} caption="Book depreciation" values={(k) => w.alternatives[k].depreciation} total={(k) => w.alternatives[k].totalDepreciation} withBase testId="whatif-depreciation" />
            <WhatIfTable
              w={w}
              money={money}
              caption="Pre-tax income effect against the base (negative: more depreciation)"
              values={(k) => w.alternatives[k].effect}
              total={(k) => w.alternatives[k].totalEffect}
              withBase={false}
              testId="whatif-effect"
            />
          </div>
          {w.notes.length > 0 && (
            <ul className="fb-muted fb-stress-note">
              {w.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
