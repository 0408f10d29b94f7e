import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
/** One script: summarize the shipped sample, fit BG/NBD, make a chart and an SQL query; prints JSON. */
const script = (ext: string): string => `
import * as cv from '${root}src/index${ext}';
import { readCsv } from '${root}src/node/index${ext}';
import { lorenzChart } from '${root}src/charts/index${ext}';
import { summarySql } from '${root}src/sql/index${ext}';
const tx = readCsv('${root}data/cdnow-sample.csv', { numeric: ['amount'] });
const s = cv.summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
const r = cv.fitBgNbd(s).params.r;
console.log(JSON.stringify({ n: s.length, r: Number(r.toFixed(4)), chart: lorenzChart(cv.abc(tx)).title, sql: summarySql({ dialect: 'duckdb', table: 't' }).startsWith('WITH') }));
`;
const want = { n: 2357, r: 0.2426, chart: 'Lorenz curve (Gini 0.631)', sql: true };

describe('the library runs unchanged in Deno and Bun (installed from npm)', () => {
  it('Deno', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cv-deno-')), 'main.ts');
    writeFileSync(file, script('.ts'));
    const out = execFileSync(join(root, 'node_modules/.bin/deno'), ['run', '--allow-read', '--allow-env', '--unstable-sloppy-imports', '--node-modules-dir=manual', '--no-lock', file], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(JSON.parse(out)).toEqual(want);
  }, 60_000);

  it('Bun', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cv-bun-')), 'main.ts');
    writeFileSync(file, script('.js'));
    const out = execFileSync(join(root, 'node_modules/.bin/bun'), ['run', file], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(want);
  }, 60_000);
});
