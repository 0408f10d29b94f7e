/**
 * The check of a model record against its spec: the kind, and every parameter a finite
 * number > 0 (or a whole number in range). Registry-free, so a model's own code can check
 * its records without importing every model.
 * @internal
 */
import { CustomerValueError } from '../errors.js';
import type { ModelSpecBase } from './spec.js';

/** The record's parameters, or an error naming the kind or the parameter. */
export function checkParams(fn: string, model: unknown, specs: ReadonlyArray<ModelSpecBase<never>>): { spec: ModelSpecBase<never>; p: Record<string, number> } {
  const m = model as { kind?: unknown; params?: unknown };
  const spec = typeof m === 'object' && m !== null ? specs.find((s) => s.kind === m.kind) : undefined;
  if (!spec) {
    const message = `model.kind must be ${specs.map((s) => `'${s.kind}'`).join(' or ')}, got ${JSON.stringify((m as { kind?: unknown } | null)?.kind)}`;
    throw new CustomerValueError('invalid_model', `${fn}: ${message}`, [{ code: 'invalid_model', path: ['model', 'kind'], message, value: m?.kind }]);
  }
  const p = (m.params ?? {}) as Record<string, unknown>;
  const whole = spec.wholeParams;
  for (const name of spec.params as readonly string[]) {
    const v = p[name];
    const range = whole?.[name];
    const bad = range
      ? !(typeof v === 'number' && Number.isInteger(v) && v >= range[0] && v <= range[1])
      : typeof v !== 'number' || !(v > 0) || !Number.isFinite(v);
    if (bad) {
      const expected = range ? `a whole number from ${range[0]} to ${range[1]}` : 'a finite number > 0';
      const message = `model.params.${name} must be ${expected}, got ${String(v)}`;
      throw new CustomerValueError('invalid_model', `${fn}: ${message}`, [{ code: 'invalid_param', path: ['model', 'params', name], message, value: v }]);
    }
  }
  return { spec, p: p as Record<string, number> };
}
