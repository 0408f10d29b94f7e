/**
 * The model registry: one spec per model kind. Generic code asks it for a model's spec and
 * calls the spec; nothing outside this file and the model folders looks at a kind.
 *
 * To add a model: write its folder (likelihood, fit, predictions, simulate, spec) and add
 * one entry here and one in `ModelRegistry` (types.ts).
 * @internal
 */
import { checkParams } from './checkParams.js';
import type { ModelSpecBase } from './spec.js';
import { refuseVariants } from './covariates/design.js';
import { bgBbSpec } from './bgBb/spec.js';
import { betaDiscreteWeibullSpec } from './betaDiscreteWeibull/spec.js';
import { bgCnbdSpec } from './bgCnbd/spec.js';
import { modifiedBgCnbdSpec } from './modifiedBgCnbd/spec.js';
import { bgNbdSpec } from './bgNbd/spec.js';
import { gammaGammaSpec } from './gammaGamma/spec.js';
import { gammaGompertzNbdSpec } from './gammaGompertzNbd/spec.js';
import { modifiedBgNbdSpec } from './modifiedBgNbd/spec.js';
import { nbdSpec } from './nbd/spec.js';
import { paretoNbdSpec } from './paretoNbd/spec.js';
import { shiftedBetaGeometricSpec } from './shiftedBetaGeometric/spec.js';
import type { PurchaseModelSpec, RetentionModelSpec, SpendModelSpec } from './spec.js';
import type { ModelKind, ModelParams, ModelRegistry, PurchaseModelKind, RetentionModelKind, SpendModelKind } from './types.js';

type SpecOf<E extends { role: string; params: unknown }> = E['role'] extends 'purchase'
  ? PurchaseModelSpec<E['params']>
  : E['role'] extends 'spend'
    ? SpendModelSpec<E['params']>
    : RetentionModelSpec<E['params']>;

/** kind -> spec. */
export const registry: { readonly [K in ModelKind]: SpecOf<ModelRegistry[K]> } = {
  'bg-nbd': bgNbdSpec,
  'pareto-nbd': paretoNbdSpec,
  'mbg-nbd': modifiedBgNbdSpec,
  'bg-bb': bgBbSpec,
  'gamma-gamma': gammaGammaSpec,
  sbg: shiftedBetaGeometricSpec,
  nbd: nbdSpec,
  'bg-cnbd-k': bgCnbdSpec,
  'mbg-cnbd-k': modifiedBgCnbdSpec,
  'ggom-nbd': gammaGompertzNbdSpec,
  bdw: betaDiscreteWeibullSpec,
};

const ALL = Object.keys(registry) as ModelKind[];

/** The registered kinds of a role, in registry order. */
export function kindsOf<R extends 'purchase' | 'spend' | 'retention'>(role: R): Array<R extends 'purchase' ? PurchaseModelKind : R extends 'spend' ? SpendModelKind : RetentionModelKind> {
  return ALL.filter((k) => registry[k].role === role) as never;
}

/** Parameter names of a kind, in `params` order. */
export function paramNames(kind: ModelKind): readonly string[] {
  return registry[kind].params;
}

/** Validate a model record's kind (one of `kinds`) and parameters (finite, > 0; whole within range where the spec says). */
export function checkModel<K extends ModelKind>(fn: string, model: unknown, kinds: readonly K[]): { kind: K; p: Record<string, number> } {
  const { spec, p } = checkParams(fn, model, kinds.map((k) => registry[k] as unknown as ModelSpecBase<never>));
  return { kind: spec.kind as K, p };
}

/** A validated purchase model: its spec and parameters. */
export interface ResolvedModel<S> {
  kind: ModelKind;
  spec: S;
  p: Record<string, number>;
}

/** A validated purchase model record and its spec. */
export function purchaseModelOf(fn: string, model: unknown): ResolvedModel<PurchaseModelSpec<Record<string, number>>> {
  // the functions that use covariates resolve models through covariates/resolve.ts
  refuseVariants(fn, model);
  const { kind, p } = checkModel(fn, model, kindsOf('purchase'));
  return { kind, spec: registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>, p };
}

/** A validated spend model record and its spec. */
export function spendModelOf(fn: string, model: unknown): ResolvedModel<SpendModelSpec<Record<string, number>>> {
  const { kind, p } = checkModel(fn, model, kindsOf('spend'));
  return { kind, spec: registry[kind] as unknown as SpendModelSpec<Record<string, number>>, p };
}

/** A validated retention model record and its spec. */
export function retentionModelOf(fn: string, model: unknown): ResolvedModel<RetentionModelSpec<Record<string, number>>> {
  const { kind, p } = checkModel(fn, model, kindsOf('retention'));
  return { kind, spec: registry[kind] as unknown as RetentionModelSpec<Record<string, number>>, p };
}

export type { ModelParams };
