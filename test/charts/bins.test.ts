import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceBins } from '../../src/charts/bins.js';

/** What the bins must satisfy, checked directly on the values. */
function expectHistogram(values: number[], maxBins: number): void {
  const bins = niceBins(values, maxBins);
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return void expect(bins).toEqual([]);
  expect(bins.length).toBeGreaterThan(0);
  expect(bins.length).toBeLessThanOrEqual(maxBins);
  const step = bins[0]!.bin1 - bins[0]!.bin0;
  const oneBin = bins.length === 1 && bins[0]!.bin0 === Math.min(...finite) && bins[0]!.bin1 === Math.max(...finite);
  if (!oneBin) {
    expect(step).toBeGreaterThan(0);
    // a nice step: 1, 2 or 5 times a power of ten (to the precision edges near 1 + 2^-52 have)
    const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
    expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-3)).toBe(true);
  }
  expect(bins[0]!.bin0).toBeLessThanOrEqual(Math.min(...finite));
  expect(bins.at(-1)!.bin1).toBeGreaterThanOrEqual(Math.max(...finite));
  expect(bins.reduce((s, b) => s + b.count, 0)).toBe(finite.length);
  bins.forEach((b, j) => {
    const last = j === bins.length - 1;
    expect(b.count).toBe(finite.filter((v) => v >= b.bin0 && (v < b.bin1 || (last && v <= b.bin1))).length);
  });
}

describe('niceBins', () => {
  it('bins whole numbers one or more units wide, every value counted once', () => {
    expect(niceBins([1, 2, 2, 3], 30)).toEqual([
      { bin0: 1, bin1: 2, count: 1 },
      { bin0: 2, bin1: 3, count: 2 },
      { bin0: 3, bin1: 4, count: 1 },
    ]);
    expectHistogram(Array.from({ length: 31 }, (_, i) => i + 1), 30);
  });

  it('takes decimals, negative values, one value, a constant and nothing', () => {
    const tenths = niceBins([0.1, 0.25, 0.3], 2);
    expect(tenths.map((b) => b.count)).toEqual([1, 2]);
    expect(tenths.map((b) => b.bin0)).toEqual([0.1, 0.2]);
    expect(tenths[1]!.bin1).toBeCloseTo(0.3, 12);
    expect(niceBins([7, 7, 7], 10)).toEqual([{ bin0: 7, bin1: 8, count: 3 }]);
    expect(niceBins([2.5], 10)).toEqual([{ bin0: 2.5, bin1: 3, count: 1 }]);
    // no nice grid puts a range across zero in one bin: one bin [min, max]
    expect(niceBins([-1, 0.1], 1)).toEqual([{ bin0: -1, bin1: 0.1, count: 2 }]);
    expect(niceBins([], 10)).toEqual([]);
    expect(niceBins([Number.NaN, Number.POSITIVE_INFINITY], 10)).toEqual([]);
    expectHistogram([-3.5, -1, 0, 2.25, 1e3], 40);
    expectHistogram([-5e-324, 5e-324], 3);
    expectHistogram([1, 1 + 2 ** -52], 10);
    // beyond what an edge computation can hold: one bin of everything
    expect(niceBins([1e308, -1e308, 0], 10)).toEqual([{ bin0: -1e308, bin1: 1e308, count: 3 }]);
  });

  it('holds for any values and bin count', () => {
    const value = fc.oneof(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(Number.NaN, 0.1, 0.3));
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), (values, maxBins) => expectHistogram(values, maxBins)), { numRuns: 500 });
  });
});
