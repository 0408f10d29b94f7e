import { betaDiscreteWeibullSpec } from './spec.js';
import * as z from 'zod/mini';
import { MAX_SIMULATED_CUSTOMERS, parseOptions, seedOption, wholeOption } from '../../data/options.js';
import { Random } from '../../math/random.js';
import { simulatorParams, type SimulatedCohort, type SimulatorParams } from '../simulation.js';
import { cohortOf } from '../shiftedBetaGeometric/simulate.js';

const schema = z.looseObject({
  customers: wholeOption(0, MAX_SIMULATED_CUSTOMERS, ' (the simulator keeps every customer in memory)'),
  periods: wholeOption(0, 1_000_000),
  seed: z.optional(seedOption),
});

/**
 * Draw a contractual cohort from a beta-discrete-Weibull model: θ ~ Beta(α, β) per
 * customer; the customer is still one after t periods when U <= (1-θ)^(t^c), so the
 * churn period is ⌊(ln U / ln(1-θ))^(1/c)⌋ + 1 (one draw per customer).
 *
 * @example
 * ```ts
 * simulateBetaDiscreteWeibull({ alpha: 0.8, beta: 1.5, c: 0.7 }, { customers: 1000, periods: 12, seed: 2 }).alive;
 * ```
 */
export function simulateBetaDiscreteWeibull(model: SimulatorParams<'bdw'>, options: { customers: number; periods: number; seed?: number | undefined }): SimulatedCohort {
  const fn = 'simulateBetaDiscreteWeibull';
  const { alpha, beta, c } = simulatorParams(fn, betaDiscreteWeibullSpec, model);
  const { customers, periods, seed } = parseOptions(fn, schema, options);
  const rng = new Random(seed ?? 1);
  return cohortOf(customers, periods, () => {
    const theta = rng.beta(alpha, beta);
    const e = theta >= 1 ? 0 : Math.log(rng.open()) / Math.log1p(-theta);
    return Math.floor(e ** (1 / c)) + 1;
  });
}
