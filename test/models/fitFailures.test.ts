import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
} from '../../src/index.js';
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
