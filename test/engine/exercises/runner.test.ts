// The test runner's plumbing, comparison and mistake detection, driven by a stand-in engine
// (fakeEngine.ts) that models learners' functions in TypeScript. The values those models return
// are computed here from the exercise's mathematics, independently of the catalog's code.

import assert from 'node:assert/strict';
import { parser } from '@lezer/python';
import { exerciseById } from '../../../src/exercises/catalog';
import { compareTree } from '../../../src/exercises/compare';
import { USES_GRAD, callingInsteadOfPassing } from '../../../src/exercises/mistakes';
import { buildTestSource, runExercise, TEST_JNP } from '../../../src/exercises/runner';
import { codeOnly } from '../../../src/exercises/source';
import type { Exercise } from '../../../src/exercises/types';
import { f32, fakeEngine, range, tupleOf } from './fakeEngine';
import type { Literal } from './pyLiteral';

const quadratic = exerciseById('grad_of_quadratic') as Exercise;
const WITH_GRAD = 'import jax\nimport jax.numpy as jnp\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(lambda w: jnp.sum((w * x + b) ** 2))(float(w))\n';
const CLOSED_FORM = 'import jax.numpy as jnp\n\ndef grad_of_quadratic(w, b, x):\n    """Not with jax.grad(...)."""\n    # jax.grad would be nicer\n    return jnp.sum(2 * (w * x + b) * x)\n';

const xs = (a: Record<string, Literal>) => a.x as number[];
const num = (v: Literal) => v as number;
/** d/dw and d/db of Σ (w·xᵢ + b)², written out here. */
const dW = (a: Record<string, Literal>) => xs(a).reduce((s, xi) => s + 2 * (num(a.w) * xi + num(a.b)) * xi, 0);
const dB = (a: Record<string, Literal>) => xs(a).reduce((s, xi) => s + 2 * (num(a.w) * xi + num(a.b)), 0);

const NON_SCALAR =
  'Gradient only defined for scalar-output functions. Output had shape: (2,). To get the gradient, reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.';

function mistakeIds(result: ReturnType<typeof runExercise>): string[] {
  return result.mistakes.map((m) => m.id);
}

describe('exercises: the test runner', () => {
  it('appends one parseable call per test after the learner\'s lines', () => {
    for (const user of ['x = 1\n', 'x = 1']) {
      const built = buildTestSource(quadratic, user);
      assert.equal(built.userLines, 1);
      const lines = built.source.split('\n');
      assert.equal(lines[0], 'x = 1');
      assert.equal(lines[1], `import jax.numpy as ${TEST_JNP}`);
      assert.equal(built.testLines.length, quadratic.examples.length + quadratic.hiddenTests.length);
      for (const line of built.testLines) assert.ok(lines[line - 1].startsWith('grad_of_quadratic(w='), lines[line - 1]);
      assert.equal(lines[built.testLines[0] - 1], `grad_of_quadratic(w=0.0, b=1.0, x=${TEST_JNP}.array([1.0, 2.0]))`);
      let errors = 0;
      parser.parse(built.source).iterate({ enter: (n) => void (n.type.isError && errors++) });
      assert.equal(errors, 0);
    }
  });

  it('passes a correct solution that uses jax.grad', () => {
    const engine = fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dW(a)) }));
    const result = runExercise(quadratic, WITH_GRAD, { check: engine });
    assert.equal(engine.sources.length, 1);
    assert.ok(result.outcomes.every((o) => o.status === 'passed'), JSON.stringify(result.outcomes.filter((o) => o.status !== 'passed')));
    assert.equal(result.passed, true);
    assert.deepEqual(result.mistakes, []);
    assert.deepEqual(result.fileErrors, []);
    assert.equal(result.outcomes[0].call, 'grad_of_quadratic(w=0.0, b=1.0, x=jnp.array([1.0, 2.0]))');
    assert.equal(result.outcomes[0].expected, '6.0');
    assert.equal(result.outcomes.filter((o) => o.visible).length, quadratic.examples.length);
  });

  it('fails right numbers computed without jax.grad (mentions in comments and strings do not count)', () => {
    const result = runExercise(quadratic, CLOSED_FORM, { check: fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dW(a)) })) });
    assert.ok(result.outcomes.every((o) => o.status === 'passed'));
    assert.equal(result.passed, false);
    assert.deepEqual(mistakeIds(result), ['not-using-api']);
  });

  it('recognises the gradient with respect to b', () => {
    const result = runExercise(quadratic, WITH_GRAD, { check: fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dB(a)) })) });
    assert.equal(result.passed, false);
    const first = result.outcomes[0];
    assert.equal(first.status, 'failed');
    assert.equal(first.reason, 'expected 6.0, got 4.0');
    assert.ok(mistakeIds(result).includes('wrong-argument'));
    assert.ok(!mistakeIds(result).includes('per-element-derivatives'));
  });

  it('recognises a non-scalar loss from the error JAX raises', () => {
    const engine = fakeEngine('grad_of_quadratic', () => ({ error: { type: 'TypeError', message: NON_SCALAR } }));
    const result = runExercise(quadratic, WITH_GRAD, { check: engine });
    assert.ok(result.outcomes.every((o) => o.status === 'error' && o.error?.type === 'TypeError'));
    assert.deepEqual(mistakeIds(result), ['non-scalar-output']);
    assert.deepEqual(result.fileErrors, [], 'errors raised by test calls are not file errors');
  });

  it('recognises per-element derivatives by their shape (n,)', () => {
    const engine = fakeEngine('grad_of_quadratic', (a) => ({ value: f32(xs(a).map((xi) => 2 * (num(a.w) * xi + num(a.b)) * xi)) }));
    const result = runExercise(quadratic, WITH_GRAD, { check: engine });
    assert.match(result.outcomes[0].reason ?? '', /expected shape \(\), got shape \(2,\)/);
    assert.ok(mistakeIds(result).includes('per-element-derivatives'));
  });

  it('recognises calling instead of passing, from the error and from the code', () => {
    const source = 'import jax\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(loss(w, b, x))\n';
    const engine = fakeEngine('grad_of_quadratic', (a) => ({ error: { type: 'TypeError', message: `Expected a callable value, got ${dW(a)}` } }));
    assert.deepEqual(mistakeIds(runExercise(quadratic, source, { check: engine })), ['call-instead-of-function']);
  });

  it('recognises an integer input only where it occurs, and a single failure fails the run', () => {
    // The 'integer-w' test is the only one with w = 2 and two points (the reader cannot tell 2 from 2.0).
    const engine = fakeEngine('grad_of_quadratic', (a) =>
      a.w === 2 && xs(a).length === 2
        ? { error: { type: 'TypeError', message: 'grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got int32. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.' } }
        : { value: f32(dW(a)) },
    );
    const result = runExercise(quadratic, WITH_GRAD, { check: engine });
    const failing = result.outcomes.filter((o) => o.status !== 'passed').map((o) => o.id);
    assert.deepEqual(failing, ['integer-w']);
    assert.equal(result.passed, false);
    assert.deepEqual(mistakeIds(result), ['integer-input']);
  });

  it("separates errors in the learner's own code; a call with no value and no error returned None", () => {
    const own = { severity: 'error' as const, code: 'python-error', errorType: 'NameError', message: "name 'y' is not defined", range: range(2) };
    const engine = fakeEngine('no_such_function', () => ({ value: f32(0) }), [own]);
    const result = runExercise(quadratic, WITH_GRAD, { check: engine });
    assert.deepEqual(result.fileErrors, [own]);
    for (const o of result.outcomes) {
      assert.equal(o.status, 'failed');
      assert.equal(o.got, 'None');
      assert.equal(o.reason, 'expected a scalar, got None: does the function return its result?');
    }
    assert.equal(result.passed, false);
  });

  it('recognises a missing entry point and renamed parameters', () => {
    const missing = fakeEngine('grad_of_quadratic', () => ({ error: { type: 'NameError', message: "name 'grad_of_quadratic' is not defined" } }));
    assert.deepEqual(mistakeIds(runExercise(quadratic, WITH_GRAD, { check: missing })), ['missing-function']);
    const def = { name: 'grad_of_quadratic', line: 4, range: range(4), params: ['w', 'b', 'xs'], transformed: false };
    const renamed = fakeEngine(
      'grad_of_quadratic',
      () => ({ error: { type: 'TypeError', message: "grad_of_quadratic() got an unexpected keyword argument 'x'" } }),
      [],
      [def],
    );
    assert.deepEqual(mistakeIds(runExercise(quadratic, WITH_GRAD, { check: renamed })), ['signature-differs']);
    const fine = fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dB(a)) }), [], [{ ...def, params: ['w', 'b', 'x'] }]);
    assert.ok(!mistakeIds(runExercise(quadratic, WITH_GRAD, { check: fine })).includes('signature-differs'));
  });

  it('points at a syntax error when no test could run', () => {
    const broken = { severity: 'error' as const, code: 'syntax-error', errorType: 'SyntaxError', message: "'(' was never closed", range: range(5) };
    const result = runExercise(quadratic, WITH_GRAD, { check: fakeEngine('no_such_function', () => ({ value: f32(0) }), [broken]) });
    assert.ok(result.outcomes.every((o) => o.status === 'not-run' && o.reason === 'not run: fix the syntax error on line 5 first'));
  });

  it("flags a run whose engine reported an internal error", () => {
    const bug = { severity: 'error' as const, code: 'internal-error', errorType: 'InternalError', message: 'Grad Lens internal error: x is undefined', range: range(2) };
    const result = runExercise(quadratic, WITH_GRAD, { check: fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dW(a)) }), [bug]) });
    assert.equal(result.internalError, 'Grad Lens internal error: x is undefined');
    assert.equal(runExercise(quadratic, WITH_GRAD, { check: fakeEngine('grad_of_quadratic', (a) => ({ value: f32(dW(a)) })) }).internalError, undefined);
  });

  it('reports an engine failure as an internal error, judging nothing', () => {
    const result = runExercise(quadratic, WITH_GRAD, {
      check: () => {
        throw new Error('boom');
      },
    });
    assert.equal(result.internalError, 'boom');
    assert.equal(result.passed, false);
    assert.ok(result.outcomes.every((o) => o.status === 'not-run'));
  });

  it('recognises overflow and the kink at 0 in the softplus exercise', () => {
    const ex = exerciseById('custom_jvp') as Exercise;
    const source = 'import jax\n@jax.custom_jvp\ndef softplus(x): ...\n@softplus.defjvp\ndef j(p, t): ...\n';
    const naive = fakeEngine('softplus_value_and_grad', (a) => {
      const x = a.x as number[];
      const f32exp = (t: number) => (Math.exp(t) > 3.4028234663852886e38 ? Infinity : Math.exp(t));
      return { value: tupleOf(f32(x.reduce((s, t) => s + Math.log1p(f32exp(t)), 0)), f32(x.map((t) => f32exp(t) / (1 + f32exp(t))))) };
    });
    const naiveResult = runExercise(ex, source, { check: naive });
    assert.deepEqual(mistakeIds(naiveResult), ['overflow']);
    const kinked = fakeEngine('softplus_value_and_grad', (a) => {
      const x = a.x as number[];
      const sp = (t: number) => Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
      return { value: tupleOf(f32(x.reduce((s, t) => s + sp(t), 0)), f32(x.map((t) => (t === 0 ? 0 : 1 / (1 + Math.exp(-t)))))) };
    });
    const kinkResult = runExercise(ex, source, { check: kinked });
    assert.deepEqual(kinkResult.outcomes.filter((o) => o.status !== 'passed').map((o) => o.id), ['at-zero', 'zeros']);
    assert.deepEqual(mistakeIds(kinkResult), ['kink-at-zero']);
  });

  it('recognises vmap mapping the shared weights', () => {
    const ex = exerciseById('per_example_grads') as Exercise;
    const engine = fakeEngine('per_example_grads', () => ({
      error: { type: 'ValueError', message: 'vmap got inconsistent sizes for array axes to be mapped:\n  * one axis had size 2: axis 0 of argument w of type float32[2];\n  * one axis had size 3: axis 0 of argument x of type float32[3,2]' },
    }));
    assert.deepEqual(mistakeIds(runExercise(ex, 'import jax\njax.vmap\n', { check: engine })), ['mapped-weights']);
  });
});

describe('exercises: comparing results', () => {
  const tol = { rtol: 1e-5, atol: 1e-6 };

  it('accepts values within atol + rtol·|expected| and rejects beyond', () => {
    assert.ok(compareTree(f32(100.0009), { array: 100 }, tol).ok);
    assert.equal(compareTree(f32(100.002), { array: 100 }, tol).ok, false);
    assert.ok(compareTree({ python: 'float', value: 6 }, { array: 6 }, tol).ok, 'a Python float for a scalar');
  });

  it('matches nan with nan and infinities exactly', () => {
    assert.ok(compareTree(f32([NaN, Infinity]), { array: [NaN, Infinity] }, tol).ok);
    assert.equal(compareTree(f32([NaN]), { array: [1] }, tol).ok, false);
  });

  it('asks about a missing return when the result is None', () => {
    assert.equal(
      compareTree({ python: 'NoneType', value: null, repr: 'None' }, { tuple: [{ array: 1 }, { array: 2 }] }, tol).reason,
      'expected a tuple of 2, got None: does the function return its result?',
    );
  });

  it('says where an array differs and how many entries', () => {
    const c = compareTree(f32([[1, 2], [3, 5]]), { array: [[1, 2], [3, 4]] }, tol);
    assert.equal(c.reason, 'expected 4.0 at [1, 1], got 5.0 (1 of 4 entries differ)');
  });

  it('checks containers: tuple or list, dict keys, nesting paths', () => {
    assert.ok(compareTree({ list: [f32(1), f32(2)] }, { tuple: [{ array: 1 }, { array: 2 }] }, tol).ok);
    assert.equal(compareTree(f32(1), { tuple: [{ array: 1 }, { array: 2 }] }, tol).reason, 'expected a tuple of 2, got an array of shape ()');
    assert.equal(
      compareTree({ dict: { w: f32([1]), c: f32(0) } }, { dict: { w: { array: [1] }, b: { array: 0 } } }, tol).reason,
      'expected a dict with keys w, b, got a dict with keys w, c',
    );
    assert.equal(
      compareTree({ dict: { w: f32([1, 3]), b: f32(0) } }, { dict: { w: { array: [1, 2] }, b: { array: 0 } } }, tol).reason,
      "['w']: expected 2.0 at [1], got 3.0 (1 of 2 entries differ)",
    );
  });

  it('checks a dtype only when the expected value names one, and rejects float0 and complex', () => {
    assert.ok(compareTree(f32(1, 'float16'), { array: 1 }, tol).ok);
    assert.equal(compareTree(f32(1, 'int32'), { array: 1, dtype: 'float32' }, tol).reason, 'expected dtype float32, got int32');
    assert.equal(
      compareTree({ value: null, dtype: 'float0', shape: [], container: 'numpy.ndarray', repr: '' }, { array: 0 }, tol).ok,
      false,
    );
    assert.equal(compareTree({ value: { re: 1, im: 1 }, dtype: 'complex64', shape: [], weak_type: false, repr: '' }, { array: 1 }, tol).ok, false);
  });
});

describe('exercises: source patterns', () => {
  it('removes comments and strings, keeping offsets', () => {
    const src = 'x = 1  # jax.grad\ns = "jax.grad"\n';
    const code = codeOnly(src);
    assert.equal(code.length, src.length);
    assert.doesNotMatch(code, /grad/);
    assert.match(code, /^x = 1 /);
  });

  it('knows jax.grad when it sees it', () => {
    for (const yes of ['jax.grad(f)', 'from jax import grad\ng = grad(f)', 'jax . grad']) assert.match(yes, USES_GRAD, yes);
    for (const no of ['jax.value_and_grad(f)', 'grad_of_quadratic(w)', 'my_grad(f)', 'grad = 3']) assert.doesNotMatch(no, USES_GRAD, no);
  });

  it('spots a call passed to jax.grad but not a wrapped function', () => {
    const pattern = (callingInsteadOfPassing('grad').detect[1] as { pattern: RegExp }).pattern;
    assert.match('jax.grad(loss(w, b, x))', pattern);
    assert.match('grad( f (x))', pattern);
    for (const no of ['jax.grad(loss)(w, b, x)', 'jax.grad(partial(loss, b=b))', 'jax.grad(jax.jit(loss))', 'jax.grad(lambda w: loss(w))']) {
      assert.doesNotMatch(no, pattern, no);
    }
  });
});
