// Bundles the three entry points. The engine is bundled into each of them: the worker and the
// CLI run it, the extension host never does (it only talks to the worker).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'src/extension/extension.ts', out: 'extension' },
  { in: 'src/worker/worker.ts', out: 'worker' },
  { in: 'src/cli/cli.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

const options = {
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The CLI is an executable script: it gets a shebang line of its own.
const builds = entries.map((e) => ({
  ...options,
  entryPoints: [e],
  banner: e.out === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
}));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
