import { CustomerValueError, optionError, optionsObject } from '../../errors.js';
import { checkModel } from '../registry.js';
import { modelCoefficients } from '../covariates/design.js';
import { toDay } from '../../data/days.js';
import { unitDays } from '../../data/options.js';
import { readSummary, type SummaryInput } from '../../summary/readSummary.js';
import { resolveColumns } from '../../data/input.js';
import { checkTime } from '../predictions/shared.js';
import { multipliers, pathTerms, type DynamicData } from './likelihood.js';
import { buildPaths, readCovariateTable, type DynamicCovariatesOption } from './paths.js';
import type { ParetoNbdDynamicModel } from './fit.js';

/** Per customer, in input order. */
export interface DynamicPredictions {
  customerId: unknown[];
  /** P(alive at the end of calibration | history). */
  probabilityAlive: Float64Array;
  /** P(alive at the end of the horizon) without purchases observed in it. */
  probabilityAliveAhead: Float64Array;
  /** Expected purchases in (T, T + horizon] under the covariates of that period. */
  expectedPurchases: Float64Array;
}

/**
 * Predictions of the time-varying Pareto/NBD for customers over a holdout of `horizon`
 * units after each customer's T, with the covariates of that holdout (the table must cover
 * it). Given alive at T, λ | data ~ Gamma(r+x, α+A(T)) and μ | data ~ Gamma(s, β+B(T)),
 * so E[purchases in (T, T+t]] = P(alive) (r+x)/(α+A(T)) Σ_pieces a_k ∫ ((β+B(T))/(β+B(u)))^s du,
 * each piece's integral in closed form, and P(alive ahead) = P(alive) ((β+B(T))/(β+B(T+t)))^s.
 * `customers` is a summary from `summarize` (it carries `firstPurchase`) with
 * `customerId`, frequency, recency, T in the model's unit.
 *
 * @example
 * ```ts
 * const p = predictParetoNbdDynamic(model, calibrationSummary, { horizon: 52, covariates: { data: weekly, customerId: 'Id', date: 'Cov.Date' } });
 * p.expectedPurchases; p.probabilityAlive;
 * ```
 */
export function predictParetoNbdDynamic(model: ParetoNbdDynamicModel, customers: SummaryInput, options: { horizon: number; covariates: Omit<DynamicCovariatesOption, 'purchase' | 'dropout'> }): DynamicPredictions {
  const fn = 'predictParetoNbdDynamic';
  const o = optionsObject(fn, options);
  if (model?.kind !== 'pareto-nbd-dynamic' || typeof model.params !== 'object') optionError(fn, 'model', "must be a record from fitParetoNbdDynamic (kind 'pareto-nbd-dynamic')", model?.kind);
  if ((model as { correlation?: unknown }).correlation !== undefined) optionError(fn, 'model.correlation', 'is not supported by the time-varying model', (model as { correlation?: unknown }).correlation);
  const horizon = checkTime(fn, 'horizon', o.horizon, false);
  // the base parameters as Pareto/NBD's, the coefficients finite
  const p = checkModel(fn, { kind: 'pareto-nbd', params: model.params }, ['pareto-nbd']).p as ParetoNbdDynamicModel['params'];
  const coef = modelCoefficients(fn, model, model.kind, { purchase: [], dropout: [] });
  const purchase = coef?.purchaseNames ?? [];
  const dropout = coef?.dropoutNames ?? [];
  const table = readCovariateTable(fn, { ...o.covariates, purchase, dropout });
  const c = readSummary(customers, fn, {});
  const raw = resolveColumns(customers, fn, 'customers', ['firstPurchase', 'customerId'], undefined, ['firstPurchase', 'customerId']);
  const firstCol = raw.cols.firstPurchase as ArrayLike<unknown>;
  const first = Float64Array.from({ length: c.n }, (_, i) => {
    const d = toDay(firstCol[i]);
    if (Number.isNaN(d)) optionError(fn, `customers[${i}].firstPurchase`, 'must be a date', firstCol[i]);
    return d;
  });
  const ids = Array.from({ length: c.n }, (_, i) => (raw.cols.customerId as ArrayLike<unknown>)[i]);
  const T = Float64Array.from(c.T);
  const until = T.map((t) => t + horizon);
  const paths = buildPaths(fn, table, ids, first, until, unitDays(model.unit ?? 'week'));
  const data: DynamicData = { x: Float64Array.from(c.frequency), tx: Float64Array.from(c.recency), T, paths, vectors: table.vectors, kp: purchase.length, kd: dropout.length, purchaseSums: new Float64Array(0) };
  const a = multipliers(data, coef?.purchase ?? [], 0, purchase.length);
  const b = multipliers(data, coef?.dropout ?? [], purchase.length, dropout.length);
  if (![...a, ...b].every((v) => v > 0 && Number.isFinite(v))) {
    throw new CustomerValueError('invalid_model', `${fn}: the coefficients times the covariates overflow (e^(γ·z) is not finite for some covariate values)`, [{ code: 'invalid_param', path: ['model', 'coefficients'], message: 'e^(γ·z) is not finite', value: model.coefficients }]);
  }
  const out: DynamicPredictions = { customerId: ids, probabilityAlive: new Float64Array(c.n), probabilityAliveAhead: new Float64Array(c.n), expectedPurchases: new Float64Array(c.n) };
  for (let i = 0; i < c.n; i++) {
    const x = data.x[i] as number;
    const Ti = T[i] as number;
    const { A, B, logDead } = pathTerms(data, i, p, a, b, data.tx[i] as number, Ti);
    const main = -(p.r + x) * Math.log(p.alpha + A) - p.s * Math.log(p.beta + B);
    const d = logDead - main;
    const alive = d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
    const { purchases, survival } = holdout(data, i, p.s, p.beta + B, a, b, Ti, until[i] as number);
    out.probabilityAlive[i] = alive;
    out.probabilityAliveAhead[i] = alive * survival;
    out.expectedPurchases[i] = alive * ((p.r + x) / (p.alpha + A)) * purchases;
  }
  return out;
}

/**
 * Over (T, end]: Σ_pieces a_k ∫ (c/(c + B(u) - B(T)))^s du with c = β + B(T), and the
 * survival (c/(β+B(end)))^s. On a piece starting at c0 = β + B(u0):
 * ∫_0^L (c0 + b v)^-s dv · c^s = (c/c0)^s c0 q φ((s-1) q) / b, q = ln(1 + bL/c0),
 * φ(z) = (1 - e^-z)/z (φ(0) = 1), finite for any s.
 */
function holdout(d: DynamicData, i: number, s: number, c: number, a: Float64Array, b: Float64Array, T: number, end: number): { purchases: number; survival: number } {
  const { offset, start, end: stop, vector } = d.paths;
  let c0 = c;
  let purchases = 0;
  for (let q = offset[i] as number; q < (offset[i + 1] as number); q++) {
    const u0 = Math.max(start[q] as number, T);
    const u1 = Math.min(stop[q] as number, end);
    if (u1 <= u0) continue;
    const ak = a[vector[q] as number] as number;
    const bk = b[vector[q] as number] as number;
    const lq = Math.log1p((bk * (u1 - u0)) / c0);
    const z = (s - 1) * lq;
    const phi = Math.abs(z) < 1e-8 ? 1 - z / 2 : -Math.expm1(-z) / z;
    purchases += ak * Math.exp(s * Math.log(c / c0)) * (c0 / bk) * lq * phi;
    c0 += bk * (u1 - u0);
  }
  return { purchases, survival: Math.exp(-s * Math.log(c0 / c)) };
}
