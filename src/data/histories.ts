import type { TimeUnit } from './days.js';

/**
 * Customer histories as parallel columns, as likelihoods read them: frequency x, recency
 * t_x, age T, weight w (rows of weight 0 removed), and optionally mean spend m.
 * @internal
 */
export interface HistoryData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  /** Sum of the weights. */
  n: number;
  m: Float64Array | undefined;
  unit: TimeUnit | undefined;
  /** Sum of log inter-purchase times per row, for the Erlang-k timing models. */
  litt?: Float64Array | undefined;
}

/**
 * Merge identical (x, t_x, T) rows (with a `litt` column: identical (x, t_x, T, litt)),
 * adding their weights: exact for every purchase-model likelihood, and much smaller for
 * real data (all one-time buyers acquired on the same day share a row). Monetary values
 * are dropped.
 * @internal
 */
export function compressHistories(d: HistoryData): HistoryData {
  const map = new Map<number, Map<number, Map<number, Map<number, number>>>>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  const litt: number[] = [];
  const L = d.litt;
  for (let i = 0; i < d.x.length; i++) {
    const xi = d.x[i] as number;
    const ti = d.tx[i] as number;
    const Ti = d.T[i] as number;
    const li = L ? (L[i] as number) : 0;
    let a = map.get(xi);
    if (!a) map.set(xi, (a = new Map()));
    let b = a.get(ti);
    if (!b) a.set(ti, (b = new Map()));
    let c = b.get(Ti);
    if (!c) b.set(Ti, (c = new Map()));
    const k = c.get(li);
    if (k === undefined) {
      c.set(li, x.length);
      x.push(xi);
      tx.push(ti);
      T.push(Ti);
      litt.push(li);
      w.push(d.w[i] as number);
    } else w[k] = (w[k] as number) + (d.w[i] as number);
  }
  const out: HistoryData = { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), w: Float64Array.from(w), n: d.n, m: undefined, unit: d.unit };
  if (L) out.litt = Float64Array.from(litt);
  return out;
}
