import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../src/charts/index.js';
import { parseCsvText } from '../src/node/readCsv.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const notebooks = join(root, 'notebooks');
/** The package's specifiers, as the notebooks write them, pointed at this checkout's source. */
const local = (code: string, ext: string): string =>
  code
    .replaceAll("'npm:customer-value/node'", `'${root}src/node/index${ext}'`)
    .replaceAll("'npm:customer-value/charts'", `'${root}src/charts/index${ext}'`)
    .replaceAll("'npm:customer-value'", `'${root}src/index${ext}'`)
    .replaceAll('"npm:customer-value/charts"', `"${root}src/charts/index${ext}"`)
    .replaceAll('"npm:customer-value"', `"${root}src/index${ext}"`);

describe('the notebooks run as they are', () => {
  it("the Deno notebook's code cells run in Deno (from npm) against this checkout and print FHL's BG/NBD estimates", () => {
    const nb = JSON.parse(readFileSync(join(notebooks, 'cdnow.ipynb'), 'utf8')) as { metadata: { kernelspec: { name: string } }; cells: Array<{ cell_type: string; source: string[] }> };
    expect(nb.metadata.kernelspec.name).toBe('deno');
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n\n');
    const file = join(mkdtempSync(join(tmpdir(), 'cv-nb-')), 'notebook.ts');
    writeFileSync(file, local(code, '.ts'));
    const out = execFileSync(join(root, 'node_modules/.bin/deno'), ['run', '--allow-read', '--allow-env', '--unstable-sloppy-imports', '--node-modules-dir=manual', '--no-lock', file], { cwd: notebooks, encoding: 'utf8', env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } });
    expect(out).toMatch(/2357 customers/);
    expect(out).toMatch(/BG\/NBD \{ r: 0\.2426, alpha: 4\.4136, a: 0\.7929, b: 2\.4259 \}/);
    for (const title of ['RFM segments', 'Lorenz curve', 'Holdout purchases by calibration purchases', 'P(alive) by frequency and recency', 'CLV distribution']) expect(out).toContain(`[chart] ${title}`);
  }, 120_000);

  it("the Observable page's js cells run with Framework's FileAttachment, display and vl stood in for", async () => {
    const page = readFileSync(join(notebooks, 'cdnow-observable.md'), 'utf8');
    const cells = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(cells.length).toBe(4);
    const shown: unknown[] = [];
    const g = globalThis as Record<string, unknown>;
    g.display = (x: unknown) => shown.push(x);
    g.vl = { render: async ({ spec }: { spec: VegaLiteSpec }) => spec };
    g.FileAttachment = (path: string) => ({
      csv: async () => {
        const [head, ...rows] = parseCsvText(readFileSync(join(notebooks, path), 'utf8'));
        return rows.map((r) => Object.fromEntries(head!.map((h, j) => [h, r[j]])));
      },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'cv-obs-')), 'page.ts');
    writeFileSync(file, `${local(cells.join('\n'), '.js')}\nexport {};\n`);
    await import(pathToFileURL(file).href);
    expect(shown).toContain('2357 customers');
    expect(shown).toContain('BG/NBD r = 0.243, alpha = 4.414, a = 0.793, b = 2.426');
    expect(shown.filter((x) => typeof x === 'object' && x !== null && '$schema' in x).length).toBe(4);
    for (const k of ['display', 'vl', 'FileAttachment']) delete g[k];
  });
});
