import { CustomerValueError, optionError, optionsObject } from '../../errors.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { kindsOf, registry } from '../registry.js';
import type { PurchaseModelSpec } from '../spec.js';
import type { FitOptions, FittedModel, PurchaseModelKind } from '../types.js';
import { holdoutComparison } from './holdoutComparison.js';

/** One model's row in {@link compareModels}. */
export interface ModelComparisonRow {
  readonly kind: PurchaseModelKind;
  readonly title: string;
  /** Parameters in the record (CNBD-k's k included). */
  readonly parameters: number;
  /** null (like every figure) when the fit failed; `error` then says why. */
  readonly logLikelihood: number | null;
  readonly aic: number | null;
  readonly bic: number | null;
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** With a calibration/holdout split: holdout purchases per customer, as {@link holdoutComparison}; else null. */
  readonly mae: number | null;
  readonly rmse: number | null;
  readonly bias: number | null;
  readonly predictedTotal: number | null;
  readonly actualTotal: number | null;
  /** Why the fit failed (null when it did not). */
  readonly error: string | null;
}

/** Result of {@link compareModels}. */
export interface ModelComparison {
  /** One row per kind, in the order asked. */
  readonly rows: ModelComparisonRow[];
  /** The fitted models by kind (the ones that fitted). */
  readonly models: Partial<Record<PurchaseModelKind, FittedModel>>;
  /** The kind with the lowest BIC among the fits that converged (null when none did). */
  readonly best: PurchaseModelKind | null;
}

/** Options of {@link compareModels}. */
export interface CompareModelsOptions {
  /** Kinds to fit. Default: every continuous-time purchase model (BG/BB needs discrete data). */
  kinds?: readonly PurchaseModelKind[] | undefined;
  /** Options passed to every fitter (weights, fields, l2, ...). */
  fitOptions?: FitOptions | undefined;
}

/**
 * Fit several purchase models on one summary and tabulate what model choice rests on:
 * log-likelihood, parameter count, AIC, BIC, convergence and warnings, and, when the summary
 * is a calibration/holdout split (`frequencyHoldout`, `durationHoldout`), the holdout error
 * of each (MAE, RMSE, bias per customer; predicted and actual totals). A kind whose fit fails
 * is kept, with null figures and the reason in `error` (a CNBD-k model without the
 * `logIntervalSum` column, say), so no model disappears from the table silently.
 *
 * @example
 * ```ts
 * const split = splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week', regularity: true });
 * const cmp = compareModels(split);
 * cmp.rows; // [{ kind: 'bg-nbd', logLikelihood, aic, bic, mae, ... }, ...]
 * cmp.best; // lowest BIC among converged fits
 * ```
 */
export function compareModels(summary: SummaryInput, options: CompareModelsOptions = {}): ModelComparison {
  const fn = 'compareModels';
  const o = optionsObject(fn, options);
  const all = kindsOf('purchase');
  const asked: unknown = o.kinds ?? all.filter((k) => !registry[k].discrete);
  if (!Array.isArray(asked) || asked.length === 0 || asked.some((k) => !all.includes(k as PurchaseModelKind))) {
    optionError(fn, 'kinds', `must be a non-empty list of purchase model kinds (${all.join(', ')})`, asked);
  }
  const kinds = asked as readonly PurchaseModelKind[];
  const split = hasHoldout(summary);
  const rows: ModelComparisonRow[] = [];
  const models: Partial<Record<PurchaseModelKind, FittedModel>> = {};
  for (const kind of kinds) {
    const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
    const parameters = spec.params.length;
    try {
      const fit = spec.fit(summary, o.fitOptions ?? {});
      models[kind] = fit;
      const h = split ? holdoutComparison(fit as never, summary) : undefined;
      rows.push({
        kind, title: spec.title, parameters, logLikelihood: fit.logLikelihood, aic: fit.aic, bic: fit.bic, converged: fit.converged, warnings: fit.warnings,
        mae: finiteOrNull(h?.mae), rmse: finiteOrNull(h?.rmse), bias: finiteOrNull(h?.bias), predictedTotal: finiteOrNull(h?.predictedTotal), actualTotal: finiteOrNull(h?.actualTotal),
        error: null,
      });
    } catch (error) {
      if (!(error instanceof CustomerValueError)) throw error;
      rows.push({ kind, title: spec.title, parameters, logLikelihood: null, aic: null, bic: null, converged: false, warnings: [], mae: null, rmse: null, bias: null, predictedTotal: null, actualTotal: null, error: error.message });
    }
  }
  let best: PurchaseModelKind | null = null;
  let bestBic = Number.POSITIVE_INFINITY;
  for (const r of rows) if (r.converged && r.bic !== null && r.bic < bestBic) [best, bestBic] = [r.kind, r.bic];
  return { rows, models, best };
}

function finiteOrNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

function hasHoldout(summary: unknown): boolean {
  const s = summary as { frequencyHoldout?: unknown; durationHoldout?: unknown } | null;
  if (typeof s !== 'object' || s === null) return false;
  if (Array.isArray(s)) return s.length > 0 && typeof s[0] === 'object' && s[0] !== null && 'frequencyHoldout' in s[0] && 'durationHoldout' in s[0];
  return s.frequencyHoldout !== undefined && s.durationHoldout !== undefined;
}
