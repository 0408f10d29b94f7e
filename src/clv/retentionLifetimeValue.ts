import * as z from 'zod/mini';
import { finiteOption, parseOptions } from '../data/options.js';
import { optionError } from '../errors.js';

const schema = z.object({
  margin: finiteOption,
  retentionRate: finiteOption.check(z.minimum(0, { error: 'must be in [0, 1)' })).check(z.lt(1, { error: 'must be in [0, 1)' })),
  discountRate: finiteOption.check(z.gt(-1, { error: 'must be a finite number > -1' })),
  periods: z.optional(z.union([z.literal(Number.POSITIVE_INFINITY), z.int({ error: 'must be a whole number >= 0 or Infinity' }).check(z.minimum(0, { error: 'must be a whole number >= 0 or Infinity' }))])),
});

/** Options of {@link retentionLifetimeValue}. */
export interface RetentionLifetimeValueOptions {
  /** Margin per period of a retained customer. */
  margin: number;
  /** Retention rate per period, in [0, 1). */
  retentionRate: number;
  /** Discount rate per period. */
  discountRate: number;
  /** Number of periods; default Infinity (the closed form m r / (1 + d - r)). */
  periods?: number | undefined;
}

/**
 * The simple retention-based CLV of Gupta & Lehmann (2003): a customer who brings margin m
 * each period, is retained with constant probability r per period and discounted at d per
 * period is worth
 *
 * CLV = Σ_{t=1}^{T} m r^t / (1 + d)^t = m q (1 - q^T) / (1 - q), q = r / (1 + d),
 *
 * which for T → ∞ is m r / (1 + d - r). Margins are counted from the end of the first
 * period (the customer must be retained once to pay). `retentionClv` is the same function
 * under its first name.
 *
 * @example
 * ```ts
 * retentionLifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }); // 266.67
 * ```
 * @see Gupta, S., & Lehmann, D. R. (2003). Customers as Assets. Journal of Interactive
 * Marketing, 17(1), 9-24.
 */
export function retentionLifetimeValue(options: RetentionLifetimeValueOptions): number {
  const fn = 'retentionLifetimeValue';
  const o = parseOptions(fn, schema, options);
  const { margin, retentionRate: r, discountRate: d } = o;
  const T = o.periods ?? Number.POSITIVE_INFINITY;
  const q = r / (1 + d);
  // with r >= 1 + d (a negative discount rate) the infinite series diverges
  if (T === Number.POSITIVE_INFINITY && !(q < 1)) optionError(fn, 'discountRate', `must exceed retentionRate - 1 (${r - 1}) for an infinite horizon: the series diverges`, d);
  if (T === Number.POSITIVE_INFINITY) return (margin * r) / (1 + d - r);
  // Σ_{t=1}^{T} m q^t: 0 for no periods or no retention (T ln q would be 0 · -∞), m T at q = 1
  if (T === 0 || q === 0) return 0;
  if (q === 1) return margin * T;
  return (margin * q * -Math.expm1(T * Math.log(q))) / (1 - q);
}

/** The first name of {@link retentionLifetimeValue}, kept as an alias. */
export const retentionClv = retentionLifetimeValue;
/** The first name of {@link RetentionLifetimeValueOptions}. */
export type RetentionClvOptions = RetentionLifetimeValueOptions;
