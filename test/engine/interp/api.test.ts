// The run API the checker drives: runStatement results, evalExpression, evalCallArguments
// (annotation arguments), printed output, and SyntaxError results for broken statements.

import assert from 'node:assert/strict';
import { RunContext, withRunContext } from '../../../src/engine/context';
import { Interpreter, PyStr, parseModule, pyRepr } from '../../../src/engine/interp';

function fresh(source: string): Interpreter {
  const interp = new Interpreter();
  for (const s of parseModule(source).statements) interp.runStatement(s);
  return interp;
}

describe('interp: run API', () => {
  it('returns values only for expression statements', () => {
    const interp = new Interpreter();
    const [assign, exprStmt] = parseModule('x = 2\nx * 3\n').statements;
    assert.deepEqual(interp.runStatement(assign), { ok: true });
    const r = interp.runStatement(exprStmt);
    assert.ok(r.ok && r.value);
    assert.equal(pyRepr(r.value), '6');
    assert.equal(pyRepr(interp.globals.get('x')!), '2');
  });

  it('reports a broken statement as a SyntaxError result instead of running it', () => {
    const interp = new Interpreter();
    const [broken] = parseModule('y = (1,\n').statements;
    const r = interp.runStatement(broken);
    assert.ok(!r.ok);
    assert.equal(r.error.pyType, 'SyntaxError');
    assert.equal(r.error.message, "'(' was never closed");
  });

  it('evaluates annotation arguments in the module namespace', () => {
    const interp = fresh('scale = 2.0\ndef twice(v):\n    return [v, v]\n');
    const { args, kwargs } = interp.evalCallArguments('scale, twice(1), w=scale * 2, x=[1.0, 3.0]');
    assert.deepEqual(args.map(pyRepr), ['2.0', '[1, 1]']);
    assert.deepEqual([...kwargs].map(([k, v]) => `${k}=${pyRepr(v)}`), ['w=4.0', 'x=[1.0, 3.0]']);
    assert.equal(interp.globals.has('__gradlens_args__'), false);
    assert.throws(() => interp.evalCallArguments('w=, 2'), (e: Error) => e.name === 'SyntaxError');
  });

  it('evaluates expressions, optionally with extra names', () => {
    const interp = fresh('a = 10\n');
    assert.equal(pyRepr(interp.evalExpression('a + b', new Map([['b', interp.evalExpression('5')]]))), '15');
    assert.equal(pyRepr(interp.evalExpression('s * 2', new Map([['s', new PyStr('ab')]]))), "'abab'");
    assert.equal(interp.globals.has('b'), false);
    assert.throws(() => interp.evalExpression('nope'), (e: Error) => e.name === 'NameError');
  });

  it('collects printed lines across statements', () => {
    const interp = fresh('print("a", end="")\nprint("b")\nprint(1, 2, sep=", ")\n');
    assert.deepEqual(interp.output, ['ab', '1, 2']);
  });

  it('counts steps through the run context', () => {
    const ctx = new RunContext();
    withRunContext(ctx, () => fresh('for i in range(10):\n    pass\n'));
    // 1 for the `for` statement + 10 body statements + the call of `range` (a class: the call
    // and its constructor count one step each).
    assert.equal(ctx.steps, 13);
  });
});
