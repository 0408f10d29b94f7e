/**
 * CSV text to cells and columns: pure functions (no I/O), shared by the Node readers and any
 * page that parses a file the user dropped in.
 * @internal
 */
import { CustomerValueError, describeValue } from '../errors.js';

/** Parse CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. @internal */
export function parseCsvText(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && cell === '') {
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j === -1) throw new CustomerValueError('invalid_input', `readCsv: row ${rows.length}: unterminated quoted field`);
        cell += text.slice(i, j);
        if (text.charCodeAt(j + 1) === 34) {
          cell += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
    } else if (c === sep) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === 10 || c === 13) {
      row.push(cell);
      cell = '';
      rows.push(row);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === 10 || d === 13) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** The delimiter option: one character or 'whitespace'. @internal */
export function checkDelimiter(fn: string, delimiter: string | undefined = ','): string {
  if (typeof delimiter !== 'string' || (delimiter.length !== 1 && delimiter !== 'whitespace')) {
    const message = `delimiter must be one character or 'whitespace', got ${describeValue(delimiter)}`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['options', 'delimiter'], message, value: delimiter }]);
  }
  return delimiter;
}

/**
 * Rows of cells under a header as a column object: strings, or `Float64Array` for the
 * `numeric` columns; a row with the wrong number of fields or a numeric cell that is not a
 * number throws, naming the row (`offset` + its index: rows count from the first data row).
 * @internal
 */
export function csvColumns(fn: string, names: readonly string[], rows: readonly string[][], numeric: readonly string[], path: string, offset: number): Record<string, string[] | Float64Array> {
  rows.forEach((r, i) => {
    if (r.length !== names.length) {
      const message = `row ${offset + i} has ${r.length} fields but the header has ${names.length}${r.length < names.length ? ` (${names[r.length]} is missing)` : ''}`;
      throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_row', path: [path, offset + i], message, value: r.length }]);
    }
  });
  const out: Record<string, string[] | Float64Array> = {};
  const wanted = new Set(numeric);
  for (const want of wanted) {
    if (!names.includes(want)) throw new CustomerValueError('invalid_input', `${fn}: column "${want}" is missing in ${path}`);
  }
  names.forEach((name, j) => {
    if (!wanted.has(name)) {
      out[name] = rows.map((r) => r[j] ?? '');
      return;
    }
    const col = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      const cell = r[j] ?? '';
      const v = cell.trim() === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(v)) {
        const message = `row ${offset + i}: ${name} must be a number, got ${describeValue(cell)}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_value', path: [path, offset + i, name], message, value: cell }]);
      }
      col[i] = v;
    });
    out[name] = col;
  });
  return out;
}

/** Lines of fields separated by runs of spaces or tabs (no quoting), blank lines left out. */
export function splitWhitespace(text: string): string[][] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((l) => l.split(/[ \t]+/));
}

/**
 * A column object as CSV text: a header, then one line per row, numbers as JavaScript prints
 * them (the shortest text that reads back to the same double), missing values (null,
 * undefined, NaN) as empty cells, and cells with a comma, quote or line break quoted.
 */
export function columnsToCsv(columns: Readonly<Record<string, ArrayLike<unknown>>>): string {
  const names = Object.keys(columns);
  const n = names.length ? (columns[names[0] as string] as ArrayLike<unknown>).length : 0;
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [names.map(cell).join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => cell((columns[k] as ArrayLike<unknown>)[i])).join(','));
  return `${lines.join('\n')}\n`;
}

