import { resolveColumns, requireColumn } from '../../data/input.js';
import { CustomerValueError, optionError, optionsObject } from '../../errors.js';
import type { SimulatedCustomers } from '../simulation.js';
import type { PurchaseModel } from '../types.js';
import { purchaseGroups, type PredictionCovariates } from './resolve.js';

/** Options of {@link simulateWithCovariates}. */
export interface SimulateWithCovariatesOptions {
  /** The customers to draw: one per row of `data`, with the covariates the model's coefficients name. */
  covariates: PredictionCovariates;
  /** Observation length per customer since the first purchase (one number or one per row of `data`). */
  T: number | ArrayLike<number>;
  /** Length of a holdout period after T. Default 0. */
  holdout?: number | undefined;
  /** Seed; the same seed and data give the same customers. Default 1. */
  seed?: number | undefined;
}

/** Customers drawn with covariates: the simulator's columns, `customerId` taken from the covariate table. */
export type SimulatedCovariateCustomers = Omit<SimulatedCustomers, 'customerId'> & { customerId: unknown[] };

/**
 * Draw customers from a purchase model fitted with static covariates: one customer per row
 * of `covariates.data`, each from the model at their own parameters (θ_i = θ e^(±γ'z_i),
 * as in the fit). Customers with the same covariates are drawn by the model's simulator
 * together, each group from its own seed derived from `seed`.
 *
 * @example
 * ```ts
 * const sim = simulateWithCovariates(fitParetoNbd(summary, { covariates }), { covariates: { data: covariates.data }, T: 104, seed: 1 });
 * ```
 */
export function simulateWithCovariates(model: PurchaseModel, options: SimulateWithCovariatesOptions): SimulatedCovariateCustomers {
  const fn = 'simulateWithCovariates';
  const o = optionsObject(fn, options);
  const cov = o.covariates as Partial<PredictionCovariates> | undefined;
  if (typeof cov !== 'object' || cov === null) optionError(fn, 'covariates', 'must be { data, customerId? }', cov);
  const idField = cov.customerId ?? 'customerId';
  const raw = resolveColumns(cov.data, fn, 'covariates', [idField], undefined, [idField]);
  const idCol = requireColumn(raw, idField, fn, 'covariates', undefined);
  const ids = Array.from({ length: raw.n }, (_, i) => idCol[i]);
  const n = ids.length;
  const g = purchaseGroups(fn, model, { customerId: ids, n }, cov);
  // the model simulators draw from the independent rates: a correlated record would be drawn wrong
  if (g.groups.some((grp) => grp.mixture)) {
    const message = 'does not draw correlated rates (model.correlation): there is no simulator of the Sarmanov density yet';
    throw new CustomerValueError('invalid_model', `${fn} ${message}`, [{ code: 'invalid_model', path: ['model', 'correlation'], message }]);
  }
  const Tcol = typeof o.T === 'number' ? undefined : o.T;
  if (Tcol !== undefined && Tcol?.length !== n) optionError(fn, 'T', `must be a number or one number per row of covariates.data (${n})`, o.T);
  const Tall = Float64Array.from({ length: n }, (_, i) => (Tcol ? Number(Tcol[i]) : (o.T as number)));
  const seed = o.seed ?? 1;
  const out = { customerId: ids, frequency: new Int32Array(n), recency: new Float64Array(n), T: Tall, alive: new Uint8Array(n), frequencyHoldout: new Int32Array(n), length: n };
  g.groups.forEach(({ p, rows }, k) => {
    const r = rows ?? Uint32Array.from({ length: n }, (_, i) => i);
    const sim = g.spec.simulate(p, { customers: r.length, T: Float64Array.from(r, (i) => Tall[i] as number), holdout: o.holdout, seed: seed + 7919 * k });
    r.forEach((i, j) => {
      out.frequency[i] = sim.frequency[j] as number;
      out.recency[i] = sim.recency[j] as number;
      out.alive[i] = sim.alive[j] as number;
      out.frequencyHoldout[i] = sim.frequencyHoldout[j] as number;
    });
  });
  return out;
}
