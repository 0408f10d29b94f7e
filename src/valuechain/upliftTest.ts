/**
 * Welch's two-sample t-test of a campaign's uplift (Welch 1947): the difference of mean
 * revenue per reached and per control customer, its standard error sqrt(s₁²/n₁ + s₂²/n₂),
 * the Welch-Satterthwaite degrees of freedom, a two-sided p-value and a confidence
 * interval. Means and sample variances by simple-statistics; the Student t distribution by
 * the regularized incomplete beta, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2).
 * @internal
 */
import { mean, sampleVariance } from 'simple-statistics';
import { regularizedBeta } from '../math/special.js';

/** The test of a difference in means. */
export interface UpliftTest {
  /** mean(reached) - mean(control). */
  readonly difference: number;
  readonly standardError: number;
  readonly degreesOfFreedom: number;
  /** Two-sided p-value of no difference. */
  readonly pValue: number;
  /** The central `level` confidence interval of the difference. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/** P(|T| > t) for Student's t with ν degrees of freedom. */
function twoSidedTail(t: number, nu: number): number {
  return regularizedBeta(nu / (nu + t * t), nu / 2, 0.5);
}

/** The t quantile q with P(|T| > q) = 1 - level, by bisection. */
function tQuantile(level: number, nu: number): number {
  let lo = 0;
  let hi = 1;
  while (twoSidedTail(hi, nu) > 1 - level && hi < 1e6) hi *= 2;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (twoSidedTail(mid, nu) > 1 - level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Welch's test of mean(x) - mean(y); undefined when either group has fewer than two values or neither varies. */
export function welchTest(x: readonly number[], y: readonly number[], level = 0.95): UpliftTest | undefined {
  if (x.length < 2 || y.length < 2) return undefined;
  const a = sampleVariance(x as number[]) / x.length;
  const b = sampleVariance(y as number[]) / y.length;
  const se = Math.sqrt(a + b);
  if (!(se > 0)) return undefined;
  const difference = mean(x as number[]) - mean(y as number[]);
  const nu = (a + b) ** 2 / ((a * a) / (x.length - 1) + (b * b) / (y.length - 1));
  const q = tQuantile(level, nu);
  return { difference, standardError: se, degreesOfFreedom: nu, pValue: twoSidedTail(difference / se, nu), lower: difference - q * se, upper: difference + q * se, level };
}
