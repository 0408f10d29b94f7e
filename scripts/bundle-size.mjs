// npm run check:package measures what a browser bundle of the package costs (esbuild,
// minified, and gzipped): two functions from the published single-file build, the whole
// library, and the two functions from the module graph (what tree-shaking can reach).
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const cases = [
  ['two (dist)', "export { summarize, fitBgNbd } from './dist/index.js';"],
  ['all (dist)', "export * from './dist/index.js';"],
  ['two (modules)', "export { summarize } from './src/summary/summarize.ts'; export { fitBgNbd } from './src/models/bgNbd/fit.ts';"],
];
for (const [name, code] of cases) {
  const r = await esbuild.build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', mainFields: ['module', 'main'] });
  const b = r.outputFiles[0].contents;
  console.log(name, (b.length / 1024).toFixed(0), 'KB min', (gzipSync(b).length / 1024).toFixed(0), 'KB gzip');
}
