import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAlive,
  splitCalibrationHoldout,
} from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { cdnowMaster, DATASETS } from '../helpers/datasets.js';
import { cdnowSummary } from '../helpers/models.js';

const summary = cdnowSummary();

describe('fit failures are errors, never NaN', () => {
  it('throws on empty input and bad options', () => {
    expect(() => fitBgNbd({ frequency: [], recency: [], T: [] })).toThrow('fitBgNbd requires at least 1 customers, got 0');
    expect(() => fitBgNbd(summary, { l2: -1 })).toThrow(CustomerValueError);
    expect(() => fitBgNbd(summary, { initialParams: { r: -1 } })).toThrow(/initialParams.r/);
  });
});

describe('data that cannot identify a model', () => {
  it('throws with the reason instead of returning parameters at the boundary', () => {
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/no maximum inside the parameter space/);
    expect(() => fitGammaGamma({ frequency: [2, 2, 2], recency: [1, 1, 1], T: [3, 3, 3], monetaryValue: [10, 10, 10] })).toThrow(CustomerValueError);
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/r ran off to/);
  });
});

describe('hand-written model records and bad models', () => {
  it('accepts a plain record and rejects bad ones with the parameter named', () => {
    expect(expectedPurchases({ kind: 'bg-nbd', params: { r: 1, alpha: 2, a: 0.5, b: 3 } }, 10)).toBeGreaterThan(0);
    expect(() => expectedPurchases({ kind: 'bg-nbd', params: { r: 1, alpha: -2, a: 0.5, b: 3 } }, 10)).toThrow(
      'expectedPurchases: model.params.alpha must be a finite number > 0, got -2',
    );
    expect(() => probabilityAlive({ kind: 'nope' } as never, [])).toThrow(/model.kind must be/);
  });
});

describe('fits that cannot identify the model never report converged: true', () => {
  const rows = readFileSync(DATASETS + 'apparelTrans.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const apparel = { customerId: rows.map((r) => r[0]!.replace(/"/g, '')), date: rows.map((r) => r[1]!), amount: rows.map((r) => Number(r[2])) };

  it('a flat ridge (the apparel data with a 40-week calibration) is reported with the identified combination', () => {
    const cal = splitCalibrationHoldout(apparel, { calibrationEnd: '2005-10-08', observationEnd: '2010-12-20', unit: 'week' });
    const pnbd = fitParetoNbd(cal);
    expect(pnbd.converged).toBe(false);
    expect(pnbd.warnings.join(' ')).toMatch(/s and beta grow together along a flat ridge .*only s\/beta = 0\.00[78]\d* is identified/);
    expect(pnbd.params.s / pnbd.params.beta).toBeGreaterThan(0.007);
    expect(pnbd.params.s / pnbd.params.beta).toBeLessThan(0.009);
    // BG/NBD runs off further along its ridge (a beyond e^20): an error that names the identified ratio
    expect(() => fitBgNbd(cal)).toThrow(/a ran off to .*a and b grow together .*only a\/b = 0\.1\d* is identified/);
    // the usual 104-week calibration identifies both
    const cal104 = splitCalibrationHoldout(apparel, { calibrationEnd: '2006-12-31', observationEnd: '2010-12-20', unit: 'week' });
    for (const fit of [fitParetoNbd(cal104), fitBgNbd(cal104)]) {
      expect(fit.converged).toBe(true);
      expect(fit.warnings).toEqual([]);
    }
  });

  it('data without information, a one-week calibration and two repeat customers: an error or converged: false with the reason', () => {
    const none = { frequency: Array(10).fill(0), recency: Array(10).fill(0), T: Array(10).fill(0) };
    expect(() => fitBgNbd(none)).toThrow('fitBgNbd: the likelihood is flat: the data carry no information about r, alpha, a, b');
    expect(() => fitParetoNbd(none)).toThrow(/the likelihood is flat/);
    const week = splitCalibrationHoldout(cdnowMaster(), { calibrationEnd: '1997-01-07', observationEnd: '1998-06-30', unit: 'week' });
    for (const fit of [fitBgNbd, fitParetoNbd]) {
      let m: ReturnType<typeof fitBgNbd> | undefined;
      try {
        m = fit(week) as ReturnType<typeof fitBgNbd>;
      } catch (e) {
        expect((e as CustomerValueError).code).toBe('fit_failed');
      }
      if (m) expect(m.converged).toBe(false);
    }
    const gg = fitGammaGamma({ frequency: [1, 2], recency: [1, 2], T: [3, 3], monetaryValue: [10, 12] });
    expect(gg.converged).toBe(false);
    expect(gg.warnings[0]).toMatch(/p and v trade off along a flat ridge .*only p·v = \d+ is identified/);
  });
});
