/**
 * The two-proportion z-test: is the share x₁/n₁ of one group different from x₂/n₂ of
 * another? z = (p₁ - p₂) / √(p̂ (1 - p̂) (1/n₁ + 1/n₂)), p̂ the pooled share; two-sided
 * p-value 2 Q(|z|), Q the normal upper tail computed to full precision (simple-statistics'
 * Φ is a four-decimal table, which would report every p below 1e-4 as 0); a 95 % Wald
 * interval of the difference. Large-sample: trust it when each group has at least 5 of
 * each outcome.
 * @internal
 */
import { normalUpperTail } from '../math/normal.js';

/** A difference of two shares and its test. */
export interface ProportionTest {
  /** p₁ - p₂. */
  readonly difference: number;
  readonly z: number;
  readonly pValue: number;
  /** 95 % Wald interval of the difference, p₁ - p₂ ± 1.96 √(p₁(1-p₁)/n₁ + p₂(1-p₂)/n₂). */
  readonly lower: number;
  readonly upper: number;
}

/** The test of x1/n1 against x2/n2; null when a group is empty or the pooled share is 0 or 1. */
export function proportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest | null {
  if (!(n1 > 0 && n2 > 0)) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se0 > 0)) return null;
  const z = (p1 - p2) / se0;
  const pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { difference: p1 - p2, z, pValue, lower: p1 - p2 - 1.959963984540054 * se, upper: p1 - p2 + 1.959963984540054 * se };
}
