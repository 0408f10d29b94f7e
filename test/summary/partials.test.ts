import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  compressSummary,
  finalizeSummary,
  mergePartials,
  summarize,
  summarizePartial,
  toRows,
  type Transaction,
} from '../../src/index.js';

const day0 = Date.UTC(2020, 0, 1);
/** Amounts in cents (as money is), returns included. */
const txArb = fc.record({
  customerId: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 4 })),
  date: fc.integer({ min: 0, max: 60 }).map((d) => day0 + d * 86_400_000 + 3_600_000),
  amount: fc.integer({ min: -5_000, max: 100_000 }).map((c) => c / 100),
}) as fc.Arbitrary<Transaction>;

function chunks<T>(rows: readonly T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((x, y) => x - y);
  const out: T[][] = [];
  let prev = 0;
  for (const p of [...points, rows.length]) {
    out.push(rows.slice(prev, p));
    prev = p;
  }
  return out;
}

describe('summarizePartial / mergePartials / finalizeSummary', () => {
  it('any split, merged in any order, gives exactly summarize of the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.array(txArb, { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.infiniteStream(fc.nat()),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        (rows, cuts, shuffles, endOffset) => {
          const options = endOffset === undefined ? { unit: 'week' as const } : { unit: 'week' as const, observationEnd: day0 + endOffset * 86_400_000 };
          const parts = chunks(rows, cuts).map((c) => summarizePartial(c));
          // merge in input order: identical, row order included
          const inOrder = finalizeSummary(parts.reduce(mergePartials), options);
          const whole = summarize(rows, options);
          expect(toRows(inOrder)).toEqual(toRows(whole));
          expect(inOrder.report).toEqual(whole.report);
          // merge in a shuffled order: identical with order 'customerId'
          const shuffled = [...parts];
          const it = shuffles[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const anyOrder = finalizeSummary(shuffled.reduce(mergePartials), { ...options, order: 'customerId' });
          expect(toRows(anyOrder)).toEqual(toRows(summarize(rows, { ...options, order: 'customerId' })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('summarize does not depend on row order (with order: customerId)', () => {
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 60 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), ([rows, shuffled]) => {
        expect(toRows(summarize(shuffled, { order: 'customerId' }))).toEqual(toRows(summarize(rows, { order: 'customerId' })));
      }),
    );
  });

  it('filters early when summarizePartial is given observationEnd', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-01', amount: 1 },
      { customerId: 'a', date: '2024-02-01', amount: 1 },
    ];
    const s = finalizeSummary(summarizePartial(rows, { observationEnd: '2024-01-15' }));
    expect(s.frequency[0]).toBe(0);
    expect(s.report.afterObservationEnd).toBe(1);
    expect(s.observationEnd).toBe('2024-01-01');
  });

  it('rejects what is not a partial', () => {
    expect(() => finalizeSummary({} as never)).toThrow(CustomerValueError);
    expect(() => mergePartials(summarizePartial([]), [] as never)).toThrow('mergePartials: b must be a partial');
  });
});

describe('compressSummary', () => {
  it('keeps one row per distinct (frequency, recency, T) with its count', () => {
    const c = compressSummary({
      frequency: [0, 2, 0, 2, 1],
      recency: [0, 5, 0, 5, 1],
      T: [10, 10, 10, 10, 10],
    });
    expect(toRows(c)).toEqual([
      { frequency: 0, recency: 0, T: 10, count: 2 },
      { frequency: 1, recency: 1, T: 10, count: 1 },
      { frequency: 2, recency: 5, T: 10, count: 2 },
    ]);
  });

  it('adds existing counts and preserves the total', () => {
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 80 }), (rows) => {
        const s = summarize(rows);
        const c = compressSummary(s);
        expect(c.count.reduce((a, b) => a + b, 0)).toBe(s.length);
        const again = compressSummary({ frequency: c.frequency, recency: c.recency, T: c.T, count: c.count });
        expect(toRows(again)).toEqual(toRows(c));
      }),
    );
  });

  it('validates the summary', () => {
    expect(() => compressSummary({ frequency: [1], recency: [5], T: [4] })).toThrow(
      'compressSummary: row 0: recency must not exceed T (4), got 5',
    );
    expect(() => compressSummary([{ frequency: -1, recency: 0, T: 4 }])).toThrow(
      'compressSummary: row 0: frequency must be a whole number >= 0, got -1',
    );
  });
});

describe('the one-pass route for date-ordered logs', () => {
  it('gives the same bits as grouping the rows first (property)', () => {
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 120 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), (rows, endOffset) => {
        const sorted = [...rows].sort((a, b) => (a.date as number) - (b.date as number));
        const options = endOffset === undefined ? {} : { observationEnd: day0 + endOffset * 86_400_000 };
        // summarize takes the one-pass route on date-ordered rows; the partial route always groups
        const viaPass = summarize(sorted, options);
        const viaGroups = finalizeSummary(summarizePartial(sorted), options);
        expect(toRows(viaPass)).toEqual(toRows(viaGroups));
        expect(viaPass.report).toEqual(viaGroups.report);
      }),
      { numRuns: 300 },
    );
  });
});

describe('integer ids in typed arrays', () => {
  it('give the same summary through the direct-address table as through hashing', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.integer({ min: -5, max: 30 }), d: fc.integer({ min: 0, max: 60 }), c: fc.integer({ min: -500, max: 10000 }) }), { maxLength: 80 }), (rows) => {
        const cols = {
          customerId: Int32Array.from(rows, (r) => r.id),
          date: Float64Array.from(rows, (r) => day0 + r.d * 86_400_000),
          amount: Float64Array.from(rows, (r) => r.c / 100),
        };
        const plain = { customerId: rows.map((r) => r.id), date: Array.from(cols.date), amount: Array.from(cols.amount) };
        expect(toRows(summarize(cols))).toEqual(toRows(summarize(plain)));
      }),
    );
  });
});
