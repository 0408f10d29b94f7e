import * as z from 'zod/mini';
import { withMeta } from '../../data/columns.js';
import { DAYS_PER_UNIT, type TimeUnit } from '../../data/days.js';
import { finiteOption, parseOptions, seedOption, unitOption, wholeOption } from '../../data/options.js';
import { CustomerValueError, optionError } from '../../errors.js';
import { Random } from '../../math/random.js';
import { sortedQuantile } from '../../math/sort.js';
import { summaryUnit, type SummaryColumns, type SummaryInput } from '../../summary/readSummary.js';
import type { BootstrapFit } from '../bootstrap.js';
import { drawnParameterSets, isDrawsRecord } from '../drawnParameters.js';
import { checkSameCustomers, drawHierarchicalFuture, isHierarchical } from '../hierarchical/future.js';
import type { HierarchicalPosterior } from '../hierarchical/types.js';
import type { PosteriorSample } from '../posterior/samplePosterior.js';
import { checkModel, kindsOf, registry, spendModelOf } from '../registry.js';
import type { PurchaseModelSpec } from '../spec.js';
import type { PurchaseModel } from '../types.js';
import type { CustomerLifetimeValueOptions } from '../../clv/customerLifetimeValue.js';
import { customersOf } from './shared.js';
import { spendMany } from './conditionalExpectedSpend.js';

/** Options of {@link predictiveDistribution}: the horizon, units, discounting and spend model as {@link customerLifetimeValue} takes them. */
export interface PredictiveDistributionOptions extends Pick<CustomerLifetimeValueOptions, 'spendModel' | 'customers' | 'horizon' | 'unit' | 'modelUnit' | 'discountRate' | 'margin'> {
  /**
   * A purchase model record, or a {@link samplePosterior} or {@link bootstrapFit} result of one (its draws carry the
   * parameter uncertainty), or a hierarchical posterior (`'pareto-nbd-hb'`, `'pareto-ggg'`), whose kept draws of each
   * customer's own rates drive that customer's future (`customers` must then be the customers it was sampled on).
   */
  purchaseModel: PurchaseModel | BootstrapFit | PosteriorSample | HierarchicalPosterior;
  /** Value per purchase instead of a spend model. Default 1 (the CLV columns are then discounted purchases). */
  spend?: number | undefined;
  /** Draws per customer. Default 1000. */
  draws?: number | undefined;
  seed?: number | undefined;
  /** Central coverage of the intervals. Default 0.9. */
  level?: number | undefined;
}

/** Per customer, in input order: purchases and CLV over the horizon, P(alive) at T. */
export interface PredictiveDistribution {
  customerId: unknown[];
  purchasesMean: Float64Array;
  purchasesMedian: Float64Array;
  purchasesLower: Float64Array;
  purchasesUpper: Float64Array;
  /** P(alive at T): its mean and interval over the parameter draws (a point without them). */
  aliveMean: Float64Array;
  aliveLower: Float64Array;
  aliveUpper: Float64Array;
  clvMean: Float64Array;
  clvMedian: Float64Array;
  clvLower: Float64Array;
  clvUpper: Float64Array;
  readonly length: number;
  readonly level: number;
  readonly draws: number;
}

const schema = z.looseObject({
  horizon: finiteOption.check(z.gt(0, { error: 'must be a finite number > 0' })).check(z.maximum(1e6, { error: 'must be at most 1e6 periods' })),
  discountRate: z.optional(finiteOption.check(z.gt(-1, { error: 'must be a finite number > -1' }))),
  margin: z.optional(finiteOption),
  spend: z.optional(finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' }))),
  unit: z.optional(unitOption),
  modelUnit: z.optional(unitOption),
  draws: z.optional(wholeOption(10, 1_000_000)),
  seed: z.optional(seedOption),
  level: z.optional(finiteOption.check(z.gt(0, { error: 'must be between 0 and 1' })).check(z.lt(1, { error: 'must be between 0 and 1' }))),
});

/**
 * Each customer's predictive distribution over a horizon: future purchases and CLV with
 * both the parameters' uncertainty and the customer's own randomness (issue: intervals
 * that cover what customers will do, not only where the expectation lies). Each draw takes
 * the parameters (a posterior draw or bootstrap replicate in turn, or the model's own), draws whether the
 * customer is alive at T (probability P(alive | x, t_x, T)), and if so draws their future
 * from the posterior of the rates given alive (the model's `drawFuture`: Pareto/NBD
 * λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), ...), each purchase discounted from the end of
 * its period and valued at the customer's expected spend. Reported: mean, median and the
 * central `level` interval of purchases and CLV, and P(alive)'s mean and interval over the
 * parameter draws. With a spend model that can draw (Gamma-Gamma: ν | x, m ~ Gamma(px+q,
 * v+xm), each value ~ Gamma(p, ν)) every purchase value is drawn too; else purchases are
 * valued at the expected spend. Checked on simulated data: the holdout purchases fall in
 * the intervals as often as the exact conditional pmf says they should (a test).
 *
 * @example
 * ```ts
 * const boot = bootstrapFit(summary, { model: 'pareto-nbd', replicates: 100 });
 * const pd = predictiveDistribution({ purchaseModel: boot, customers: summary, horizon: 52, unit: 'week', seed: 1 });
 * pd.purchasesLower[0], pd.purchasesUpper[0];
 * ```
 */
export function predictiveDistribution(options: PredictiveDistributionOptions): PredictiveDistribution {
  const fn = 'predictiveDistribution';
  const o = parseOptions(fn, schema, options) as unknown as PredictiveDistributionOptions;
  const source = futureSource(fn, o.purchaseModel, o.customers, o.spendModel !== undefined, o.draws ?? 1000);
  const c = source.c;
  const recordUnit = (o.purchaseModel as { unit?: TimeUnit; estimate?: { unit?: TimeUnit } }).unit ?? (o.purchaseModel as { estimate?: { unit?: TimeUnit } }).estimate?.unit;
  const unit = o.unit ?? recordUnit ?? 'week';
  const modelUnit = o.modelUnit ?? recordUnit ?? summaryUnit(o.customers) ?? unit;
  const per = DAYS_PER_UNIT[unit] / DAYS_PER_UNIT[modelUnit];
  const t = o.horizon * per;
  const d = o.discountRate ?? 0;
  const margin = o.margin ?? 1;
  const spendSpec = o.spendModel === undefined ? undefined : spendModelOf(fn, o.spendModel);
  if (spendSpec && o.spend !== undefined) optionError(fn, 'spend', 'cannot be given together with spendModel', o.spend);
  const drawLevel = spendSpec?.spec.drawLevel;
  const drawValue = spendSpec?.spec.drawValue;
  const canDraw = drawLevel !== undefined && drawValue !== undefined && spendSpec !== undefined;
  // without drawn values, each purchase is worth the customer's expected spend (or `spend`)
  const spend = canDraw ? undefined : expectedSpend(o.spend, spendSpec, c);
  const draws = o.draws ?? 1000;
  const level = o.level ?? 0.9;
  const rng = new Random(o.seed ?? 1);
  const n = c.n;
  const cols = () => new Float64Array(n);
  const out = { purchasesMean: cols(), purchasesMedian: cols(), purchasesLower: cols(), purchasesUpper: cols(), aliveMean: cols(), aliveLower: cols(), aliveUpper: cols(), clvMean: cols(), clvMedian: cols(), clvLower: cols(), clvUpper: cols() };
  const counts = new Float64Array(draws);
  const values = new Float64Array(draws);
  const sets = source.sets;
  const alive = new Float64Array(sets);
  let value = 0;
  let spendLevel = 0;
  let fixed = 1;
  const onPurchase = (tau: number): void => void (value += (1 + d) ** -Math.ceil(tau / per - 1e-12) * (canDraw ? drawValue(spendSpec.p, spendLevel, rng) : fixed));
  for (let i = 0; i < n; i++) {
    const x = c.frequency[i] as number;
    // P(alive) depends on the parameter set only: once per customer and set, not per draw
    for (let j = 0; j < sets; j++) alive[j] = source.alive(i, j);
    for (let k = 0; k < draws; k++) {
      value = 0;
      // the customer's own spend level, each purchase's value drawn around it, where the spend model can draw them
      if (canDraw) spendLevel = drawLevel(spendSpec.p, x, (c.monetaryValue as Float64Array)[i] as number, rng);
      else fixed = (spend as Float64Array)[i] as number;
      counts[k] = rng.uniform() < (alive[k % sets] as number) ? source.future(i, k % sets, t, rng, onPurchase) : 0;
      values[k] = margin * value;
    }
    put(out, 'purchases', i, counts, level);
    put(out, 'clv', i, values, level);
    const q = source.aliveSummary ? source.aliveSummary(i) : quantiles(alive, level);
    out.aliveMean[i] = q.mean;
    out.aliveLower[i] = q.lower;
    out.aliveUpper[i] = q.upper;
  }
  const ids = c.customerId ? Array.from({ length: n }, (_, i) => c.customerId![i]) : Array.from({ length: n }, (_, i) => i);
  return withMeta({ customerId: ids, ...out }, { length: n, level, draws });
}

/**
 * Where each draw's future comes from: the customers, the parameter sets (a posterior's or
 * bootstrap's draws, at most `draws` of them evenly spaced, or the model's own; a
 * hierarchical posterior's kept individual draws), P(alive at T) per customer and set, and
 * the future of a customer alive at T.
 */
interface FutureSource {
  c: SummaryColumns;
  sets: number;
  alive(i: number, j: number): number;
  future(i: number, j: number, t: number, rng: Random, onPurchase: (tau: number) => void): number;
  /** P(alive)'s summary where it is not the spread of `alive` over the sets (a hierarchical posterior: its posterior probability). */
  aliveSummary?(i: number): { mean: number; lower: number; upper: number };
}

function futureSource(fn: string, model: unknown, customers: SummaryInput, needMonetary: boolean, draws: number): FutureSource {
  if (isHierarchical(model)) {
    const c = customersOf(fn, customers, needMonetary);
    checkSameCustomers(fn, model, c);
    const T = model.histories.T;
    const n = c.n;
    const p = model.customers.probabilityAlive;
    return {
      c,
      sets: model.individual.sets,
      alive: (i, j) => ((model.individual.tau[j * n + i] as number) > (T[i] as number) ? 1 : 0),
      future: (i, j, t, rng, on) => drawHierarchicalFuture(model, i, j, t, rng, on),
      aliveSummary: (i) => ({ mean: p[i] as number, lower: p[i] as number, upper: p[i] as number }),
    };
  }
  const { kind, paramsOf, replicates } = parameterDraws(fn, model, draws);
  const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
  const draw = spec.drawFuture;
  if (!draw) {
    const have = kindsOf('purchase').filter((k) => (registry[k] as { drawFuture?: unknown }).drawFuture !== undefined);
    throw new CustomerValueError('invalid_model', `${fn}: is available for ${have.map((k) => `'${k}'`).join(', ')} and hierarchical posteriors; not yet for '${kind}'`);
  }
  const c = customersOf(fn, customers, needMonetary, spec);
  const X = c.frequency;
  const TX = c.recency;
  const TT = c.T;
  return {
    c,
    sets: Math.min(draws, replicates),
    alive: (i, j) => spec.alive(paramsOf(j), X[i] as number, TX[i] as number, TT[i] as number),
    future: (i, j, t, rng, on) => draw(paramsOf(j), X[i] as number, TT[i] as number, t, rng, on, TX[i] as number),
  };
}

/** The parameters of draw k: a posterior's or bootstrap's draws in turn (at most `draws` of them, evenly spaced), or the model's own. */
function parameterDraws(fn: string, model: unknown, draws: number): { kind: keyof typeof registry; paramsOf: (k: number) => Record<string, number>; replicates: number } {
  if (isDrawsRecord(model)) {
    const { kind, sets } = drawnParameterSets(fn, model, kindsOf('purchase'), draws);
    return { kind, paramsOf: (k) => sets[k % sets.length] as Record<string, number>, replicates: sets.length };
  }
  const { kind, p } = checkModel(fn, model, kindsOf('purchase'));
  if ((model as { coefficients?: unknown; correlation?: unknown }).coefficients !== undefined || (model as { correlation?: unknown }).correlation !== undefined) {
    optionError(fn, 'purchaseModel', 'with covariates or correlated rates is not drawn yet', kind);
  }
  return { kind, paramsOf: () => p, replicates: 1 };
}

/** Each customer's value per purchase: the spend model's conditional expectation, or `spend` (default 1). */
function expectedSpend(spend: number | undefined, s: ReturnType<typeof spendModelOf> | undefined, c: ReturnType<typeof customersOf>): Float64Array {
  if (!s) return new Float64Array(c.n).fill(spend ?? 1);
  return spendMany(s.spec, s.p, c.frequency, c.monetaryValue as Float64Array);
}

/** Mean and central interval of draws (sorted in place). */
function quantiles(v: Float64Array, level: number): { mean: number; median: number; lower: number; upper: number } {
  let mean = 0;
  for (let k = 0; k < v.length; k++) mean += v[k] as number;
  mean /= v.length;
  v.sort();
  return { mean, median: sortedQuantile(v, 0.5), lower: sortedQuantile(v, (1 - level) / 2), upper: sortedQuantile(v, 1 - (1 - level) / 2) };
}

function put(out: Record<string, Float64Array>, name: 'purchases' | 'clv', i: number, v: Float64Array, level: number): void {
  const q = quantiles(v, level);
  (out[`${name}Mean`] as Float64Array)[i] = q.mean;
  (out[`${name}Median`] as Float64Array)[i] = q.median;
  (out[`${name}Lower`] as Float64Array)[i] = q.lower;
  (out[`${name}Upper`] as Float64Array)[i] = q.upper;
}
