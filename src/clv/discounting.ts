import * as bb from '../models/bgBb.js';
import { conditionalParts, PairCache } from '../models/predictions.js';
import type { ModelParams, PurchaseModelKind } from '../models/types.js';

/**
 * Σ_k w_k (E[Y(t_k)] - E[Y(t_{k-1})]) per customer: expected purchases per period,
 * weighted (discounted). The parts that depend on (x, T) only are computed once per
 * distinct pair; P(alive) once per customer.
 * @internal
 */
export function discountedPurchases(
  kind: PurchaseModelKind,
  p: Record<string, number>,
  X: ArrayLike<number>,
  TX: ArrayLike<number>,
  TT: ArrayLike<number>,
  times: readonly number[],
  weights: readonly number[],
): Float64Array {
  const n = X.length;
  const out = new Float64Array(n);
  if (kind === 'bg-bb') {
    const q = p as ModelParams['bg-bb'];
    const cache = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const x = X[i] as number;
      const tx = TX[i] as number;
      const T = TT[i] as number;
      const key = `${x}|${tx}|${T}`;
      let v = cache.get(key);
      if (v === undefined) {
        v = 0;
        let prev = 0;
        for (let k = 0; k < times.length; k++) {
          const cur = bb.conditional(q, x, tx, T, times[k] as number);
          v += (weights[k] as number) * (cur - prev);
          prev = cur;
        }
        cache.set(key, v);
      }
      out[i] = v;
    }
    return out;
  }
  const { bracket, alive } = conditionalParts(kind, p);
  const cache = new PairCache();
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    const T = TT[i] as number;
    const v = cache.get(x, T, () => {
      let sum = 0;
      let prev = 0;
      for (let k = 0; k < times.length; k++) {
        const cur = bracket(x, T, times[k] as number);
        sum += (weights[k] as number) * (cur - prev);
        prev = cur;
      }
      return sum;
    });
    out[i] = v === 0 ? 0 : v * alive(x, TX[i] as number, T);
  }
  return out;
}
