/**
 * Built-in RFM segment schemes. Each is an ordered list of rules; the first rule a customer
 * matches names its segment.
 * @internal
 */

/** A score range [min, max], inclusive. */
export type Range = readonly [number, number];

/** One rule of a segment scheme: every given range must hold (scores or raw values). */
export interface RfmRule {
  /** Segment name. */
  segment: string;
  /** R score range (1..bins, higher = more recent). */
  r?: Range | undefined;
  /** F score range. */
  f?: Range | undefined;
  /** M score range. */
  m?: Range | undefined;
  /** Raw recency range, days since the last purchase. */
  recency?: Range | undefined;
  /** Raw frequency range, purchase days. */
  frequency?: Range | undefined;
  /** Raw monetary range. */
  monetary?: Range | undefined;
}

export type Locale = 'en' | 'zh';

interface SchemeSegment {
  key: string;
  en: string;
  zh: string;
}

/**
 * `standard`: 11 segments on 1..5 scores, in evaluation order (first match wins):
 *
 * | segment | R | F | M |
 * | --- | --- | --- | --- |
 * | Champions | 5 | 4-5 | any |
 * | Loyal Customers | 3-4 | 4-5 | any |
 * | Potential Loyalist | 4-5 | 2-3 | any |
 * | New Customers | 5 | 1 | any |
 * | Promising | 4 | 1 | any |
 * | Need Attention | 3 | 3 | any |
 * | About To Sleep | 3 | 1-2 | any |
 * | Can't Lose Them | 1-2 | 5 | any |
 * | At Risk | 1-2 | 3-4 | any |
 * | Lost | 1 | 1-2 | 1-2 |
 * | Hibernating | 1-2 | 1-2 | any |
 *
 * The R x F grid covers every cell once; M only separates Lost (low spend) from
 * Hibernating among the least recent, least frequent customers.
 */
export const STANDARD: ReadonlyArray<SchemeSegment & { r: Range; f: Range; m?: Range }> = [
  { key: 'champions', en: 'Champions', zh: '冠军客户', r: [5, 5], f: [4, 5] },
  { key: 'loyal', en: 'Loyal Customers', zh: '忠诚客户', r: [3, 4], f: [4, 5] },
  { key: 'potentialLoyalist', en: 'Potential Loyalist', zh: '潜在忠诚客户', r: [4, 5], f: [2, 3] },
  { key: 'new', en: 'New Customers', zh: '新客户', r: [5, 5], f: [1, 1] },
  { key: 'promising', en: 'Promising', zh: '有潜力客户', r: [4, 4], f: [1, 1] },
  { key: 'needAttention', en: 'Need Attention', zh: '需要关注客户', r: [3, 3], f: [3, 3] },
  { key: 'aboutToSleep', en: 'About To Sleep', zh: '即将沉睡客户', r: [3, 3], f: [1, 2] },
  { key: 'cantLose', en: "Can't Lose Them", zh: '不能失去的客户', r: [1, 2], f: [5, 5] },
  { key: 'atRisk', en: 'At Risk', zh: '有流失风险客户', r: [1, 2], f: [3, 4] },
  { key: 'lost', en: 'Lost', zh: '流失客户', r: [1, 1], f: [1, 2], m: [1, 2] },
  { key: 'hibernating', en: 'Hibernating', zh: '休眠客户', r: [1, 2], f: [1, 2] },
];

/**
 * `value-matrix`: 8 segments from whether R, F and M are "high", i.e. strictly better
 * than their mean over all customers (days since the last purchase strictly below the
 * mean; F and M strictly above). Order: R, F, M high/low.
 */
export const VALUE_MATRIX: ReadonlyArray<SchemeSegment & { r: boolean; f: boolean; m: boolean }> = [
  { key: 'importantValue', en: 'Important Value', zh: '重要价值客户', r: true, f: true, m: true },
  { key: 'importantDevelopment', en: 'Important Development', zh: '重要发展客户', r: true, f: false, m: true },
  { key: 'importantRetention', en: 'Important Retention', zh: '重要保持客户', r: false, f: true, m: true },
  { key: 'importantWinBack', en: 'Important Win-back', zh: '重要挽留客户', r: false, f: false, m: true },
  { key: 'generalValue', en: 'General Value', zh: '一般价值客户', r: true, f: true, m: false },
  { key: 'generalDevelopment', en: 'General Development', zh: '一般发展客户', r: true, f: false, m: false },
  { key: 'generalRetention', en: 'General Retention', zh: '一般保持客户', r: false, f: true, m: false },
  { key: 'generalWinBack', en: 'General Win-back', zh: '一般挽留客户', r: false, f: false, m: false },
];

/**
 * `quadrant`: 4 classes from R and F high/low (the value-matrix rule: strictly better than
 * the mean): high value (R and F high), important to retain (R low, F high), new (R high,
 * F low), low value (R and F low). M is reported per class but does not decide it.
 */
export const QUADRANT: ReadonlyArray<SchemeSegment & { r: boolean; f: boolean }> = [
  { key: 'highValue', en: 'High Value', zh: '高价值客户', r: true, f: true },
  { key: 'importantToRetain', en: 'Important to Retain', zh: '重点保持客户', r: false, f: true },
  { key: 'new', en: 'New', zh: '新客户', r: true, f: false },
  { key: 'lowValue', en: 'Low Value', zh: '低价值客户', r: false, f: false },
];
