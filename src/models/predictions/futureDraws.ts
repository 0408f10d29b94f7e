/**
 * Draws of an alive customer's purchases after T, for the predictive distribution: the
 * shapes the purchase models share.
 * @internal
 */
import { CustomerValueError } from '../../errors.js';
import type { Random } from '../../math/random.js';

/** Purchases a single draw may simulate (each one is visited for its discounting). */
export const MAX_FUTURE_PURCHASES = 1_000_000;

function tooMany(n: number): never {
  throw new CustomerValueError('invalid_model', `predictiveDistribution: a customer's draw makes ${n} purchases in the horizon (more than ${MAX_FUTURE_PURCHASES.toLocaleString('en-US')}): the purchase rate is too large to simulate`, [{ code: 'invalid_param', path: ['model', 'params'], message: 'too many simulated purchases' }]);
}

/** Poisson(λ) purchases while alive for `alive` of the next t: the count, each purchase's time uniform on (0, alive]. */
export function poissonWhileAlive(lambda: number, alive: number, rng: Random, onPurchase: (tau: number) => void): number {
  const n = alive > 0 ? rng.poisson(lambda * alive) : 0;
  if (n > MAX_FUTURE_PURCHASES) tooMany(n);
  for (let k = 0; k < n; k++) onPurchase(alive * rng.uniform());
  return n;
}

/** Poisson(λ) purchases over the next t, dropping out with probability p right after each (BG/NBD). */
export function poissonUntilDropout(lambda: number, p: number, t: number, rng: Random, onPurchase: (tau: number) => void): number {
  let n = 0;
  for (let tau = rng.exponential(lambda); tau <= t; tau += rng.exponential(lambda)) {
    if (++n > MAX_FUTURE_PURCHASES) tooMany(n);
    onPurchase(tau);
    if (rng.uniform() < p) break;
  }
  return n;
}
