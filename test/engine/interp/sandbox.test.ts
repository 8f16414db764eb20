// Budgets and the outside world: runaway loops end with BudgetExceeded, deep recursion with
// RecursionError (never a JS stack overflow), and code that would touch the machine is refused.

import assert from 'node:assert/strict';
import { errorOf, run } from './helpers';

describe('interp: budgets and sandbox', () => {
  it('stops `while True: pass` with BudgetExceeded quickly', () => {
    const start = Date.now();
    assert.match(errorOf('while True: pass', { limits: { maxSteps: 200_000 } }), /^BudgetExceeded: Grad Lens stopped this code after 200,000 steps/);
    assert.ok(Date.now() - start < 2000);
  });

  it('user code cannot swallow the budget error', () => {
    const src = 'n = 0\ntry:\n    while True:\n        n += 1\nexcept:\n    pass\n';
    assert.match(errorOf(src, { limits: { maxSteps: 10_000 } }), /^BudgetExceeded/);
  });

  it('deep recursion is a RecursionError at maxDepth, also with a large maxDepth', () => {
    assert.equal(errorOf('def r(n): return r(n + 1)\nr(0)', { limits: { maxDepth: 50 } }), 'RecursionError: maximum recursion depth exceeded');
    // With a limit too large for the JS stack, the JS RangeError becomes a RecursionError too.
    assert.equal(errorOf('def r(n): return 1 + r(n + 1)\nr(0)', { limits: { maxDepth: 10_000_000 } }), 'RecursionError: maximum recursion depth exceeded');
  });

  it('a caught RecursionError leaves the interpreter usable', () => {
    const o = run('def r(n): return r(n + 1)\ntry:\n    r(0)\nexcept RecursionError:\n    ok = "caught"\nok\n');
    assert.equal(o.last, "'caught'");
  });

  it('refuses modules and builtins that touch the outside world', () => {
    for (const m of ['os', 'sys', 'subprocess', 'socket', 'shutil', 'pathlib']) {
      assert.equal(errorOf(`import ${m}`), `ModuleNotFoundError: Grad Lens does not run code that touches the outside world: module '${m}' is not available`);
    }
    assert.equal(errorOf('from os import path'), "ModuleNotFoundError: Grad Lens does not run code that touches the outside world: module 'os' is not available");
    for (const b of ['open', 'eval', 'exec', 'compile', '__import__', 'input']) {
      assert.equal(errorOf(`${b}("x")`), `NameError: Grad Lens does not run code that touches the outside world: '${b}' is not available`);
    }
    assert.equal(errorOf('import numpyy'), "ModuleNotFoundError: No module named 'numpyy'");
    assert.equal(errorOf('globals()'), 'NotImplementedError: Grad Lens does not evaluate `globals()` yet');
  });

  it('unsupported constructs raise NotImplementedError naming the construct, and the file goes on', () => {
    const o = run('def gen():\n    print("never")\n    yield 1\ngen()\nasync def f():\n    pass\nz = 1\nz\n');
    const messages = o.results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.pyType}: ${r.error.message}`));
    assert.deepEqual(messages, [
      'NotImplementedError: Grad Lens does not evaluate generators (`yield`) yet',
      'NotImplementedError: Grad Lens does not evaluate `async` functions yet',
    ]);
    assert.equal(o.last, '1');
    assert.deepEqual(o.output, []);
    assert.equal(errorOf('match 1:\n    case 1:\n        pass\n'), 'NotImplementedError: Grad Lens does not evaluate `match` statements yet');
    assert.equal(errorOf('b"x"'), 'NotImplementedError: Grad Lens does not evaluate bytes literals yet');
  });
});
