/**
 * The hierarchical models samplePosterior draws besides the registered ones, by name.
 * @internal
 */
import type { SummaryInput } from '../../summary/readSummary.js';

export type HierarchicalKind = 'pareto-nbd-hb' | 'pareto-ggg';

/** Placeholder until the samplers land. */
export interface HierarchicalPosterior {
  readonly kind: HierarchicalKind;
}

export const HIERARCHICAL: { readonly [K in HierarchicalKind]?: (summary: SummaryInput, options: object) => HierarchicalPosterior } = {};
