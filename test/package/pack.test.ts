import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });

// Packs the package (prepack builds it), installs the tarball in an empty folder and uses it
// the way a user would, with import and with require.
describe('the packed tarball', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'customer-value-pack-'));
    npm(['pack', '--pack-destination', dir], root);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tgz as string)], dir);
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const script = `
    const s = cv.summarize([{ customerId: 'a', date: '2024-01-01', amount: 10 }, { customerId: 'a', date: '2024-01-08', amount: 5 }], { unit: 'week' });
    console.log(JSON.stringify({ f: s.frequency[0], r: s.recency[0], err: typeof cv.CustomerValueError, csv: typeof node.readCsv }));`;

  it('can be imported (ESM)', () => {
    writeFileSync(join(dir, 'esm.mjs'), `import * as cv from 'customer-value'; import * as node from 'customer-value/node';${script}`);
    const out = execFileSync(process.execPath, ['esm.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ f: 1, r: 1, err: 'function', csv: 'function' });
  });

  it('can be required (CommonJS)', () => {
    writeFileSync(join(dir, 'cjs.cjs'), `const cv = require('customer-value'); const node = require('customer-value/node');${script}`);
    const out = execFileSync(process.execPath, ['cjs.cjs'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ f: 1, r: 1, err: 'function', csv: 'function' });
  });

  it('installs the customer-value command (bin), which runs', () => {
    const out = execFileSync(join(dir, 'node_modules/.bin/customer-value'), ['summarize', join(root, 'data/cdnow-sample.csv'), '--compressed'], { cwd: dir, encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe('frequency,recency,T,count');
    expect(out.trim().split('\n').length).toBeGreaterThan(100);
  });

  it('has a core that imports no Node built-in: every ESM module outside node/, and the CommonJS bundles', () => {
    const dist = join(dir, 'node_modules/customer-value/dist');
    const esm = (readdirSync(join(dist, 'esm'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js') && !f.startsWith('node'));
    expect(esm.length).toBeGreaterThan(100); // one file per module, so bundlers drop the unused ones
    const allowed = Object.keys((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    for (const f of [...esm.map((e) => join('esm', e)), 'index.cjs', 'sql.cjs', 'charts.cjs']) {
      // comments left out: prose such as "the purchase process." is not a use of process
      const code = readFileSync(join(dist, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const imports = [...code.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string).filter((m) => !m.startsWith('.'));
      // only the package's own dependencies (zod, simple-statistics, date-fns): no Node built-in
      expect(imports.every((m) => allowed.some((d) => m === d || m.startsWith(`${d}/`))), `${f} imports ${imports.join(', ')}`).toBe(true);
      expect(code).not.toMatch(/\bprocess\./);
    }
  });
});
