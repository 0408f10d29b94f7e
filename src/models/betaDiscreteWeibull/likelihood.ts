/**
 * Beta-discrete-Weibull (BdW) contractual retention: Fader, Hardie, Liu, Davin & Steenburgh
 * (2018), "'How to Project Customer Retention' Revisited: The Role of Duration Dependence",
 * Journal of Interactive Marketing 43, 1-16. A customer with churn propensity θ is still a
 * customer after t periods with probability (1-θ)^(t^c); θ ~ Beta(α, β), so
 * S(t) = B(α, β + t^c) / B(α, β). c = 1 is the sBG; c < 1 makes individual churn fall
 * with tenure, c > 1 rise.
 * @internal
 */
import { logBetaRatio, logSubExp } from '../../math/special.js';

export interface BdwParams {
  alpha: number;
  beta: number;
  c: number;
}

/** ln S(t) = ln B(α, β + t^c) - ln B(α, β), t = 0, 1, ... */
export function logSurvival(p: BdwParams, t: number): number {
  if (t <= 0) return 0;
  const u = t ** p.c;
  // t^c beyond the doubles (c ~ 1e5): nobody survives that long
  return u === Number.POSITIVE_INFINITY ? Number.NEGATIVE_INFINITY : logBetaRatio(p.alpha, p.beta, 0, u);
}

/** ln P(T = t) = ln(S(t-1) - S(t)), t = 1, 2, ... */
export function logChurnAt(p: BdwParams, t: number): number {
  const before = logSurvival(p, t - 1);
  if (before === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return logSubExp(before, logSurvival(p, t));
}

/** Retention rate r_t = S(t)/S(t-1), t >= 1. */
export function retention(p: BdwParams, t: number): number {
  const before = logSurvival(p, t - 1);
  // nobody left to retain: 0
  return before === Number.NEGATIVE_INFINITY ? 0 : Math.exp(logSurvival(p, t) - before);
}

/** Terms a lifetime sum may take. */
const MAX_TERMS = 10_000_000;

/**
 * Σ_{t>=0} S(t+n)/S(n) / (1+d)^t: the discounted expected (residual) lifetime after n
 * renewals, summed term by term; the terms fall, so the rest is below term · (1+d)/d and
 * the sum stops when that is 1e-14 of it.
 */
export function discountedLifetime(p: BdwParams, d: number, n: number): number {
  const base = logSurvival(p, n);
  // S(n) = 0 in doubles (t^c overflows): no customer is left to have a residual lifetime
  if (base === Number.NEGATIVE_INFINITY) return 0;
  let sum = 0;
  const tail = (1 + d) / d;
  for (let t = 0; t < MAX_TERMS; t++) {
    const term = Math.exp(logSurvival(p, t + n) - base - t * Math.log1p(d));
    sum += term;
    if (term * tail < 1e-14 * sum) break;
  }
  return sum;
}

/** Terms of an undiscounted lifetime sum before its tail is added in closed form. */
const TAIL_AFTER = 200_000;

/**
 * Σ_{t>=0} S(t+n)/S(n): the expected (residual) lifetime. S(t) = B(α, β+t^c)/B(α, β)
 * falls like C t^(-αc), so the sum is finite only for αc > 1 (Infinity else). Terms are
 * added until the rest is negligible or for 2e5 terms; then the rest is the Euler-Maclaurin
 * tail of C t^(-αc) from the last term f_N: f_N (N/(αc - 1) - 1/2), whose error is of
 * order f_N (with the 1/t^c of the power law's own correction).
 */
export function expectedLifetime(p: BdwParams, n: number): number {
  const power = p.alpha * p.c;
  if (!(power > 1)) return Number.POSITIVE_INFINITY;
  const base = logSurvival(p, n);
  if (base === Number.NEGATIVE_INFINITY) return 0;
  let sum = 0;
  let term = 1;
  let t = 0;
  for (; t < TAIL_AFTER; t++) {
    term = Math.exp(logSurvival(p, t + n) - base);
    sum += term;
    if (t > 10 && (term * (t + n)) / (power - 1) < 1e-15 * sum) return sum;
  }
  return sum + term * ((t - 1 + n) / (power - 1) - 0.5);
}
