import type { CohortMatrix } from './types.js';

/**
 * The cohort retention matrix: cohort = period of the first purchase (reported periods
 * only), retained[c][k] = customers of cohort c active k periods later (k = 0: the cohort's
 * size), NaN beyond the last period; share divides by the cohort size. @internal
 */
export function cohortMatrix(
  nTx: number,
  activeStart: Uint32Array,
  activePeriods: readonly number[],
  firstPeriodOf: (c: number) => number,
  firstReported: number,
  periods: number,
  labels: readonly string[],
): CohortMatrix {
  const byCohort = new Map<number, Map<number, number>>();
  for (let c = 0; c < nTx; c++) {
    const a = activeStart[c] as number;
    const b = activeStart[c + 1] as number;
    if (a === b) continue;
    const cp = firstPeriodOf(c);
    if (cp < firstReported || cp >= periods) continue;
    let row = byCohort.get(cp);
    if (!row) byCohort.set(cp, (row = new Map()));
    for (let k = a; k < b; k++) {
      const p = activePeriods[k] as number;
      if (p >= periods) continue;
      row.set(p - cp, (row.get(p - cp) ?? 0) + 1);
    }
  }
  const cohortPeriods = [...byCohort.keys()].sort((a, b) => a - b);
  const maxOffset = periods - 1 - (cohortPeriods[0] ?? periods - 1);
  const offsets = Array.from({ length: Math.max(0, maxOffset + 1) }, (_, k) => k);
  const retained = cohortPeriods.map((cp) => offsets.map((k) => (cp + k < periods ? ((byCohort.get(cp) as Map<number, number>).get(k) ?? 0) : Number.NaN)));
  const sizes = cohortPeriods.map((cp) => (byCohort.get(cp) as Map<number, number>).get(0) ?? 0);
  return {
    cohorts: cohortPeriods.map((p) => labels[p] as string),
    offsets,
    sizes,
    retained,
    share: retained.map((row, i) => row.map((v) => (Number.isNaN(v) || !((sizes[i] as number) > 0) ? Number.NaN : v / (sizes[i] as number)))),
  };
}
