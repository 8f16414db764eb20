// Robustness: a live editor parses every prefix of what the user types. Parsing must never
// throw, for every prefix of every reference snippet and of a file using most of the subset;
// every intact statement converts to an AST, every broken one carries its SyntaxError.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModule } from '../../../src/engine/syntax';

const SUBSET = `
import jax.numpy as jnp
from functools import partial as p
@p(f, 1)
def loss(w, b=1., *xs, k=None, **kw) -> float:
    """doc"""
    global g
    total = 0.0
    for i, (a, *rest) in enumerate(zip(xs, range(3))):
        if i % 2 == 0 and not a: continue
        elif a is None: break
        else: total += a ** 2 / 3. - (-i // 2)
    while total > 1e3: total -= 1
    else: pass
    try:
        assert total >= 0, f"neg {total!r:>10.3f} {{x}}"
    except (ValueError, TypeError) as e:
        raise RuntimeError("bad") from e
    finally:
        del kw["x"], xs
    y = [v * 2 for v in xs if v] + list({k: v for k, v in kw.items()}) + [*xs]
    z = lambda q, *r, **s: q if r else s
    return x[1:2, ::3, ...], {1, 2}, {"a": 1, **kw}, y[-1], z(1)
class C(object):
    def m(self): return super().m()
`;

function corpusSnippets(): string[] {
  const file = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'jax-reference', 'cases-public.jsonl');
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).code as string);
  } catch {
    return [];
  }
}

describe('syntax: robustness while typing', () => {
  it('never throws on any prefix, and classifies every statement', function () {
    this.timeout(120_000);
    const sources = [SUBSET, ...corpusSnippets()];
    let parsed = 0;
    for (const src of sources) {
      for (let n = 0; n <= src.length; n += src === SUBSET ? 1 : 3) {
        const m = parseModule(src.slice(0, n));
        for (const s of m.statements) {
          assert.equal(s.intact, s.stmt !== null);
          if (!s.intact) assert.ok(s.syntaxError, `no SyntaxError for a broken statement in:\n${src.slice(0, n)}`);
        }
        parsed++;
      }
    }
    assert.ok(parsed > 1000);
  });

  it('parses the whole subset file without errors', () => {
    const m = parseModule(SUBSET);
    assert.deepEqual(m.syntaxErrors, []);
    assert.ok(m.statements.every((s) => s.intact));
  });
});
