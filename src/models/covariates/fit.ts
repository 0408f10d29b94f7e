/**
 * Maximum likelihood of a purchase model with static covariates (CLVTools 0.12's
 * parameterization, see `links.ts`): the customers are grouped by their covariate values,
 * each group's histories compressed, and the log-likelihood is the sum over groups of the
 * model's own likelihood at the group's scaled parameters. Gradients by the chain rule from
 * each group's gradient in the base parameters (analytic where the model has one), so the
 * cost grows with groups × distinct histories, not with the number of coefficients.
 * @internal
 */
import { alignCovariates, type CovariateMatrices, type CovariatesOption } from '../../data/covariates.js';
import { compressHistories, type HistoryData } from '../../data/histories.js';
import { optionError } from '../../errors.js';
import { readSummary, summaryUnit, type SummaryInput } from '../../summary/readSummary.js';
import { requireRows } from '../data.js';
import { checkFitOptions, fitLikelihood, START_ONLY } from '../fit.js';
import type { FitSpec, PurchaseModelSpec } from '../spec.js';
import type { FitOptions, FittedModel, ModelKind } from '../types.js';
import { groupByCovariates, groupEta, groupRows, type CovariateGroups } from './design.js';
import { scaledParams, type CovariateLinks } from './links.js';

type Spec = PurchaseModelSpec<Record<string, number>>;
type Likelihood = (theta: Float64Array, grad?: Float64Array) => number;

/** A free coefficient: the column it multiplies in each process (-1: none). */
export interface Coefficient {
  name: string;
  purchase: number;
  dropout: number;
}

/** The coefficients to fit: one per covariate and process, one shared by both processes for a constrained covariate. */
function coefficientsOf(fn: string, purchase: readonly string[], dropout: readonly string[], constrain: unknown): Coefficient[] {
  const both = (constrain ?? []) as string[];
  if (!Array.isArray(both) || both.some((c) => typeof c !== 'string')) optionError(fn, 'covariates.constrain', 'must be a list of column names', constrain);
  for (const c of both) {
    if (!purchase.includes(c) || !dropout.includes(c)) optionError(fn, 'covariates.constrain', `names ${JSON.stringify(c)}, which must be a purchase and a dropout covariate`, constrain);
  }
  return [
    ...purchase.filter((c) => !both.includes(c)).map((c) => ({ name: `purchase.${c}`, purchase: purchase.indexOf(c), dropout: -1 })),
    ...dropout.filter((c) => !both.includes(c)).map((c) => ({ name: `dropout.${c}`, purchase: -1, dropout: dropout.indexOf(c) })),
    ...both.map((c) => ({ name: `both.${c}`, purchase: purchase.indexOf(c), dropout: dropout.indexOf(c) })),
  ];
}

/** The model's likelihood on one group's histories, with a gradient in the natural base parameters (central differences in log space when the model has no analytic one). */
function groupLikelihood(spec: Spec, data: HistoryData): Likelihood {
  if (spec.likelihoodOf) return spec.likelihoodOf(data);
  const names = spec.params;
  const at = (theta: Float64Array): Record<string, number> => Object.fromEntries(names.map((n, i) => [n, theta[i] as number]));
  const h = 1e-5;
  return (theta, grad) => {
    const ll = spec.logLikelihood(at(theta), data);
    if (grad) {
      const y = Float64Array.from(theta);
      for (let i = 0; i < names.length; i++) {
        const t = theta[i] as number;
        y[i] = t * Math.exp(h);
        const up = spec.logLikelihood(at(y), data);
        y[i] = t * Math.exp(-h);
        const down = spec.logLikelihood(at(y), data);
        y[i] = t;
        grad[i] = (up - down) / (2 * h * t);
      }
    }
    return ll;
  };
}

/** A history's rows of one group, weights kept, rows of weight 0 left out, compressed. */
export function groupHistory(rows: Uint32Array, x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, w: ArrayLike<number> | undefined, unit: HistoryData['unit']): HistoryData {
  const keep = Array.from(rows).filter((i) => (w ? (w[i] as number) : 1) > 0);
  const pick = (c: ArrayLike<number>): Float64Array => Float64Array.from(keep, (i) => c[i] as number);
  const weights = w ? pick(w) : new Float64Array(keep.length).fill(1);
  const n = weights.reduce((s, v) => s + v, 0);
  return compressHistories({ x: pick(x), tx: pick(tx), T: pick(T), w: weights, n, m: undefined, unit });
}

/**
 * Fit `spec` with the static covariates of `options.covariates`: the model without
 * covariates first (its estimate is the start, with coefficients 0 unless
 * `initialParams['purchase.<name>']` etc. say otherwise), then all parameters together;
 * the L2 penalty applies to the coefficients only.
 */
export function fitWithCovariates<K extends ModelKind, P>(fn: string, modelSpec: FitSpec<P>, summary: SummaryInput, rawOptions: FitOptions): FittedModel<K> {
  const c = prepareCovariateFit(fn, modelSpec, summary, rawOptions);
  if (c.options.correlation === true) {
    const fitCorrelated = c.spec.correlation?.fitWithCovariates;
    if (!fitCorrelated) optionError(fn, 'correlation', `is fitted for Pareto/NBD only, not ${c.spec.title}`, true);
    return fitCorrelated(fn, c) as FittedModel<K>;
  }
  const { spec, coefs, groups, m, kb, kp, kd, links } = c;
  const liks = c.histories.map((h) => groupLikelihood(spec, h));
  const gBase = new Float64Array(kb);
  const thetaG = new Float64Array(kb);
  // each process's linked parameters as (index, sign), found once
  const linkAt = {
    purchase: links.purchase.map((l) => [spec.params.indexOf(l.param), l.sign] as const),
    dropout: links.dropout.map((l) => [spec.params.indexOf(l.param), l.sign] as const),
  };
  const logLik = (theta: Float64Array, grad?: Float64Array): number => {
    const qs = c.groupParams(theta);
    if (!qs) return Number.NEGATIVE_INFINITY;
    if (grad) grad.fill(0);
    let ll = 0;
    for (let g = 0; g < liks.length; g++) {
      const q = qs[g] as Record<string, number>;
      for (let i = 0; i < kb; i++) thetaG[i] = q[spec.params[i] as string] as number;
      ll += (liks[g] as Likelihood)(thetaG, grad ? gBase : undefined);
      if (!grad) continue;
      const at = groups.first[g] as number;
      const zp = m.purchase.subarray(at * kp, at * kp + kp);
      const zd = m.dropout.subarray(at * kd, at * kd + kd);
      // θ_g,i = θ_i · factor: ∂/∂θ_i = ∂/∂θ_g,i · θ_g,i / θ_i; ∂/∂γ = z · Σ_links sign ∂/∂θ_g · θ_g (per process)
      for (let i = 0; i < kb; i++) grad[i] = (grad[i] as number) + (gBase[i] as number) * ((thetaG[i] as number) / (theta[i] as number));
      const score = (pairs: readonly (readonly [number, number])[]): number => pairs.reduce((s, [i, sign]) => s + sign * (gBase[i] as number) * (thetaG[i] as number), 0);
      const sp = score(linkAt.purchase);
      const sd = score(linkAt.dropout);
      coefs.forEach((co, j) => {
        const d = (co.purchase >= 0 ? sp * (zp[co.purchase] as number) : 0) + (co.dropout >= 0 ? sd * (zd[co.dropout] as number) : 0);
        grad[kb + j] = (grad[kb + j] as number) + d;
      });
    }
    return ll;
  };
  const fit = fitLikelihood({ kind: spec.kind as K, fn, names: c.names as never, start: c.start, n: c.base.n, unit: c.base.unit, analyticGradient: true, logLik, freeFrom: kb }, { ...c.options, initialParams: undefined });
  return withCoefficients(fit, kb, coefs, m.purchaseNames, m.dropoutNames);
}

/** What both covariate fits share: the aligned covariates, the groups and their histories, the start, and each group's parameters at θ. */
export interface CovariateFit {
  readonly options: FitOptions;
  readonly spec: Spec;
  readonly links: CovariateLinks;
  readonly m: CovariateMatrices;
  readonly coefs: Coefficient[];
  readonly groups: CovariateGroups;
  /** Each group's compressed histories. */
  readonly histories: HistoryData[];
  readonly base: FittedModel;
  readonly names: string[];
  readonly start: number[];
  readonly kb: number;
  readonly kp: number;
  readonly kd: number;
  /** Each group's scaled parameters at θ = [base..., coefficients...] (undefined where one is not finite and > 0). */
  groupParams(theta: ArrayLike<number>): Array<Record<string, number>> | undefined;
}

/** Read, align and group; fit the model without covariates for the start. */
export function prepareCovariateFit<P>(fn: string, modelSpec: FitSpec<P>, summary: SummaryInput, rawOptions: FitOptions): CovariateFit {
  const options = checkFitOptions(fn, rawOptions);
  // the model's own spec, passed by its fitter: no registry import, so a bundle of one model stays one model
  const spec = modelSpec as unknown as Spec;
  const links = spec.covariateLinks;
  if (!links) optionError(fn, 'covariates', `are not supported by the ${spec.title} model`, options.covariates);
  const s = readSummary(summary, fn, { fields: options.fields, weights: options.weights });
  requireRows(fn, s.n);
  const m = alignCovariates(fn, options.covariates, s.customerId, s.n);
  const coefs = coefficientsOf(fn, m.purchaseNames, m.dropoutNames, (options.covariates as CovariatesOption).constrain);
  const groups = groupByCovariates(m, s.n);
  const unit = summaryUnit(summary);
  const histories = groupRows(groups).map((rows) => groupHistory(rows, s.frequency, s.recency, s.T, s.weight, unit));
  const base = spec.fit(summary, { ...options, covariates: undefined, correlation: undefined, l2: undefined, initialParams: baseStart(spec, options.initialParams), [START_ONLY]: true } as FitOptions);
  const kb = spec.params.length;
  const kp = m.purchaseNames.length;
  const kd = m.dropoutNames.length;
  const gp = new Float64Array(kp);
  const gd = new Float64Array(kd);
  const groupParams = (theta: ArrayLike<number>): Array<Record<string, number>> | undefined => {
    gp.fill(0);
    gd.fill(0);
    coefs.forEach((c, j) => {
      if (c.purchase >= 0) gp[c.purchase] = theta[kb + j] as number;
      if (c.dropout >= 0) gd[c.dropout] = theta[kb + j] as number;
    });
    const p = Object.fromEntries(spec.params.map((n, i) => [n, theta[i] as number]));
    const out: Array<Record<string, number>> = [];
    for (let g = 0; g < groups.first.length; g++) {
      const at = groups.first[g] as number;
      const q = scaledParams(links, p, groupEta(m.purchase, kp, at, gp), groupEta(m.dropout, kd, at, gd));
      if (Object.values(q).some((v) => !(v > 0) || !Number.isFinite(v))) return undefined;
      out.push(q);
    }
    return out;
  };
  const start = [...spec.params.map((n) => (base.params as unknown as Record<string, number>)[n] as number), ...coefs.map((c) => options.initialParams?.[c.name] ?? 0)];
  return { options, spec, links, m, coefs, groups, histories, base, names: [...spec.params, ...coefs.map((c) => c.name)], start, kb, kp, kd, groupParams };
}

/** The user's starting values of the base parameters only. */
function baseStart(spec: Spec, initial: FitOptions['initialParams']): FitOptions['initialParams'] {
  if (!initial) return undefined;
  return Object.fromEntries(Object.entries(initial).filter(([k]) => spec.params.includes(k)));
}

/** Split a joint fit into the base record plus `coefficients`, their standard errors and the names of the joint covariance. */
export function withCoefficients<K extends ModelKind>(fit: FittedModel<K>, kb: number, coefs: Coefficient[], purchase: readonly string[], dropout: readonly string[]): FittedModel<K> {
  const all = fit.params as unknown as Record<string, number>;
  const se = fit.standardErrors as unknown as Record<string, number>;
  const names = Object.keys(all);
  const baseNames = names.slice(0, kb);
  const pick = (from: Record<string, number>, list: readonly string[]): Record<string, number> => Object.fromEntries(list.map((n) => [n, from[n] as number]));
  const byProcess = (from: Record<string, number>) => {
    const get = (process: 'purchase' | 'dropout', c: string): number => from[`${process}.${c}`] ?? (from[`both.${c}`] as number);
    return { purchase: Object.fromEntries(purchase.map((c) => [c, get('purchase', c)])), dropout: Object.fromEntries(dropout.map((c) => [c, get('dropout', c)])) };
  };
  return {
    ...fit,
    params: pick(all, baseNames) as never,
    standardErrors: pick(se, baseNames) as never,
    coefficients: byProcess(all),
    coefficientStandardErrors: byProcess(se),
    constrained: coefs.filter((c) => c.name.startsWith('both.')).map((c) => c.name.slice(5)),
    covarianceNames: names,
  };
}
