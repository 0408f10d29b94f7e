import { shiftedBetaGeometricSpec } from './spec.js';
import * as z from 'zod/mini';
import { MAX_SIMULATED_CUSTOMERS, parseOptions, seedOption, wholeOption } from '../../data/options.js';
import { Random } from '../../math/random.js';
import { simulatorParams, type SimulatedCohort, type SimulatorParams } from '../simulation.js';

const schema = z.looseObject({
  customers: wholeOption(0, MAX_SIMULATED_CUSTOMERS, ' (the simulator keeps every customer in memory)'),
  periods: wholeOption(0, 1_000_000),
  seed: z.optional(seedOption),
});

/**
 * Draw a contractual cohort from an sBG model: θ ~ Beta(α, β) per customer; at the end of
 * each period the customer leaves with probability θ (so the lifetime is geometric: one
 * draw per customer, whatever the number of periods).
 *
 * @example
 * ```ts
 * simulateShiftedBetaGeometric({ alpha: 0.704, beta: 1.182 }, { customers: 1000, periods: 7, seed: 2 }).alive;
 * ```
 */
export function simulateShiftedBetaGeometric(
  model: SimulatorParams<'sbg'>,
  options: { customers: number; periods: number; seed?: number | undefined },
): SimulatedCohort {
  const fn = 'simulateShiftedBetaGeometric';
  const { alpha, beta } = simulatorParams(fn, shiftedBetaGeometricSpec, model);
  const { customers, periods, seed } = parseOptions(fn, schema, options);
  const rng = new Random(seed ?? 1);
  // churns at the end of period t = 1 + (periods survived), a geometric number of them
  return cohortOf(customers, periods, () => 1 + rng.geometric(rng.beta(alpha, beta)));
}

/**
 * A simulated cohort from each customer's churn period (drawn by `churnPeriod`, 1-based;
 * beyond `periods` or not finite: still a customer, censored). @internal
 */
export function cohortOf(customers: number, periods: number, churnPeriod: () => number): SimulatedCohort {
  const lifetime = new Int32Array(customers);
  const censored = new Uint8Array(customers);
  // lastActive[k]: customers whose last active period is k (0..periods)
  const lastActive = new Float64Array(periods + 1);
  for (let i = 0; i < customers; i++) {
    const t = churnPeriod();
    const stays = !(t <= periods);
    lifetime[i] = stays ? periods : t;
    if (stays) censored[i] = 1;
    const last = stays ? periods : t - 1;
    lastActive[last] = (lastActive[last] as number) + 1;
  }
  // customers alive at the start of period k: those active in k or later
  const alive = new Float64Array(periods + 1);
  let acc = 0;
  for (let k = periods; k >= 0; k--) alive[k] = acc += lastActive[k] as number;
  return { alive, lifetime, censored };
}
