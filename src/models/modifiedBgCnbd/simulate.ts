import { modifiedBgCnbdSpec } from './spec.js';
import { simulatorParams, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';
import { simulateCnbdFamily } from '../bgCnbd/simulate.js';

/**
 * Draw customers from an MBG/CNBD-k model: as BG/CNBD-k, plus a dropout chance p right at
 * the first purchase (time 0). Returns the summary at T with `logIntervalSum`, the truth
 * (alive at T) and holdout purchases.
 *
 * @example
 * ```ts
 * const sim = simulateModifiedBgCnbd({ k: 2, r: 1, alpha: 2, a: 0.8, b: 2 }, { customers: 5000, T: 52, seed: 1 });
 * ```
 */
export function simulateModifiedBgCnbd(model: SimulatorParams<'mbg-cnbd-k'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateModifiedBgCnbd';
  return simulateCnbdFamily(fn, 'mbg', simulatorParams(fn, modifiedBgCnbdSpec, model), options);
}
