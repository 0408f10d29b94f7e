import { expect } from 'vitest';
import type { FittedModel } from '../../src/index.js';

/**
 * Simulator recovery: a model fitted on data simulated from `truth` finds every parameter
 * within `z` standard errors of the truth (the standard errors from the fit's Hessian).
 */
export function expectRecovered(fit: FittedModel, truth: Readonly<Record<string, number>>, z = 4): void {
  expect(fit.converged).toBe(true);
  for (const [name, value] of Object.entries(truth)) {
    const est = (fit.params as unknown as Record<string, number>)[name] as number;
    const se = (fit.standardErrors as unknown as Record<string, number>)[name] as number;
    expect(Number.isFinite(se) && se > 0, `${name}: standard error ${se}`).toBe(true);
    expect(Math.abs(est - value), `${name}: ${est} vs the truth ${value} (se ${se})`).toBeLessThan(z * se);
  }
}
