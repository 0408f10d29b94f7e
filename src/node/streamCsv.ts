import { createReadStream, statSync } from 'node:fs';
import { CustomerValueError, describeValue, optionError } from '../errors.js';
import { checkDelimiter, csvColumns, parseCsvText, splitWhitespace, type ReadCsvOptions } from './readCsv.js';

/** Where {@link streamCsv} is in the file. */
export interface StreamCsvProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  /** Data rows read so far. */
  readonly rows: number;
}

/** Options of {@link streamCsv}: those of `readCsv`, plus the chunk size, progress and cancellation. */
export interface StreamCsvOptions extends ReadCsvOptions {
  /** Rows per chunk. Default 100,000. */
  chunkRows?: number | undefined;
  /** Called after each chunk. */
  onProgress?: ((progress: StreamCsvProgress) => void) | undefined;
  /** Stops reading between chunks. */
  signal?: AbortSignal | undefined;
}

/**
 * The end of the last complete record in `text` from `from`: after the last line break that
 * is outside a quoted field (RFC 4180: a quote opens a field only at its start; "" inside a
 * quoted field is a quote). Returns the scanner's state so the next call goes on from there.
 */
function lastRecordEnd(text: string, from: number, state: { inQuote: boolean; cellStart: boolean }, sep: number): { cut: number; next: number } {
  let cut = -1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inQuote) {
      if (c === 34) {
        if (i + 1 === text.length) return { cut, next: i }; // a quote at the end: look at it again with the next piece
        if (text.charCodeAt(i + 1) === 34) i++;
        else state.inQuote = false;
      }
    } else if (c === 34 && state.cellStart) {
      state.inQuote = true;
      state.cellStart = false;
    } else if (c === 10) {
      cut = i + 1;
      state.cellStart = true;
    } else state.cellStart = c === sep || c === 13;
  }
  return { cut, next: text.length };
}

/**
 * Stream a CSV file larger than memory as column chunks (strings, `Float64Array` for the
 * `numeric` columns), `chunkRows` rows each, for `summarizeStream`: the file is read in 1 MiB
 * pieces and cut at record boundaries (quoted fields may span lines), so memory holds one
 * chunk. Errors name the data row counted from the top of the file. Node only.
 *
 * @example
 * ```ts
 * import { summarizeStream } from 'customer-value';
 * import { streamCsv } from 'customer-value/node';
 * const summary = await summarizeStream(streamCsv('transactions.csv', { numeric: ['amount'] }), { unit: 'week' });
 * ```
 */
export async function* streamCsv(path: string, options: StreamCsvOptions = {}): AsyncGenerator<Record<string, string[] | Float64Array>> {
  const fn = 'streamCsv';
  const delimiter = checkDelimiter(fn, options.delimiter);
  const chunkRows = options.chunkRows ?? 100_000;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) optionError(fn, 'chunkRows', 'must be a whole number >= 1', chunkRows);
  let totalBytes: number;
  try {
    totalBytes = statSync(path).size;
  } catch (e) {
    const message = `cannot read ${describeValue(path)}: ${(e as { code?: string }).code ?? (e as Error).message}`;
    throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'unreadable_file', path: [String(path)], message, value: path }]);
  }
  const parse = (text: string): string[][] => (delimiter === 'whitespace' ? splitWhitespace(text) : parseCsvText(text, delimiter));
  const sep = delimiter === 'whitespace' ? -1 : delimiter.charCodeAt(0);
  const state = { inQuote: false, cellStart: true };
  let header: string[] | undefined;
  let pending: string[][] = [];
  let text = '';
  let scanned = 0;
  let bytes = 0;
  let rows = 0;
  // records waiting to be a chunk; `from` is where the next chunk starts (slicing the front
  // off each time would copy the rest once per chunk)
  let from = 0;
  const take = function* (final: boolean): Generator<Record<string, string[] | Float64Array>> {
    while (pending.length - from >= chunkRows || (final && pending.length > from)) {
      const part = pending.slice(from, from + chunkRows);
      from += part.length;
      const chunk = csvColumns(fn, header ?? [], part, options.numeric ?? [], path, rows);
      rows += part.length;
      options.onProgress?.({ bytes, totalBytes, rows });
      yield chunk;
      options.signal?.throwIfAborted();
    }
    // keep only the leftover (fewer than chunkRows records), once per piece
    if (from > 0) {
      pending = pending.slice(from);
      from = 0;
    }
  };
  options.signal?.throwIfAborted();
  for await (const piece of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    bytes += Buffer.byteLength(piece as string);
    text += piece as string;
    const { cut, next } = lastRecordEnd(text, scanned, state, sep);
    scanned = next;
    if (cut === -1) continue;
    const records = parse(text.slice(0, cut));
    text = text.slice(cut);
    scanned -= cut;
    if (header === undefined) header = records.shift();
    for (const r of records) pending.push(r);
    yield* take(false);
  }
  const rest = parse(text);
  if (header === undefined) header = rest.shift();
  for (const r of rest) pending.push(r);
  yield* take(true);
}
