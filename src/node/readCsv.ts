import { readFileSync } from 'node:fs';
import { CustomerValueError, describeValue } from '../errors.js';
import { checkDelimiter, csvColumns, parseCsvText, splitWhitespace } from '../data/csv.js';

export { checkDelimiter, csvColumns, parseCsvText, splitWhitespace };

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /**
   * Field separator: one character, or `'whitespace'` for files whose fields are separated
   * by runs of spaces and tabs (such as CDNOW_master.txt; no quoting). Default `','`.
   */
  delimiter?: string;
  /** Columns to convert to `Float64Array`; a cell that is not a number throws naming row and column. Default none. */
  numeric?: readonly string[];
}

/**
 * Read a CSV file with a header line into a column object (string arrays, or
 * `Float64Array` for the `numeric` columns) that every customer-value function accepts.
 * Node only: import it from `customer-value/node`.
 *
 * @example
 * ```ts
 * import { readCsv } from 'customer-value/node';
 * const tx = readCsv('data/cdnow-sample.csv', { numeric: ['amount', 'quantity'] });
 * summarize(tx, { unit: 'week' });
 * ```
 */
export function readCsv(path: string, options: ReadCsvOptions = {}): Record<string, string[] | Float64Array> & { readonly length: number } {
  const delimiter = checkDelimiter('readCsv', options.delimiter);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const message = `cannot read ${describeValue(path)}: ${(e as { code?: string }).code ?? (e as Error).message}`;
    throw new CustomerValueError('invalid_input', `readCsv: ${message}`, [{ code: 'unreadable_file', path: [String(path)], message, value: path }]);
  }
  const [header, ...rows] = delimiter === 'whitespace' ? splitWhitespace(text) : parseCsvText(text, delimiter);
  const out = csvColumns('readCsv', header ?? [], rows, options.numeric ?? [], path, 0);
  Object.defineProperty(out, 'length', { value: rows.length, enumerable: false });
  return out as Record<string, string[] | Float64Array> & { readonly length: number };
}
