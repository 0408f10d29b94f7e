import type { Rate } from './types.js';

/** A rate with its numerator and denominator kept; value null when the denominator is 0. @internal */
export function rate(numerator: number, denominator: number): Rate {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}
