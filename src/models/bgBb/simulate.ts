import { bgBbSpec } from './spec.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';

/**
 * Draw customers from a BG/BB model (Fader, Hardie & Shang 2010): p ~ Beta(α, β),
 * θ ~ Beta(γ, δ); at each opportunity 1..T a living customer first drops out with
 * probability θ, then transacts with probability p. `recency` is the opportunity of the
 * last transaction (0 if none); `alive` is alive at opportunity T + 1.
 *
 * @example
 * ```ts
 * const sim = simulateBgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, { customers: 11104, T: 6, holdout: 5 });
 * ```
 */
export function simulateBgBb(model: SimulatorParams<'bg-bb'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateBgBb';
  const { alpha, beta, gamma, delta } = simulatorParams(fn, bgBbSpec, model);
  const { n, Tof, h, rng, record, done } = setupSimulation(fn, options, true);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const p = rng.beta(alpha, beta);
    const theta = rng.beta(gamma, delta);
    let alive = true;
    let x = 0;
    let last = 0;
    let hold = 0;
    let aliveNext = true;
    for (let t = 1; t <= T + h + 1; t++) {
      if (alive && rng.uniform() < theta) alive = false;
      if (t === T + 1) aliveNext = alive;
      if (t > T + h) break;
      if (alive && rng.uniform() < p) {
        if (t <= T) {
          x++;
          last = t;
        } else hold++;
      }
    }
    record(i, x, last, T, aliveNext, hold);
  }
  return done();
}
