/**
 * Every issue code, a closed list (the issue's `path` names the row, field or option):
 *
 * - `invalid_value`, `missing_value`, `negative_value`: a cell of the input;
 * - `invalid_date`, `invalid_id`, `missing_id`, `duplicate_id`: a date or customer id;
 * - `recency_after_T`, `recency_without_repeat`: an impossible summary row;
 * - `missing_column`, `invalid_column`, `column_length`, `invalid_row`, `invalid_input`:
 *   the shape of the input; `invalid_weights`, `invalid_partial`, `invalid_cohort`;
 * - `overflow`: values whose sum exceeds the largest double;
 * - `invalid_option`: an option (any zod check of it);
 * - `invalid_model`, `invalid_param`: a model record; `unreadable_file` (customer-value/node);
 * - `fit_failed`: a fit that found no estimate (an error without a location has one issue
 *   with an empty path).
 */
export const ISSUE_CODES = [
  'invalid_value',
  'missing_value',
  'negative_value',
  'invalid_date',
  'invalid_id',
  'missing_id',
  'duplicate_id',
  'recency_after_T',
  'recency_without_repeat',
  'missing_column',
  'invalid_column',
  'column_length',
  'invalid_row',
  'invalid_input',
  'invalid_weights',
  'invalid_partial',
  'invalid_cohort',
  'overflow',
  'invalid_option',
  'invalid_model',
  'invalid_param',
  'unreadable_file',
  'fit_failed',
] as const;

/** The issue of an error that has no more specific one. */
const ISSUE_OF: Record<CustomerValueErrorCode, CustomerValueIssueCode> = {
  invalid_input: 'invalid_input',
  invalid_options: 'invalid_option',
  fit_failed: 'fit_failed',
  invalid_model: 'invalid_model',
};

/** The code of a {@link CustomerValueIssue}: one of {@link ISSUE_CODES}. */
export type CustomerValueIssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem found in the input or options: where it is, what is wrong, and the value.
 *
 * `path` locates the problem the way zod does: `['transactions', 1048, 'amount']` is the
 * `amount` field of the 1049th (0-based row 1048) transaction.
 */
export interface CustomerValueIssue {
  /** Machine-readable kind of problem, one of {@link ISSUE_CODES}, e.g. `'invalid_value'`. */
  readonly code: CustomerValueIssueCode;
  /** Location of the problem: input name, 0-based row index, field name. */
  readonly path: ReadonlyArray<string | number>;
  /** Human-readable description of this one problem. */
  readonly message: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
}

const BRAND = Symbol.for('customer-value.CustomerValueError');

/** Error codes used by {@link CustomerValueError}. */
export type CustomerValueErrorCode =
  | 'invalid_input'
  | 'invalid_options'
  | 'fit_failed'
  | 'invalid_model';

/**
 * The one error class of customer-value. It carries a `code`, the list of `issues` (each with
 * a `path` such as `['transactions', 1048, 'amount']`) and a message that names the function,
 * the row, the field and the offending value, e.g.
 * `summarize: row 1048: amount must be a finite number, got "12,50"`.
 *
 * @example
 * ```ts
 * try {
 *   summarize([{ customerId: 'a', date: '1997-13-45', amount: 1 }]);
 * } catch (e) {
 *   if (e instanceof CustomerValueError) console.log(e.code, e.issues[0]?.path);
 *   // 'invalid_input' ['transactions', 0, 'date']
 * }
 * ```
 */
export class CustomerValueError extends Error {
  override readonly name = 'CustomerValueError';
  readonly code: CustomerValueErrorCode;
  readonly issues: readonly CustomerValueIssue[];

  constructor(code: CustomerValueErrorCode, message: string, issues: readonly CustomerValueIssue[] = []) {
    super(message);
    this.code = code;
    // every error carries at least one issue: without a location, the error itself
    this.issues = issues.length > 0 ? issues : [{ code: ISSUE_OF[code], path: [], message: message.replace(/^[A-Za-z]+: /, '') }];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `instanceof` recognizes errors of every copy of this class (the ESM and CommonJS builds,
   * `customer-value` and `customer-value/node`, two installed versions) by a registered
   * symbol rather than by prototype identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** Render a value for an error message: strings quoted, others as JavaScript would print them. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === 'string' && name !== 'Object' && name !== '') return `a ${name}`;
  }
  return `a value of type ${typeof value}`;
}

/** Largest number of issues one error collects before it stops looking. */
export const MAX_ISSUES = 100;

/**
 * Collects row-level issues for one function call and throws them as one error.
 * @internal
 */
export class IssueCollector {
  private readonly found: CustomerValueIssue[] = [];
  private readonly perField = new Map<string, number>();
  constructor(readonly fn: string, readonly input: string) {}

  /** True once `field` has {@link MAX_ISSUES} issues: the caller may stop checking it. */
  full(field: string): boolean {
    return (this.perField.get(field) ?? 0) >= MAX_ISSUES;
  }

  /** Record that `field` of row `row` is wrong; `expectation` reads "must be ...". */
  row(row: number, field: string, code: CustomerValueIssueCode, expectation: string, value: unknown): void {
    const count = this.perField.get(field) ?? 0;
    if (count >= MAX_ISSUES) return;
    this.perField.set(field, count + 1);
    this.found.push({
      code,
      path: [this.input, row, field],
      message: `row ${row}: ${field} ${expectation}, got ${describeValue(value)}`,
      value,
    });
  }

  get count(): number {
    return this.found.length;
  }

  /** The issues by row (fields in the order they were checked), at most {@link MAX_ISSUES}. */
  get issues(): CustomerValueIssue[] {
    return this.found
      .map((issue, k) => ({ issue, k }))
      .sort((x, y) => (x.issue.path[1] as number) - (y.issue.path[1] as number) || x.k - y.k)
      .slice(0, MAX_ISSUES)
      .map((x) => x.issue);
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    throw issuesError(this.fn, 'invalid_input', this.issues);
  }
}

/** Build a {@link CustomerValueError} whose message names the first issue and counts the rest. */
export function issuesError(
  fn: string,
  code: CustomerValueErrorCode,
  issues: readonly CustomerValueIssue[],
): CustomerValueError {
  const first = issues[0]?.message ?? 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''}${issues.length >= MAX_ISSUES ? ', stopped counting' : ''})` : '';
  return new CustomerValueError(code, `${fn}: ${first}${more}`, issues);
}

/** The options argument as an object: undefined means none; anything else not an object is an error. @internal */
export function optionsObject<T extends object>(fn: string, options: T | undefined | null): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) optionError(fn, 'options', 'must be an object', options);
  return options;
}

/** Throw a {@link CustomerValueError} about an option. @internal */
export function optionError(fn: string, option: string, expectation: string, value: unknown): never {
  const message = `${option} ${expectation}, got ${describeValue(value)}`;
  throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [
    { code: 'invalid_option', path: ['options', ...option.split('.')], message, value },
  ]);
}
