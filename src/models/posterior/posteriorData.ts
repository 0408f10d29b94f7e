/**
 * The data a posterior of a registered model is sampled on: its maximum-likelihood fit (the
 * chains' start) and its histories compressed to distinct rows with weights.
 * @internal
 */
import { compressHistories, type HistoryData } from '../../data/histories.js';
import { optionError } from '../../errors.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { historyData } from '../data.js';
import type { PurchaseModelSpec, SpendModelSpec } from '../spec.js';
import type { FitOptions, FittedModel } from '../types.js';

type AnySpec = PurchaseModelSpec<Record<string, number>> | SpendModelSpec<Record<string, number>>;

/** Distinct (x, m) rows of repeat customers with positive mean spend, weights added: what a spend likelihood reads. */
function compressSpend(d: HistoryData): HistoryData {
  const index = new Map<string, number>();
  const x: number[] = [];
  const m: number[] = [];
  const w: number[] = [];
  const mm = d.m as Float64Array;
  for (let i = 0; i < d.x.length; i++) {
    const xi = d.x[i] as number;
    const mi = mm[i] as number;
    if (!(xi > 0) || !(mi > 0)) continue;
    const key = `${xi},${mi}`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, x.length);
      x.push(xi);
      m.push(mi);
      w.push(d.w[i] as number);
    } else w[k] = (w[k] as number) + (d.w[i] as number);
  }
  const n = w.reduce((a, b) => a + b, 0);
  const zeros = new Float64Array(x.length);
  return { x: Float64Array.from(x), tx: zeros, T: zeros, w: Float64Array.from(w), n, m: Float64Array.from(m), unit: d.unit };
}

/** The fit to start from, the compressed histories and the likelihood to sample. */
export function posteriorData(
  fn: string,
  spec: AnySpec,
  summary: SummaryInput,
  o: { fit?: FitOptions | undefined; fields?: { readonly [field: string]: string } | undefined },
): { estimate: FittedModel; data: HistoryData; logLikelihood: (p: Record<string, number>, data: HistoryData) => number } {
  const fitOptions = { ...(o.fit ?? {}), fields: o.fields ?? o.fit?.fields } as FitOptions;
  if (fitOptions.covariates !== undefined) optionError(fn, 'fit.covariates', 'are not sampled yet: sample the model without covariates', fitOptions.covariates);
  if ((fitOptions as { correlation?: unknown }).correlation !== undefined) optionError(fn, 'fit.correlation', 'is not sampled yet', (fitOptions as { correlation?: unknown }).correlation);
  const estimate = spec.fit(summary, fitOptions);
  const p = estimate.params as unknown as Record<string, number>;
  if (spec.role === 'spend') {
    const data = compressSpend(historyData(fn, summary, fitOptions, { needMonetary: true }));
    return { estimate, data, logLikelihood: spec.logLikelihood };
  }
  const regularity = spec.needsRegularity?.(p) === true;
  const data = compressHistories(historyData(fn, summary, fitOptions, { needRegularity: regularity }));
  return { estimate, data, logLikelihood: spec.logLikelihood };
}
