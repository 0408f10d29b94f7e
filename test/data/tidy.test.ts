import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import * as cv from '../../src/index.js';
import { cdnowSample } from '../helpers/datasets.js';

const tx = cdnowSample();
const split = cv.splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
const bg = cv.fitBgNbd(split);
const gg = cv.fitGammaGamma(split);
const clvOptions = { purchaseModel: bg, spendModel: gg, customers: split, horizon: 52, unit: 'week', discountRate: 0.01 } as const;

describe('tidy results: every per-customer result carries customerId', () => {
  it('customerLifetimeValue stays a Float64Array and carries the ids (non-enumerable), so toRows joins them', () => {
    const clv = cv.customerLifetimeValue(clvOptions);
    expect(clv).toBeInstanceOf(Float64Array);
    expect(clv.customerId).toBe(split.customerId); // the same array, not a copy
    expect(Object.keys(clv)).not.toContain('customerId');
    const rows = cv.toRows(clv);
    expect(rows[5]).toEqual({ customerId: split.customerId[5], value: clv[5] });
  });

  it('the intervals and valueDecomposition have a customerId column; a compressed summary gives row positions', () => {
    const iv = cv.customerLifetimeValueIntervals({ ...clvOptions, draws: 20, seed: 1 });
    expect(iv.customerId).toEqual(split.customerId);
    expect(cv.toRows(iv)[3]!.customerId).toBe(split.customerId[3]);
    const ce = cv.conditionalExpectedPurchasesIntervals(bg, split, 10, { draws: 10 });
    expect(ce.customerId).toEqual(split.customerId);
    const d = cv.valueDecomposition(clvOptions);
    expect(cv.toRows(d)[0]).toEqual({ customerId: split.customerId[0], historical: d.historical[0], current: d.current[0], potential: d.potential[0], lifetime: d.lifetime[0] });
    const c = cv.compressSummary(split);
    expect(cv.customerLifetimeValue({ purchaseModel: bg, customers: c, horizon: 10, spend: 1 } as never).customerId.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('toRows takes the results that hold a customers table, and arrays of rows flattened', () => {
    expect(cv.toRows(cv.rfm(tx))[0]!.segment).toBe(cv.rfm(tx).customers.segment[0]);
    expect(cv.toRows(cv.abc(tx)).length).toBe(2357);
    expect(cv.toRows(cv.holdoutComparison(bg, split))[0]).toMatchObject({ customerId: split.customerId[0] });
    const crm = cv.simulateCrmHistory({ customers: 100, days: 120, seed: 2 });
    const vc = cv.valueChain(crm.transactions, crm.interactions, { period: 'month' });
    const periods = cv.toRows(vc.periods);
    expect(periods[1]!['retain.retentionRate.value']).toBe(vc.periods[1]!.retain.retentionRate.value);
    expect(periods[1]!['identify.newCustomers']).toBe(vc.periods[1]!.identify.newCustomers);
  });

  it('valueChainTables gives flat column tables arquero takes directly; holdoutComparison prints with arquero', () => {
    const crm = cv.simulateCrmHistory({ customers: 200, days: 200, seed: 5 });
    const vc = cv.valueChain(crm.transactions, crm.interactions, { period: 'month' });
    const t = cv.valueChainTables(vc);
    const periods = aq.table(t.periods);
    expect(periods.numRows()).toBe(vc.periods.length);
    expect(periods.array('retain.activeCustomers')).toEqual(vc.periods.map((p) => p.retain.activeCustomers));
    const cohorts = aq.table(t.cohorts);
    expect(cohorts.numRows()).toBe(vc.cohorts.cohorts.length * vc.cohorts.offsets.length);
    expect(aq.table(t.funnel).array('known')).toEqual(vc.funnel.map((f) => f.known));
    expect(aq.table(t.campaigns).numRows()).toBe(vc.campaigns.length);
    const comparison = aq.table(cv.holdoutComparison(bg, split).customers);
    expect(comparison.columnNames()).toEqual(['customerId', 'predicted', 'actual', 'error']);
    expect(comparison.toMarkdown({ limit: 3 })).toMatch(/customerId/);
    expect(() => cv.valueChainTables({} as never)).toThrow(/valueChainTables: expects the result of valueChain/);
  });
});
