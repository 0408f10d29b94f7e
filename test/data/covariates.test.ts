import { describe, expect, it } from 'vitest';
import { alignCovariates } from '../../src/data/covariates.js';
import { summarize } from '../../src/index.js';
import { quotedCsv } from '../helpers/datasets.js';

const raw = quotedCsv('apparelStaticCov.csv');
const cov = { Id: raw.Id!.map(Number), Gender: raw.Gender!.map(Number), Channel: raw.Channel!.map(Number) };
const trans = quotedCsv('apparelTrans.csv');

describe('alignCovariates: static covariates joined to summary rows by customerId', () => {
  it("puts each apparel customer's Gender and Channel on that customer's summary row", () => {
    // ids as strings in the transactions, numbers in the covariate table: joined as strings
    const tx = { customerId: trans.Id!, date: trans.Date!, amount: trans.Price!.map(Number) };
    const s = summarize(tx, { unit: 'week' });
    const m = alignCovariates('test', { data: { customerId: cov.Id!, Gender: cov.Gender!, Channel: cov.Channel! }, purchase: ['Gender', 'Channel'], dropout: ['Channel'] }, s.customerId, s.customerId.length);
    expect(m.purchaseNames).toEqual(['Gender', 'Channel']);
    expect(m.purchase.length).toBe(2 * s.customerId.length);
    const byId = new Map(cov.Id!.map((id, i) => [String(id), i]));
    for (const r of [0, 7, 123, s.customerId.length - 1]) {
      const i = byId.get(String(s.customerId[r]))!;
      expect(m.purchase[2 * r]).toBe(cov.Gender![i]);
      expect(m.purchase[2 * r + 1]).toBe(cov.Channel![i]);
      expect(m.dropout[r]).toBe(cov.Channel![i]);
    }
  });

  const data = [
    { customerId: 'a', x: 1 },
    { customerId: 'b', x: 0 },
  ];
  it('names a customer without a row, a duplicate id, a value that is not a number and a missing column', () => {
    expect(() => alignCovariates('f', { data, purchase: ['x'] }, ['a', 'c'], 2)).toThrow(/row 1: customerId must have a row in covariates\.data, got "c"/);
    expect(() => alignCovariates('f', { data: [...data, { customerId: 'a', x: 2 }], purchase: ['x'] }, ['a'], 1)).toThrow(/row 2: customerId must appear once \(also row 0\)/);
    expect(() => alignCovariates('f', { data: [{ customerId: 'a', x: 'big' }], purchase: ['x'] }, ['a'], 1)).toThrow(/row 0: x must be a finite number/);
    expect(() => alignCovariates('f', { data, purchase: ['y'] }, ['a'], 1)).toThrow(/"y".*missing/);
    expect(() => alignCovariates('f', { data, purchase: [] }, ['a'], 1)).toThrow(/at least one/);
    expect(() => alignCovariates('f', { data, purchase: ['x'] }, undefined, 1)).toThrow(/customerId/);
  });
});
