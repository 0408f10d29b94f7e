/** Small text-table printer for the examples (not part of the library). */
export function table(rows: ReadonlyArray<object>, digits = 2): string {
  if (rows.length === 0) return '(none)';
  const names = Object.keys(rows[0] as object);
  const cell = (v: unknown): string =>
    typeof v === 'number' ? (Number.isNaN(v) ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(digits)) : v === null || v === undefined ? '' : String(v);
  const cells = rows.map((r) => names.map((n) => cell((r as Record<string, unknown>)[n])));
  const width = names.map((n, j) => Math.max(n.length, ...cells.map((c) => (c[j] as string).length)));
  const line = (c: string[]): string => c.map((s, j) => (/^-?[\d.]+%?$/.test(s) ? s.padStart(width[j] as number) : s.padEnd(width[j] as number))).join('  ');
  return [line(names), width.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export const heading = (title: string): string => `\n${title}\n${'='.repeat(title.length)}`;
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
