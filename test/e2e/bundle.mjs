// The extension host must never run engine code (ARCHITECTURE.md: it only talks to the worker).
// esbuild's metafile of the extension bundle lists every source file that went into it, so an
// import that drags the engine in (directly, or through src/exercises' runner) is caught here.

import * as assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { ROOT } from '../../scripts/harness/server.mjs';

export function assertExtensionBundleHasNoEngine() {
  const { metafile } = buildSync({
    absWorkingDir: ROOT, entryPoints: ['src/extension/extension.ts'], bundle: true, platform: 'node',
    format: 'cjs', external: ['vscode'], write: false, metafile: true, outdir: 'unused', logLevel: 'silent',
  });
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.includes('src/extension/extension.ts'), 'the metafile lists the bundle\'s sources');
  const engine = inputs.filter((f) => f.startsWith('src/engine/') || f === 'src/exercises/runner.ts');
  assert.deepEqual(engine, [], 'the extension bundle holds no engine code');
  console.log(`[e2e] the extension bundle's ${inputs.length} sources hold no engine code`);
}
