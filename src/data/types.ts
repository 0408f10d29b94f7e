import type { ArrowTableLike } from './arrow.js';
/** A customer identifier: a string or a number (1 and '1' are different customers). */
export type CustomerId = string | number;

/**
 * A date: a `Date`, an ISO 8601 string (`'1997-01-01'`, `'19970101'`,
 * `'1997-01-01T10:00:00Z'`, `'1997-01-01T23:30:00-05:00'`) or epoch milliseconds. Every date
 * is reduced to its UTC calendar day; a date-time without an offset is read as UTC.
 */
export type DateInput = Date | string | number;

/** One purchase (or, with a negative amount, one return or refund). */
export interface Transaction {
  customerId: CustomerId;
  date: DateInput;
  /** Monetary value; negative = return or refund. */
  amount: number;
  /** Optional order identifier, used to drop duplicate rows. */
  orderId?: string | undefined;
  quantity?: number | undefined;
  /** Optional product category (used for cross-sell breadth). */
  category?: string | undefined;
}

/** Every touch between the business and a customer. */
export interface Interaction {
  customerId: CustomerId;
  date: DateInput;
  /** 'email' | 'phone' | 'visit' | 'web' | 'call-center' | ... */
  channel: string;
  /** 'contact' | 'response' | 'complaint' | 'service' | 'offer' | ... */
  kind: string;
  campaignId?: string | undefined;
  /** What the touch cost the business. */
  cost?: number | undefined;
  /** 'accepted' | 'resolved' | 'satisfied' | ... */
  outcome?: string | undefined;
  /** A survey score given in this interaction, on `scale`. */
  score?: number | undefined;
  /** The score's scale as 'min-max' of whole points, e.g. '1-5' (CSAT) or '0-10' (NPS). Default: the reader's `scoreScale`, '1-5'. */
  scale?: string | undefined;
}

/**
 * The structural part of an arquero table that customer-value reads: column names and
 * column values in table order (filters and orderings applied). Any arquero `ColumnTable`
 * fits; arquero itself is not imported by the core.
 */
export interface TableLike {
  columnNames(): string[];
  numRows(): number;
  array(name: string): ArrayLike<unknown>;
}

/**
 * Column input: an object with one array (plain or typed) per field, all of the same
 * length, e.g. `{ customerId: string[], date: Float64Array, amount: Float64Array }`. Typed
 * as `object` so that interfaces and results of other functions fit; checked at run time.
 */
export type ColumnsInput = object;

/**
 * Records as accepted by every function: an array of plain objects, a column object
 * (`{ customerId: [...], date: [...], amount: Float64Array }`), an arquero table or an Apache
 * Arrow table or record batch (read column by column, see {@link ArrowTableLike}).
 */
export type RecordsInput<T> = readonly T[] | ColumnsInput | TableLike | ArrowTableLike;

/** Input of transactions in any of the three forms. */
export type TransactionInput = RecordsInput<Transaction>;
/** Input of interactions in any of the three forms. */
export type InteractionInput = RecordsInput<Interaction>;

/** Maps our field names to the caller's column or property names. */
export type FieldMap<T> = { readonly [K in keyof T]?: string };

/**
 * A column object: one array per field, all of `length` rows. `length` (and any metadata)
 * is a non-enumerable property, so `aq.table(result)` sees only the columns.
 */
export type ColumnTable<T> = { [K in keyof T]: ArrayLike<T[K]> } & { readonly length: number };
