import { modifiedBgNbdSpec } from './spec.js';
import { simulatorParams, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';
import { simulateBgFamily } from '../bgNbd/simulate.js';

/**
 * Draw customers from an MBG/NBD model (Batislam et al. 2007): as BG/NBD, plus a dropout
 * chance p right at the first purchase (time 0).
 *
 * @example
 * ```ts
 * const sim = simulateModifiedBgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { customers: 1000, T: 39 });
 * ```
 */
export function simulateModifiedBgNbd(model: SimulatorParams<'mbg-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateModifiedBgNbd';
  return simulateBgFamily(fn, 'mbg-nbd', simulatorParams(fn, modifiedBgNbdSpec, model), options);
}
