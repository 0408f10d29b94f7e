import { CustomerValueError } from '../errors.js';

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
export function retentionLifetimeValue(o: RetentionLifetimeValueOptions): number {
  const fn = 'retentionLifetimeValue';
  const { margin, retentionRate: r, discountRate: d } = o;
  const T = o.periods ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(margin)) throw new CustomerValueError('invalid_options', `${fn}: margin must be a finite number, got ${String(margin)}`);
  if (!(r >= 0 && r < 1)) throw new CustomerValueError('invalid_options', `${fn}: retentionRate must be in [0, 1), got ${String(r)}`);
  if (!(d > -1) || !Number.isFinite(d)) throw new CustomerValueError('invalid_options', `${fn}: discountRate must be a finite number > -1, got ${String(d)}`);
  if (!(T >= 0)) throw new CustomerValueError('invalid_options', `${fn}: periods must be >= 0, got ${String(T)}`);
  const q = r / (1 + d);
  if (T === Number.POSITIVE_INFINITY) return (margin * r) / (1 + d - r);
  return (margin * q * -Math.expm1(T * Math.log(q))) / (1 - q);
}

/** The first name of {@link retentionLifetimeValue}, kept as an alias. */
export const retentionClv = retentionLifetimeValue;
/** The first name of {@link RetentionLifetimeValueOptions}. */
export type RetentionClvOptions = RetentionLifetimeValueOptions;
