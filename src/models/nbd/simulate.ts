import { nbdSpec } from './spec.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';

/**
 * Draw customers from an NBD model: λ ~ Gamma(r, α), purchases Poisson(λ) forever; the
 * counts are drawn directly, the last purchase as the maximum of x uniform times.
 *
 * @example
 * ```ts
 * const sim = simulateNbd({ r: 0.385, alpha: 12.07 }, { customers: 1000, T: 39, seed: 1 });
 * ```
 */
export function simulateNbd(model: SimulatorParams<'nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateNbd';
  const { r, alpha } = simulatorParams(fn, nbdSpec, model);
  const { n, Tof, h, rng, record, done } = setupSimulation(fn, options, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const x = rng.poisson(lambda * T);
    const last = x > 0 ? T * Math.exp(Math.log(rng.open()) / x) : 0;
    record(i, x, last, T, true, h > 0 ? rng.poisson(lambda * h) : 0);
  }
  return done();
}
