import { describe, expect, it } from 'vitest';
import { compareModels, fitBgNbd, holdoutComparison, splitCalibrationHoldout } from '../../src/index.js';
import { cdnowSample } from '../helpers/datasets.js';

const tx = cdnowSample();
const rows = { customerId: tx.customerId, date: tx.date, amount: tx.amount };

describe('compareModels on the CDNOW calibration/holdout split', () => {
  const split = splitCalibrationHoldout(rows, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
  const cmp = compareModels(split, { kinds: ['nbd', 'bg-nbd', 'pareto-nbd', 'mbg-nbd', 'bg-cnbd-k'] });

  it('tabulates each fit as its fitter and holdoutComparison report it', () => {
    const bg = cmp.rows.find((r) => r.kind === 'bg-nbd')!;
    const direct = fitBgNbd(split);
    expect(bg.logLikelihood!).toBeCloseTo(direct.logLikelihood, 8);
    expect(bg.bic!).toBeCloseTo(-2 * direct.logLikelihood + 4 * Math.log(2357), 6);
    expect(bg.parameters).toBe(4);
    expect(bg.mae!).toBeCloseTo(holdoutComparison(direct, split).mae, 10);
    expect(bg.actualTotal!).toBeGreaterThan(0);
  });

  it('keeps a model that cannot be fitted, with the reason (CNBD-k without logIntervalSum)', () => {
    const cnbd = cmp.rows.find((r) => r.kind === 'bg-cnbd-k')!;
    expect(cnbd.error).toMatch(/logIntervalSum/);
    expect(cnbd.bic).toBeNull();
    expect(cmp.models['bg-cnbd-k']).toBeUndefined();
  });

  it('names the lowest BIC among converged fits, and the dropout models beat NBD', () => {
    const converged = cmp.rows.filter((r) => r.converged);
    const lowest = converged.reduce((a, b) => (b.bic! < a.bic! ? b : a));
    expect(cmp.best).toBe(lowest.kind);
    const nbd = cmp.rows.find((r) => r.kind === 'nbd')!;
    expect(cmp.rows.find((r) => r.kind === 'pareto-nbd')!.bic!).toBeLessThan(nbd.bic!);
  });

  it('rejects unknown kinds by name', () => {
    expect(() => compareModels(split, { kinds: ['bg-nbd', 'nope' as never] })).toThrow(/kinds must be/);
  });
});
