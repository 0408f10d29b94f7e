import * as esbuild from 'esbuild';
const entry = process.argv[2];
const r = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true, platform: 'neutral', mainFields: ['module', 'main'], resolveExtensions: ['.ts', '.js'], });
console.log('bytes', r.outputFiles[0].contents.length);
const by = {};
for (const [f, v] of Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs)) { const k = f.includes('node_modules') ? f.split('node_modules/')[1].split('/').slice(0, f.includes('node_modules/@') ? 2 : 1).join('/') : f.replace(/^.*src\//, 'src/').split('/').slice(0, 3).join('/'); by[k] = (by[k] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 25));
