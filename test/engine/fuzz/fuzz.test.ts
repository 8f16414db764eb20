// Interpreter fuzzing (issue #7): generated programs and mutations of the examples and the
// corpus must never raise an internal error or let a JS exception escape, must finish within
// a small factor of their step budget's time, and must give the same report again on a
// reused engine. A fixed seed and a small count here; scripts/fuzz.mjs runs it long.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { program } from './grammar';
import { budgetTimeMs, checkCase, run, problemsOf } from './harness';
import { HOSTILE, mutated, seedPrograms } from './mutate';

const COUNT = Number(process.env.GRADLENS_FUZZ_TEST_COUNT ?? 15);
const SEED = 7;

describe('interpreter fuzzing', function () {
  this.timeout(60_000);
  // Generous in a test run (the machine may be busy): 30x the time of a run that spends its
  // whole step budget, plus a second for parsing and finite differences.
  let maxMs = 0;
  before(() => {
    maxMs = 30 * budgetTimeMs() + 1000;
  });

  const check = (arb: fc.Arbitrary<string>) =>
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const { problems } = checkCase(a, b, maxMs);
        assert.deepEqual(problems, [], `program:\n${a}`);
      }),
      { seed: SEED, numRuns: COUNT, endOnFailure: true },
    );

  it('programs from the grammar of the supported subset', () => check(program));
  it('mutations of the examples and the corpus snippets', () => check(mutated(seedPrograms())));

  it('each hostile fragment alone (huge literals, deep nesting, endless loops)', () => {
    for (const h of HOSTILE) {
      const src = `import jax\nimport jax.numpy as jnp\nx = 1.0\n${h}\n`;
      assert.deepEqual(problemsOf(src, run(src), maxMs), [], src.slice(0, 200));
    }
  });
});

describe('state across runs on a reused engine (found by fuzzing)', () => {
  it('function addresses in reprs do not depend on what ran before', () => {
    // A, then B, then A: the repr of A's function must not change (it did: object ids came
    // from one counter shared by every run).
    const a = 'def f(x):\n    return x\nf\n';
    const first = run(a).report!.values[0].repr;
    run('def g():\n    pass\ng\nid(g)\nclass C:\n    pass\nC()\n');
    assert.equal(run(a).report!.values[0].repr, first);
    assert.match(first, /^<function f at 0x[0-9a-f]{12}>$/);
  });
});
