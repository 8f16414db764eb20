// src/engine is a pure library: it must run in a worker, a CLI or a browser alike. This test
// reads every engine source file and rejects imports of VS Code, Node built-ins or anything
// outside the engine but @lezer/*.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const engineRoot = path.join(__dirname, '..', '..', '..', 'src', 'engine');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('engine purity', () => {
  it('imports only its own modules and @lezer/*', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(engineRoot)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('@lezer/')) continue;
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (target.startsWith(engineRoot)) continue;
        }
        offenders.push(`${path.relative(engineRoot, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('does not touch DOM or Node globals', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(engineRoot)) {
      const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
      if (/\b(process\.|document\.|window\.|globalThis\.require|__dirname)/.test(text)) {
        offenders.push(path.relative(engineRoot, file));
      }
    }
    assert.deepEqual(offenders, []);
  });
});
