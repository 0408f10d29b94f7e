import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loyalty, satisfaction } from '../../src/index.js';

const day = fc.integer({ min: 0, max: 300 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
const tx = fc.array(fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'd'), date: day, amount: fc.integer({ min: 1, max: 200 }) }), { minLength: 1, maxLength: 30 });
const surveys = fc.array(
  fc.oneof(
    fc.record({ customerId: fc.constantFrom('a', 'b', 'e'), date: day, channel: fc.constant('web'), kind: fc.constant('survey'), score: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ customerId: fc.constantFrom('a', 'c'), date: day, channel: fc.constant('web'), kind: fc.constant('survey'), score: fc.integer({ min: 0, max: 10 }), scale: fc.constant('0-10') }),
    fc.record({ customerId: fc.constantFrom('a', 'b'), date: day, channel: fc.constant('phone'), kind: fc.constantFrom('complaint', 'service'), outcome: fc.constantFrom(undefined, 'resolved') }),
  ),
  { maxLength: 25 },
);

describe('satisfaction and loyalty properties', () => {
  it('satisfaction: periods add up to the window, shares in [0, 1], row order does not matter', () => {
    fc.assert(
      fc.property(tx, surveys, fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>, (t, it, period) => {
        const s = satisfaction(t, it, { period });
        expect(s.periods.reduce((a, p) => a + p.responses, 0)).toBe(s.overall.responses);
        for (const p of [...s.periods, s.overall]) {
          if (p.csat.value !== null) expect(p.csat.value).toBeGreaterThanOrEqual(0), expect(p.csat.value).toBeLessThanOrEqual(1);
          if (p.meanNormalized !== null) expect(p.meanNormalized).toBeGreaterThanOrEqual(0), expect(p.meanNormalized).toBeLessThanOrEqual(1);
          if (p.nps.value !== null) expect(Math.abs(p.nps.value)).toBeLessThanOrEqual(100);
        }
        const c = s.complaints;
        expect(c.beforeComplaint.responses + c.whileOpen.responses + c.afterResolution.responses).toBeLessThanOrEqual(s.overall.responses);
        // the same figures whatever the row order (means to rounding: sums in another order)
        const r = satisfaction([...t].reverse(), [...it].reverse(), { period });
        expect({ ...r.overall, meanNormalized: null, meanScore: null }).toEqual({ ...s.overall, meanNormalized: null, meanScore: null });
        if (s.overall.meanNormalized !== null) expect(r.overall.meanNormalized).toBeCloseTo(s.overall.meanNormalized, 12);
        expect(r.retention).toEqual(s.retention);
      }),
      { numRuns: 200 },
    );
  });

  it('loyalty: shares and indices in [0, 1], the per-period counts nested, row order does not matter', () => {
    fc.assert(
      fc.property(tx, surveys, (t, it) => {
        const l = loyalty(t, it);
        for (let k = 0; k < l.length; k++) {
          expect(l.activeShare[k]).toBeGreaterThan(0);
          expect(l.activeShare[k]).toBeLessThanOrEqual(1);
          expect(l.index[k]).toBeGreaterThanOrEqual(0);
          expect(l.index[k]).toBeLessThanOrEqual(1);
        }
        for (let p = 0; p < l.periods.length; p++) {
          expect(l.periods.loyalBuyers[p]).toBeLessThanOrEqual(l.periods.repeatBuyers[p]!);
          expect(l.periods.repeatBuyers[p]).toBeLessThanOrEqual(l.periods.buyers[p]!);
        }
        const r = loyalty([...t].reverse(), [...it].reverse());
        const byId = (x: typeof l) => Object.fromEntries(x.customerId.map((id, k) => [String(id), [Math.round(x.index[k]! * 1e9), x.type[k], x.activeShare[k]]]));
        expect(byId(r)).toEqual(byId(l));
      }),
      { numRuns: 200 },
    );
  });
});
