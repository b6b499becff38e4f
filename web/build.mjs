// Bundles the dashboard into one folder that `roost serve` loads into
// memory: index.html, app.js (every module and uPlot), app.css, their
// source maps and licenses.txt.
//   node web/build.mjs OUT_DIR
// Nothing is fetched at run time: the bundle holds every byte it needs.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node web/build.mjs OUT_DIR');
  process.exit(2);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: path.join(here, 'src', 'main.js') },
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  outdir: out,
  logLevel: 'warning',
});
await copyFile(path.join(here, 'index.html'), path.join(out, 'index.html'));
// The bundle carries uPlot's code, so it carries uPlot's licence too.
const require = createRequire(import.meta.url);
const uplotLicense = await readFile(path.join(path.dirname(require.resolve('uplot/package.json')), 'LICENSE'), 'utf8');
await writeFile(path.join(out, 'licenses.txt'), `The Roost dashboard bundles uPlot (https://github.com/leeoniya/uPlot):\n\n${uplotLicense}`);
