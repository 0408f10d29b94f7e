// npm run check:package measures what a browser bundle of the built package costs: esbuild
// resolves 'customer-value' through package.json's exports (the ESM build, one file per
// module) and tree-shakes; minified and gzipped sizes.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const cases = [
  ['summarize + fitBgNbd', "export { summarize, fitBgNbd } from 'customer-value';"],
  ['summarize', "export { summarize } from 'customer-value';"],
  ['the whole library', "export * from 'customer-value';"],
  ['customer-value/charts', "export * from 'customer-value/charts';"],
  ['customer-value/sql', "export * from 'customer-value/sql';"],
];
for (const [name, code] of cases) {
  const r = await esbuild.build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', mainFields: ['module', 'main'] });
  const b = r.outputFiles[0].contents;
  console.log(name, (b.length / 1024).toFixed(0), 'KB min', (gzipSync(b).length / 1024).toFixed(0), 'KB gzip');
}
