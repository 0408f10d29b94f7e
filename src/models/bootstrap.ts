/**
 * The nonparametric bootstrap of a fit: customers resampled with replacement and the model
 * refitted on each replicate (CLVTools' `uncertainty = 'boots'`).
 * @internal
 */
import * as z from 'zod/mini';
import { parseOptions, seedOption, wholeOption, fieldsOption } from '../data/options.js';
import { CustomerValueError, optionError } from '../errors.js';
import { Random } from '../math/random.js';
import { sortedQuantile } from '../math/sort.js';
import { readSummary, type SummaryInput } from '../summary/readSummary.js';
import { START_ONLY } from './fit.js';
import { progressShape, progressTicker, type ProgressOptions } from './progress.js';
import { kindsOf, registry } from './registry.js';
import type { PurchaseModelSpec, SpendModelSpec } from './spec.js';
import type { FitOptions, FittedModel, ModelKind } from './types.js';

/** Options of {@link bootstrapFit}. */
export interface BootstrapFitOptions extends ProgressOptions {
  /** The model kind to fit (any purchase or spend model), e.g. 'bg-nbd'. */
  model: ModelKind;
  /** Replicates. Default 200. */
  replicates?: number | undefined;
  /** Seed of the resampling. Default 1. */
  seed?: number | undefined;
  /** Options of every fit (e.g. `k` for the CNBD-k models, `l2`); covariates are not resampled yet. */
  fit?: FitOptions | undefined;
  /** Field names of the summary. */
  fields?: { readonly [field: string]: string } | undefined;
}

/** The bootstrap distribution of a model's parameters. */
export interface BootstrapFit {
  readonly kind: ModelKind;
  /** The fit on the data themselves. */
  readonly estimate: FittedModel;
  /** Per parameter, one value per successful replicate. */
  readonly draws: Readonly<Record<string, Float64Array>>;
  readonly mean: Readonly<Record<string, number>>;
  /** Bootstrap standard deviations: the standard errors by resampling. */
  readonly sd: Readonly<Record<string, number>>;
  /** Percentile intervals: the 2.5 % and 97.5 % quantiles of the draws. */
  readonly lower: Readonly<Record<string, number>>;
  readonly upper: Readonly<Record<string, number>>;
  readonly replicates: number;
  /** Replicates whose fit failed or did not converge (left out of the draws). */
  readonly failed: number;
}

const schema = z.looseObject({
  model: z.string({ error: 'must be a model kind' }),
  replicates: z.optional(wholeOption(2, 100_000)),
  seed: z.optional(seedOption),
  fields: z.optional(fieldsOption),
  ...progressShape,
});

/** Distinct rows (x, t_x, T, and m / litt where the model reads them) with their counts. */
function distinctRows(s: ReturnType<typeof readSummary>, spend: boolean, litt: boolean) {
  const index = new Map<string, number>();
  const rows: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < s.n; i++) {
    const w = s.weight ? (s.weight[i] as number) : 1;
    if (!(w > 0)) continue;
    if (spend && !((s.frequency[i] as number) > 0)) continue;
    const key = `${s.frequency[i]},${s.recency[i]},${s.T[i]}${spend ? `,${s.monetaryValue![i]}` : ''}${litt ? `,${s.logIntervalSum![i]}` : ''}`;
    const j = index.get(key);
    if (j === undefined) {
      index.set(key, rows.length);
      rows.push(i);
      weight.push(w);
    } else weight[j] = (weight[j] as number) + w;
  }
  return { rows: Uint32Array.from(rows), weight: Float64Array.from(weight) };
}

/**
 * Bootstrap a fit: draw the customers (with their `count` weights) with replacement, as many
 * as there are, refit the model on each replicate, and report each parameter's draws,
 * mean, standard deviation and 95 % percentile interval. Identical histories are merged
 * first and a replicate is the same distinct histories with resampled counts, so each
 * replicate costs one fit of the distinct histories (without the Hessian, which the
 * bootstrap replaces). Replicates whose fit fails or does not converge are counted in
 * `failed` and left out. Seeded, reproducible.
 *
 * @example
 * ```ts
 * const boot = bootstrapFit(summary, { model: 'bg-nbd', replicates: 200, seed: 1 });
 * boot.sd.r; boot.lower.alpha; boot.upper.alpha;
 * ```
 * @see Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
 */
export function bootstrapFit(summary: SummaryInput, options: BootstrapFitOptions): BootstrapFit {
  const fn = 'bootstrapFit';
  const o = parseOptions(fn, schema, options) as BootstrapFitOptions;
  const kinds = [...kindsOf('purchase'), ...kindsOf('spend')];
  if (!kinds.includes(o.model as never)) optionError(fn, 'model', `must be one of ${kinds.map((k) => `'${k}'`).join(', ')}`, o.model);
  const spec = registry[o.model] as unknown as PurchaseModelSpec<Record<string, number>> | SpendModelSpec<Record<string, number>>;
  const fitOptions = (o.fit ?? {}) as FitOptions;
  if (fitOptions.covariates !== undefined) optionError(fn, 'fit.covariates', 'are not resampled yet: bootstrap the model without covariates', fitOptions.covariates);
  const spend = spec.role === 'spend';
  const estimate = spec.fit(summary, { ...fitOptions, fields: o.fields });
  const litt = spec.role === 'purchase' && spec.needsRegularity?.(estimate.params as never) === true;
  const s = readSummary(summary, fn, { fields: o.fields, needMonetary: spend, needRegularity: litt });
  const { rows, weight } = distinctRows(s, spend, litt);
  const cumulative = new Float64Array(weight.length);
  let total = 0;
  weight.forEach((w, j) => (cumulative[j] = total += w));
  const n = Math.max(1, Math.round(total));
  const pick = (col: ArrayLike<number>): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
  const base = { frequency: pick(s.frequency), recency: pick(s.recency), T: pick(s.T), ...(spend ? { monetaryValue: pick(s.monetaryValue!) } : {}), ...(litt ? { logIntervalSum: pick(s.logIntervalSum!) } : {}) };
  const rng = new Random(o.seed ?? 1);
  const replicates = o.replicates ?? 200;
  const names = spec.params;
  const values = names.map(() => [] as number[]);
  let failed = 0;
  const count = new Float64Array(weight.length);
  const tick = progressTicker(o, replicates);
  for (let b = 0; b < replicates; b++) {
    tick();
    count.fill(0);
    for (let k = 0; k < n; k++) count[upper(cumulative, rng.uniform() * total)]! += 1;
    let fit: FittedModel;
    try {
      fit = spec.fit({ ...base, count }, { ...fitOptions, [START_ONLY]: true } as FitOptions);
    } catch (error) {
      if (!(error instanceof CustomerValueError)) throw error;
      failed++;
      continue;
    }
    if (!fit.converged) {
      failed++;
      continue;
    }
    names.forEach((name, i) => (values[i] as number[]).push((fit.params as unknown as Record<string, number>)[name] as number));
  }
  if (replicates - failed < 2) throw new CustomerValueError('fit_failed', `${fn}: only ${replicates - failed} of ${replicates} replicates could be fitted; the data do not support a bootstrap of ${spec.title}`);
  return summarizeDraws(o.model, estimate, names, values, replicates, failed);
}

/** The first index whose cumulative weight exceeds u. */
function upper(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function summarizeDraws(kind: ModelKind, estimate: FittedModel, names: readonly string[], values: number[][], replicates: number, failed: number): BootstrapFit {
  const draws: Record<string, Float64Array> = {};
  const mean: Record<string, number> = {};
  const sd: Record<string, number> = {};
  const lower: Record<string, number> = {};
  const upperQ: Record<string, number> = {};
  names.forEach((name, i) => {
    const v = Float64Array.from(values[i] as number[]);
    draws[name] = v;
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    mean[name] = m;
    sd[name] = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
    const sorted = Float64Array.from(v).sort();
    lower[name] = sortedQuantile(sorted, 0.025);
    upperQ[name] = sortedQuantile(sorted, 0.975);
  });
  return { kind, estimate, draws, mean, sd, lower, upper: upperQ, replicates, failed };
}
