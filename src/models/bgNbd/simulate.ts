import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';
import type { BgNbdParams } from './likelihood.js';

/**
 * Continuous-time purchase simulation shared by BG/NBD and MBG/NBD: purchases at Poisson
 * rate λ; after each purchase (and, for MBG/NBD, also at time 0) death with probability p.
 * @internal
 */
export function simulateBgFamily(fn: string, kind: 'bg-nbd' | 'mbg-nbd', p: BgNbdParams, o: SimulateOptions): SimulatedCustomers {
  const { r, alpha, a, b } = p;
  const { n, Tof, h, rng, record, done } = setupSimulation(fn, o, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const p = rng.beta(a, b);
    let alive = !(kind === 'mbg-nbd' && rng.uniform() < p);
    let t = 0;
    let x = 0;
    let last = 0;
    let hold = 0;
    let aliveAtT = alive;
    while (alive) {
      t += rng.exponential(lambda);
      if (t > T + h) break;
      if (t <= T) {
        x++;
        last = t;
      } else hold++;
      if (rng.uniform() < p) {
        alive = false;
        if (t <= T) aliveAtT = false;
      }
    }
    record(i, x, last, T, aliveAtT, hold);
  }
  return done();
}

/**
 * Draw customers from a BG/NBD model (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); purchases at Poisson rate λ after the first; after each purchase the
 * customer drops out with probability p. Returns each customer's summary at T, whether it
 * is alive at T, and its purchases in a holdout period. Seeded and reproducible.
 *
 * @example
 * ```ts
 * const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 10000, T: 39, holdout: 39, seed: 7 });
 * ```
 */
export function simulateBgNbd(model: SimulatorParams<'bg-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateBgNbd';
  return simulateBgFamily(fn, 'bg-nbd', simulatorParams(fn, 'bg-nbd', model), options);
}
