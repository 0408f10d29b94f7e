import * as z from 'zod/mini';
import { CustomerValueError, describeValue } from '../errors.js';
import { DAYS_PER_UNIT, numericDay, toDay, type TimeUnit } from './days.js';

/** zod schema for a date option. @internal */
export const dateOption = z.custom<Date | string | number>((v) => !Number.isNaN(toDay(v)), {
  error: 'must be a valid Date, ISO 8601 date string or epoch milliseconds',
});

/** zod schema for a time unit option. @internal */
export const unitOption = z.enum(['day', 'week', 'month', 'year'], {
  error: "must be 'day', 'week', 'month' or 'year'",
});

/** A finite number option. @internal */
export const finiteOption = z.number({ error: 'must be a finite number' }).check(z.refine(Number.isFinite, { error: 'must be a finite number' }));

/** A whole-number option in [min, max]; the message names the limit. @internal */
export function wholeOption(min: number, max = Number.MAX_SAFE_INTEGER, why = '') {
  return z.int({ error: `must be a whole number >= ${min}` }).check(z.minimum(min, { error: `must be a whole number >= ${min}` })).check(z.maximum(max, { error: `must be at most ${max.toLocaleString('en-US')}${why}` }));
}

/** A seed: any finite number. @internal */
export const seedOption = finiteOption;

/** Customers a simulator draws at most (typed columns of 1e7 rows, a few hundred MB). @internal */
export const MAX_SIMULATED_CUSTOMERS = 10_000_000;

/** zod schema for a field map. @internal */
export const fieldsOption = z.record(z.string(), z.optional(z.string({ error: 'must be a string' })));

/** zod shape of the options every transaction reader takes (`TransactionReadOptions`). @internal */
export const readOptionsShape = {
  fields: z.optional(fieldsOption),
  returns: z.optional(z.enum(['net', 'ignore', 'error'], { error: "must be 'net', 'ignore' or 'error'" })),
  dropDuplicateOrders: z.optional(z.boolean({ error: 'must be a boolean' })),
  numericDates: z.optional(z.enum(['epoch-ms', 'epoch-s', 'epoch-day', 'yyyymmdd'], { error: "must be 'epoch-ms', 'epoch-s', 'epoch-day' or 'yyyymmdd'" })),
};

/** zod shape of the options of functions that read transactions and interactions. @internal */
export const historyOptionsShape = {
  ...readOptionsShape,
  interactionFields: z.optional(fieldsOption),
};

/**
 * Validate an options object with a zod schema; a failure becomes a
 * {@link CustomerValueError} with code `'invalid_options'` naming the option and the value.
 * @internal
 */
export function parseOptions<T>(fn: string, schema: z.ZodMiniType<T>, options: unknown): T {
  const result = schema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const value = (issue as { input?: unknown }).input;
    const message = `${name ? name + ' ' : 'options '}${issue.message.replace(/^Invalid input: /, '')}, got ${describeValue(value)}`;
    return { code: 'invalid_option' as const, path: ['options', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message, value };
  });
  const first = issues[0] as { message: string };
  throw new CustomerValueError('invalid_options', `${fn}: ${first.message}`, issues);
}

/**
 * Day of a validated date option, or `undefined`. A number is read as the data's numbers
 * are (`numericDates`: epoch ms by default), so `observationEnd: 19970930` goes with
 * `numericDates: 'yyyymmdd'`. @internal
 */
export function optionDay(value: Date | string | number | undefined, numericDates?: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && numericDates !== undefined && numericDates !== 'epoch-ms') {
    const d = numericDay(numericDates)(value);
    if (Number.isNaN(d)) throw new CustomerValueError('invalid_options', `a date option ${describeValue(value)} is not a valid date under numericDates '${numericDates}'`, [{ code: 'invalid_option', path: ['options'], message: `not a valid date under numericDates '${numericDates}'`, value }]);
    return d;
  }
  return toDay(value);
}

/** Days in one `unit`. @internal */
export function unitDays(unit: TimeUnit | undefined): number {
  return DAYS_PER_UNIT[unit ?? 'day'];
}
