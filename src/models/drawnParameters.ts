/**
 * Records of parameter draws (a {@link samplePosterior} or {@link bootstrapFit} result)
 * where a fitted model is taken: the draws carry the parameter uncertainty.
 * @internal
 */
import { CustomerValueError } from '../errors.js';
import { checkModel, registry } from './registry.js';
import type { FittedModel, ModelKind } from './types.js';

/** What posterior and bootstrap records share. */
export interface ParameterDrawsRecord {
  readonly kind: ModelKind;
  /** The maximum-likelihood fit. */
  readonly estimate: FittedModel;
  /** Per parameter, one value per draw. */
  readonly draws: Readonly<Record<string, Float64Array>>;
}

/** Whether a model argument is a record of draws rather than one model. */
export function isDrawsRecord(model: unknown): model is ParameterDrawsRecord {
  const m = model as Partial<ParameterDrawsRecord> | null;
  return typeof m === 'object' && m !== null && typeof m.draws === 'object' && m.draws !== null && typeof m.estimate === 'object' && m.estimate !== null;
}

/**
 * The parameter sets of a draws record of one of `kinds`, each validated as a model
 * record; at most `limit` of them, evenly spaced through the draws (so a subset of a
 * posterior's draws spans every chain rather than taking the first).
 */
export function drawnParameterSets<K extends ModelKind>(fn: string, record: ParameterDrawsRecord, kinds: readonly K[], limit = Infinity): { kind: K; sets: Array<Record<string, number>> } {
  const { kind } = checkModel(fn, record.estimate, kinds);
  const names = registry[kind].params;
  const columns = names.map((name) => record.draws[name]);
  const R = columns[0]?.length ?? 0;
  if (R === 0 || columns.some((c) => !(c instanceof Float64Array) || c.length !== R)) {
    throw new CustomerValueError('invalid_model', `${fn}: the draws record must hold as many draws of each of ${names.join(', ')} (Float64Arrays), as samplePosterior and bootstrapFit return them`);
  }
  const S = Math.min(R, limit);
  const sets = Array.from({ length: S }, (_, j) => {
    const k = Math.floor((j * R) / S);
    return checkModel(fn, { kind, params: Object.fromEntries(names.map((name, i) => [name, (columns[i] as Float64Array)[k]])) }, [kind]).p;
  });
  return { kind, sets };
}
