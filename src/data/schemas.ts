import * as z from 'zod/mini';
import { toDay } from './days.js';
import type { Interaction, Transaction } from './types.js';

/** One problem reported by a record schema. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/**
 * A runtime validator for one record. The objects are zod schemas, typed by this small
 * interface so that no zod type leaks into customer-value's public types.
 */
export interface RecordSchema<T> {
  /** Return the record or throw an error listing the issues. */
  parse(value: unknown): T;
  /** Return `{ success: true, data }` or `{ success: false, error: { issues } }`. */
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

const customerId = z.union([z.string().check(z.minLength(1, { error: 'customerId must not be empty' })), z.number()], {
  error: 'customerId must be a non-empty string or a finite number',
});
const date = z.custom<Date | string | number>((v) => !Number.isNaN(toDay(v)), {
  error: 'date must be a valid Date, ISO 8601 date string or epoch milliseconds',
});
const finite = (name: string) => z.number({ error: `${name} must be a finite number` });
const text = (name: string) => z.string({ error: `${name} must be a string` });
const nonEmpty = (name: string) => z.string({ error: `${name} must be a non-empty string` }).check(z.minLength(1, { error: `${name} must be a non-empty string` }));

/**
 * zod schema of a {@link Transaction}. For one record or a few; `summarize` and friends use
 * a faster vectorized check that reports the same path shape.
 *
 * @example
 * ```ts
 * TransactionSchema.safeParse({ customerId: 'a', date: '1997-13-45', amount: 1 }).success; // false
 * ```
 */
export const TransactionSchema: RecordSchema<Transaction> = z.object({
  customerId,
  date,
  amount: finite('amount'),
  orderId: z.optional(text('orderId')),
  quantity: z.optional(finite('quantity')),
  category: z.optional(text('category')),
}) as unknown as RecordSchema<Transaction>;

/**
 * zod schema of an {@link Interaction}.
 *
 * @example
 * ```ts
 * InteractionSchema.parse({ customerId: 7, date: '2024-03-01', channel: 'email', kind: 'contact', cost: 0.1 });
 * ```
 */
export const InteractionSchema: RecordSchema<Interaction> = z.object({
  customerId,
  date,
  channel: nonEmpty('channel'),
  kind: nonEmpty('kind'),
  campaignId: z.optional(text('campaignId')),
  cost: z.optional(finite('cost').check(z.minimum(0, { error: 'cost must be a finite number >= 0' }))),
  outcome: z.optional(text('outcome')),
  score: z.optional(finite('score')),
  scale: z.optional(z.string({ error: "scale must be 'min-max', e.g. '1-5'" }).check(z.regex(/^-?\d+-\d+$/, { error: "scale must be 'min-max', e.g. '1-5'" }))),
}) as unknown as RecordSchema<Interaction>;
