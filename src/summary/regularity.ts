import type { SummaryPartial } from './partial.js';

/**
 * Per summary row, the sum of the logs of the customer's inter-purchase times (between
 * consecutive purchase days up to `end`, in units of `per` days): what Erlang-k timing
 * models need (BTYDplus calls it litt). 0 for a customer with no repeat purchase.
 * `source[k]` is the partial's customer of summary row k.
 * @internal
 */
export function logIntervalSums(partial: SummaryPartial, end: number, source: Uint32Array, per: number): Float64Array {
  const { dayStart, day, purchaseRows } = partial;
  const out = new Float64Array(source.length);
  for (let k = 0; k < source.length; k++) {
    const c = source[k] as number;
    let prev = Number.NaN;
    let sum = 0;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      const d = day[i] as number;
      if (d > end) break;
      if ((purchaseRows[i] as number) === 0) continue;
      if (prev === prev) sum += Math.log((d - prev) / per);
      prev = d;
    }
    out[k] = sum;
  }
  return out;
}
