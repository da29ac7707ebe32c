/**
 * Scenarios side by side (DESIGN.md section 7): the base and every named scenario of the
 * Scenarios sheet, each evaluated at its own as-of month (FleetOutcome).
 */
import type { Fleet } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { computeBookSchedules } from '../book';
import type { LotSchedule } from '../book/types';
import { prepareFleet, type PreparedFleet } from './model';
import { evaluateFleet, samePrepared, type FleetOutcome } from './outcome';
import { applyScenario, BASE_SCENARIO, isBaseName, scenarioNames } from './scenario';

export interface ScenarioOutcome {
  /** "Base" or the scenario's name as written in the workbook. */
  name: string;
  outcome: FleetOutcome;
}

export interface ScenarioComparison {
  scenarios: ScenarioOutcome[];
  /** Every fiscal year any scenario's book spans, in order. */
  fiscalYears: string[];
}

export interface CompareOptions {
  /** Scenario names to compare (default every one of the sheet); the base always comes first. */
  names?: readonly string[];
  /** The base fleet's book schedules, if computed. */
  books?: LotSchedule[];
  prepared?: PreparedFleet;
}

export function compareScenarios(fleet: Fleet, options: CompareOptions = {}): Result<ScenarioComparison, Problem[]> {
  const names = [BASE_SCENARIO, ...(options.names ?? scenarioNames(fleet)).filter((n) => !isBaseName(n))];
  const problems: Problem[] = [];
  const out: ScenarioOutcome[] = [];
  const prepared = options.prepared && samePrepared(options.prepared, fleet) ? options.prepared : prepareFleet(fleet);
  const baseBooks = options.books ?? computeBookSchedules(fleet);
  for (const name of names) {
    const applied = applyScenario(fleet, isBaseName(name) ? undefined : name);
    if (!applied.ok) {
      problems.push(...applied.error);
      continue;
    }
    const f = applied.value;
    // The book changes only with the lots or the fiscal calendar.
    const sameBook = f.lots === fleet.lots && f.assumptions.fiscalYearStartMonth === fleet.assumptions.fiscalYearStartMonth;
    const r = evaluateFleet(f, { books: sameBook ? baseBooks : undefined, prepared: samePrepared(prepared, f) ? prepared : undefined });
    if (!r.ok) {
      problems.push(...r.error.map((p) => (isBaseName(name) ? p : { ...p, sheet: 'Scenarios', message: `scenario "${name}", ${p.message}` })));
      continue;
    }
    out.push({ name: isBaseName(name) ? BASE_SCENARIO : name, outcome: r.value });
  }
  // Rows under the reserved name Base are a problem too.
  if (!options.names && scenarioNames(fleet).some((n) => isBaseName(n))) {
    const base = applyScenario(fleet, BASE_SCENARIO);
    if (!base.ok) problems.push(...base.error);
  }
  if (problems.length > 0) return err(problems);
  const fiscalYears = [...new Set(out.flatMap((s) => s.outcome.depreciation.map((d) => d.fiscalYear)))].sort();
  return ok({ scenarios: out, fiscalYears });
}
