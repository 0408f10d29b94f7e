import * as z from 'zod/mini';
import { dateOption, finiteOption, optionDay, parseOptions, unitDays, unitOption, wholeOption, fieldsOption } from '../../data/options.js';
import type { TimeUnit } from '../../data/days.js';
import type { TransactionInput } from '../../data/types.js';
import { finalizeWithSource } from '../../summary/finalizeSummary.js';
import { optionError } from '../../errors.js';
import { summarizePartial } from '../../summary/summarizePartial.js';
import { requireRows } from '../data.js';
import { fitLikelihood, START_ONLY } from '../fit.js';
import { fitParetoNbd } from '../paretoNbd/fit.js';
import { withCoefficients } from '../covariates/fit.js';
import type { FittedModel } from '../types.js';
import { dynamicLogLik, type DynamicData } from './likelihood.js';
import { buildPaths, readCovariateTable, upperBound, type DynamicCovariatesOption } from './paths.js';

/** Options of {@link fitParetoNbdDynamic}. */
export interface FitParetoNbdDynamicOptions {
  /** Last day of the calibration period (inclusive): purchases after it are left out. */
  calibrationEnd: Date | string | number;
  /** Time unit of the model. Default 'week' (the covariate periods of the apparel data). */
  unit?: TimeUnit | undefined;
  /** The time-varying covariates: one row per customer and period (see {@link DynamicCovariatesOption}). */
  covariates: DynamicCovariatesOption;
  /** Field names of the transactions (`customerId`, `date`, `amount`). */
  fields?: { readonly [field: string]: string } | undefined;
  /** L2 penalty on the coefficients: the fit maximizes LL - l2 Σγ². Default 0. */
  l2?: number | undefined;
  /** Starting values ('r', 'alpha', 's', 'beta', 'purchase.<name>', 'dropout.<name>'). */
  initialParams?: Readonly<Record<string, number>> | undefined;
  maxIterations?: number | undefined;
}

/** A fitted time-varying Pareto/NBD: base parameters and the coefficients of the covariates. */
export type ParetoNbdDynamicModel = Omit<FittedModel<'pareto-nbd'>, 'kind'> & { kind: 'pareto-nbd-dynamic' };

const schema = z.looseObject({
  calibrationEnd: dateOption,
  unit: z.optional(unitOption),
  fields: z.optional(fieldsOption),
  l2: z.optional(finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' }))),
  maxIterations: z.optional(wholeOption(0, 100_000)),
});

/** The histories, paths over [0, T] and purchase-covariate sums of the transactions up to calibrationEnd. @internal */
export function dynamicData(fn: string, transactions: TransactionInput, o: FitParetoNbdDynamicOptions) {
  const end = optionDay(o.calibrationEnd) as number;
  const unit = o.unit ?? 'week';
  const per = unitDays(unit);
  const partial = summarizePartial(transactions, { fields: o.fields, observationEnd: o.calibrationEnd });
  const { summary, source } = finalizeWithSource(partial, end, unit, undefined, fn);
  requireRows(fn, summary.frequency.length);
  const table = readCovariateTable(fn, o.covariates);
  const n = summary.frequency.length;
  const first = new Float64Array(n);
  const repeats: number[][] = [];
  for (let k = 0; k < n; k++) {
    const c = source[k] as number;
    const days: number[] = [];
    for (let i = partial.dayStart[c] as number; i < (partial.dayStart[c + 1] as number); i++) {
      if ((partial.purchaseRows[i] as number) > 0 && (partial.day[i] as number) <= end) days.push(partial.day[i] as number);
    }
    first[k] = days[0] as number;
    repeats.push(days.slice(1));
  }
  const T = Float64Array.from(summary.T);
  const paths = buildPaths(fn, table, summary.customerId, first, T, per);
  const kp = table.purchaseNames.length;
  const kd = table.dropoutNames.length;
  const stride = kp + kd;
  const purchaseSums = new Float64Array(n * kp);
  for (let k = 0; k < n; k++) {
    const rows = table.rowsOf.get(String(summary.customerId[k])) as Uint32Array;
    for (const d of repeats[k] as number[]) {
      const v = table.vector[rows[upperBound(table.day, rows, d) - 1] as number] as number;
      for (let j = 0; j < kp; j++) purchaseSums[k * kp + j] = (purchaseSums[k * kp + j] as number) + (table.vectors[v * stride + j] as number);
    }
  }
  const data: DynamicData = { x: Float64Array.from(summary.frequency), tx: Float64Array.from(summary.recency), T, paths, vectors: table.vectors, kp, kd, purchaseSums };
  return { data, summary, table, unit };
}

/**
 * Fit the Pareto/NBD with time-varying covariates of Bachmann, Meierer & Näf (2021, "The
 * Role of Time-Varying Contextual Factors in Latent Attrition Models for Customer Base
 * Analysis", Marketing Science 40(4)) by maximum likelihood, from the transactions and a
 * table of covariates with one row per customer and period (e.g. weekly `High.Season`).
 * While alive a customer buys at rate λ e^(γ_p·x(t)) and drops out at hazard
 * μ e^(γ_d·y(t)), λ ~ Gamma(r, α), μ ~ Gamma(s, β); covariates constant over periods, so the
 * likelihood (derived in `likelihood.ts` from the model: λ and μ integrated out of the
 * piecewise-constant intensities) is a sum over
 * the pieces of each customer's path. The coefficients use CLVTools' signs (constant
 * covariates give the static model with α e^(-γ_p·z), β e^(-γ_d·z)). Consecutive periods
 * with the same values are merged, so the cost grows with the changes of the covariates,
 * not with the number of weeks. Start: the Pareto/NBD without covariates, coefficients 0.
 *
 * @example
 * ```ts
 * const model = fitParetoNbdDynamic(transactions, {
 *   calibrationEnd: '2006-12-31', unit: 'week',
 *   covariates: { data: weekly, customerId: 'Id', date: 'Cov.Date', purchase: ['High.Season', 'Gender'], dropout: ['Channel'] },
 * });
 * model.coefficients; // { purchase: { 'High.Season', Gender }, dropout: { Channel } }
 * ```
 */
export function fitParetoNbdDynamic(transactions: TransactionInput, options: FitParetoNbdDynamicOptions): ParetoNbdDynamicModel {
  const fn = 'fitParetoNbdDynamic';
  const o = parseOptions(fn, schema, options) as unknown as FitParetoNbdDynamicOptions;
  if ((options as { correlation?: unknown }).correlation !== undefined) optionError(fn, 'correlation', 'is not supported by the time-varying model', (options as { correlation?: unknown }).correlation);
  const { data, summary, table, unit } = dynamicData(fn, transactions, o);
  const base = fitParetoNbd(summary, { [START_ONLY]: true } as never);
  const coefNames = [...table.purchaseNames.map((c) => `purchase.${c}`), ...table.dropoutNames.map((c) => `dropout.${c}`)];
  const start = [base.params.r, base.params.alpha, base.params.s, base.params.beta, ...coefNames.map((c) => o.initialParams?.[c] ?? 0)];
  const fit = fitLikelihood(
    { kind: 'pareto-nbd', fn, names: ['r', 'alpha', 's', 'beta', ...coefNames] as never, start, n: data.x.length, unit, analyticGradient: false, logLik: (theta) => dynamicLogLik(data, theta), freeFrom: 4 },
    { l2: o.l2, maxIterations: o.maxIterations, initialParams: o.initialParams, covariates: o.covariates as never },
  );
  const coefs = coefNames.map((name) => ({ name, purchase: -1, dropout: -1 }));
  const record = withCoefficients(fit, 4, coefs, table.purchaseNames, table.dropoutNames);
  return { ...record, kind: 'pareto-nbd-dynamic' } as ParetoNbdDynamicModel;
}
