/**
 * The log-likelihood of a purchase model with covariates on a summary: the sum over the
 * groups of customers that share parameters of the model's own likelihood, as the
 * covariate fit maximizes it.
 * @internal
 */
import { readSummary, summaryUnit, type SummaryInput } from '../../summary/readSummary.js';
import type { FitOptions } from '../types.js';
import { groupHistory } from './fit.js';
import { mixtureLogLik } from './mixture.js';
import { purchaseGroups, type ParamGroup, type PredictionCovariates } from './resolve.js';

/** Weighted total, or one unweighted value per row with `perCustomer`. */
export function covariateLogLikelihood(
  fn: string,
  model: unknown,
  summary: SummaryInput,
  options: Pick<FitOptions, 'weights' | 'fields'> & { perCustomer?: boolean | undefined; covariates?: PredictionCovariates | undefined },
): number | Float64Array {
  const s = readSummary(summary, fn, { fields: options.fields, weights: options.perCustomer ? undefined : options.weights });
  const { spec, groups } = purchaseGroups(fn, model, s, options.covariates);
  const unit = summaryUnit(summary);
  const all = Uint32Array.from({ length: s.n }, (_, i) => i);
  const row = (g: ParamGroup, i: number): number => (g.mixture ? mixtureLogLik(g.mixture, s.frequency[i] as number, s.recency[i] as number, s.T[i] as number) : spec.logLikelihood(g.p, groupHistory(Uint32Array.of(i), s.frequency, s.recency, s.T, undefined, unit)));
  if (!options.perCustomer) {
    let ll = 0;
    for (const g of groups) {
      if (!g.mixture) ll += spec.logLikelihood(g.p, groupHistory(g.rows ?? all, s.frequency, s.recency, s.T, s.weight, unit));
      else {
        for (const i of g.rows ?? all) {
          const w = s.weight ? (s.weight[i] as number) : 1;
          if (w > 0) ll += w * row(g, i);
        }
      }
    }
    return ll;
  }
  const out = new Float64Array(s.n);
  for (const g of groups) for (const i of g.rows ?? all) out[i] = row(g, i);
  return out;
}

