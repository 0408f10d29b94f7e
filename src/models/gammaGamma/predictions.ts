/**
 * Gamma-Gamma predictions (Fader, Hardie & Lee 2005b).
 * @internal
 */
import type { GammaGammaParams } from './likelihood.js';

/**
 * E[M | p, q, v, m, x] = p (v + x m) / (p x + q - 1), Fader, Hardie & Lee (2005b) eq. (5):
 * a weighted mean of the population mean p v / (q - 1) and the observed mean m. For x = 0
 * the population mean (finite when q > 1).
 */
export function conditionalSpend(g: GammaGammaParams, x: number, m: number): number {
  if (x === 0) return g.q > 1 ? (g.p * g.v) / (g.q - 1) : Number.POSITIVE_INFINITY;
  return (g.p * (g.v + x * m)) / (g.p * x + g.q - 1);
}
