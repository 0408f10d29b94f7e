/**
 * Standard errors agree with an independent Hessian to 1e-3: the test differentiates the
 * public logLikelihood itself, in natural parameters (the fits work in log space), with
 * central differences at steps 1e-3 and 2e-3 relative combined by Richardson extrapolation,
 * and inverts it with its own Gauss-Jordan elimination.
 */
import { describe, expect, it } from 'vitest';
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitModifiedBgNbd,
  fitParetoNbd,
  logLikelihood,
  splitCalibrationHoldout,
  type FittedModel,
  type Model,
  type SummaryInput,
} from '../../src/index.js';
import { cdnowMaster, csv, DATASETS } from '../helpers/datasets.js';
import { readFileSync } from 'node:fs';

function independentStandardErrors(model: FittedModel, summary: SummaryInput, options = {}): Record<string, number> {
  const names = Object.keys(model.params);
  const theta = names.map((n) => (model.params as unknown as Record<string, number>)[n] as number);
  const k = names.length;
  const ll = (t: number[]): number => logLikelihood({ kind: model.kind, params: Object.fromEntries(names.map((n, i) => [n, t[i]])) } as Model, summary, options) as number;
  const f0 = ll(theta);
  const at = (i: number, di: number, j: number, dj: number): number => {
    const t = theta.slice();
    t[i] = t[i]! + di;
    if (j >= 0) t[j] = t[j]! + dj;
    return ll(t);
  };
  const second = (i: number, j: number, rel: number): number => {
    const hi = rel * theta[i]!;
    if (i === j) return (at(i, hi, -1, 0) - 2 * f0 + at(i, -hi, -1, 0)) / (hi * hi);
    const hj = rel * theta[j]!;
    return (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
  };
  // observed information: -H, Richardson over steps 2e-3 and 1e-3
  const A = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => -(4 * second(i, j, 1e-3) - second(i, j, 2e-3)) / 3));
  const inv = gaussJordanInverse(A);
  return Object.fromEntries(names.map((n, i) => [n, Math.sqrt(inv[i]![i]!)]));
}

function gaussJordanInverse(A: number[][]): number[][] {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const d = M[c]![c]!;
    for (let j = 0; j < 2 * n; j++) M[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]!;
      for (let j = 0; j < 2 * n; j++) M[r]![j]! -= f * M[c]![j]!;
    }
  }
  return M.map((row) => row.slice(n));
}

function expectAgree(fit: FittedModel, summary: SummaryInput, options = {}): void {
  expect(fit.converged).toBe(true);
  expect(fit.logLikelihood).toBeCloseTo(logLikelihood(fit, summary, options) as number, 8);
  const reference = independentStandardErrors(fit, summary, options);
  for (const [name, se] of Object.entries(fit.standardErrors as unknown as Record<string, number>)) {
    expect(Math.abs(se / reference[name]! - 1), `${fit.kind} ${name}: ${se} vs ${reference[name]}`).toBeLessThan(1e-3);
  }
}

const z = csv('cdnow_customers_summary_with_transactions.csv');
const cdnow = { frequency: z.x!, recency: z.t_x!, T: z.T!, monetaryValue: z.zbar! };

describe('standard errors against an independent Hessian of logLikelihood (1e-3)', () => {
  it('BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma on CDNOW', () => {
    for (const fit of [fitBgNbd, fitModifiedBgNbd, fitParetoNbd, fitGammaGamma]) expectAgree(fit(cdnow), cdnow);
  });

  it('Pareto/NBD on CDNOW matches 40-digit mpmath standard errors at its optimum (scripts/reference/pareto_nbd_se_cdnow.py)', () => {
    const fit = fitParetoNbd(cdnow);
    // the script's point is this fit's optimum; the reference standard errors at it:
    const reference = { r: 0.0476286275076, alpha: 0.842723112868, s: 0.187279203686, beta: 6.21100770404 };
    for (const [name, se] of Object.entries(reference)) {
      expect(Math.abs((fit.standardErrors as unknown as Record<string, number>)[name]! / se - 1)).toBeLessThan(1e-4);
    }
  });

  it('Pareto/NBD on CDNOW with a 37-week calibration and on the apparel data (104 weeks)', () => {
    const master = cdnowMaster();
    const cal37 = splitCalibrationHoldout(master, { calibrationEnd: '1997-09-16', observationEnd: '1998-06-30', unit: 'week' });
    expectAgree(fitParetoNbd(cal37), cal37);
    const rows = readFileSync(DATASETS + 'apparelTrans.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const apparel = splitCalibrationHoldout(
      { customerId: rows.map((r) => r[0]!.replace(/"/g, '')), date: rows.map((r) => r[1]!), amount: rows.map((r) => Number(r[2])) },
      { calibrationEnd: '2006-12-31', observationEnd: '2010-12-20', unit: 'week' },
    );
    expectAgree(fitParetoNbd(apparel), apparel);
  });

  it('BG/BB on the donations data', () => {
    const d = csv('donations.csv');
    const donations = { frequency: d.frequency!, recency: d.recency!, T: d.periods!, count: d.weights! };
    expectAgree(fitBgBb(donations), donations);
  });
});
