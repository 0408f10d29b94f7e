import * as z from 'zod/mini';
import { parseOptions, wholeOption } from '../data/options.js';
import type { Range, RfmRule } from './schemes.js';

const bound = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v), { error: 'must be a number (Infinity allowed)' });
const range = z.tuple([bound, bound], { error: 'must be a [low, high] pair of numbers' }).check(z.refine(([lo, hi]) => lo <= hi, { error: 'must have low <= high' }));
/** The shape of a custom RFM rule list (shared with rfm). @internal */
export const rulesSchema = z.object({
  rules: z.array(
    z.looseObject({
      segment: z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, { error: 'must be a non-empty string' })),
      r: z.optional(range),
      f: z.optional(range),
      m: z.optional(range),
      recency: z.optional(range),
      frequency: z.optional(range),
      monetary: z.optional(range),
    }),
    { error: 'must be an array of rules' },
  ),
});
const binsSchema = z.looseObject({ bins: z.optional(wholeOption(2, 9)) });

/** Findings of {@link validateRfmRules}. */
export interface RfmRulesReport {
  /** True when no rule is unreachable and no score cell is left to the fallback. */
  ok: boolean;
  /** Pairs of rules (indices, the earlier first) whose conditions can both hold: the earlier one wins there. */
  overlaps: Array<{ first: number; second: number; segments: [string, string] }>;
  /** Rules that can never match because earlier rules take every customer they could. */
  unreachable: Array<{ rule: number; segment: string }>;
  /** Score cells ('rfm', e.g. '511') no rule matches: those customers get the fallback. Only for score-only rules. */
  uncovered: string[];
  /** Human-readable findings. */
  messages: string[];
}

const FIELDS = ['r', 'f', 'm', 'recency', 'frequency', 'monetary'] as const;

function intersects(a: Range | undefined, b: Range | undefined): boolean {
  if (!a || !b) return true;
  return a[0] <= b[1] && b[0] <= a[1];
}

/**
 * Check custom RFM rules before use. Rules are evaluated in order and the first match
 * wins, so overlapping rules are legal but worth knowing about; a rule whose every
 * possible customer is taken by earlier rules is unreachable (a mistake); score cells no
 * rule covers fall to the fallback segment.
 *
 * For rules on scores only, reachability and coverage are exact (all bins³ cells are
 * enumerated); rules on raw values are checked for pairwise overlap only.
 *
 * @example
 * ```ts
 * validateRfmRules([{ segment: 'Top', r: [4, 5], f: [4, 5] }, { segment: 'Top recent', r: [5, 5], f: [5, 5] }]);
 * // { ok: false, unreachable: [{ rule: 1, segment: 'Top recent' }], ... }
 * ```
 */
export function validateRfmRules(rules: readonly RfmRule[], options: { bins?: number } = {}): RfmRulesReport {
  const fn = 'validateRfmRules';
  parseOptions(fn, rulesSchema, { rules });
  const bins = parseOptions(fn, binsSchema, options).bins ?? 5;
  const overlaps: RfmRulesReport['overlaps'] = [];
  const messages: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i] as RfmRule;
      const b = rules[j] as RfmRule;
      if (FIELDS.every((k) => intersects(a[k], b[k]))) {
        overlaps.push({ first: i, second: j, segments: [a.segment, b.segment] });
        messages.push(`rules ${i} (${a.segment}) and ${j} (${b.segment}) overlap; rule ${i} wins where both hold`);
      }
    }
  }
  const unreachable: RfmRulesReport['unreachable'] = [];
  const uncovered: string[] = [];
  const scoreOnly = rules.every((r) => r.recency === undefined && r.frequency === undefined && r.monetary === undefined);
  if (scoreOnly) {
    const hits = new Array<number>(rules.length).fill(0);
    const inR = (v: number, r: Range | undefined): boolean => r === undefined || (v >= r[0] && v <= r[1]);
    for (let r = 1; r <= bins; r++) {
      for (let f = 1; f <= bins; f++) {
        for (let m = 1; m <= bins; m++) {
          const k = rules.findIndex((rule) => inR(r, rule.r) && inR(f, rule.f) && inR(m, rule.m));
          if (k === -1) uncovered.push(`${r}${f}${m}`);
          else hits[k] = (hits[k] as number) + 1;
        }
      }
    }
    hits.forEach((h, k) => {
      if (h === 0) {
        unreachable.push({ rule: k, segment: (rules[k] as RfmRule).segment });
        messages.push(`rule ${k} (${(rules[k] as RfmRule).segment}) is unreachable: earlier rules take all its cells`);
      }
    });
    if (uncovered.length) messages.push(`${uncovered.length} score cells match no rule and get the fallback segment: ${uncovered.slice(0, 10).join(', ')}${uncovered.length > 10 ? ', ...' : ''}`);
  }
  return { ok: unreachable.length === 0 && uncovered.length === 0, overlaps, unreachable, uncovered, messages };
}
