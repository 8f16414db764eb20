import assert from 'node:assert/strict';
import { checkGradCall, runAnnotation } from '../../../src/engine/check/evaluate';
import { findAnnotations } from '../../../src/engine/check/annotations';
import { checkGradientNumerically } from '../../../src/engine/check/numeric';
import { NDArray } from '../../../src/engine/array/ndarray';
import { runContext } from '../../../src/engine/context';
import { PyFloat, lookupAttr } from '../../../src/engine/interp';
import { wrap } from '../../../src/engine/jax/array';
import { run } from './engine';

const HEADER = 'import jax\nimport jax.numpy as jnp\n';

/** Runs `src` and the finite-difference check of its last statement (a grad-family call). */
function checkLast(src: string) {
  const ran = run(src);
  const stmt = ran.parsed.statements[ran.parsed.statements.length - 1];
  const value = ran.values.get(stmt.range.start.line);
  assert.ok(value, `the last statement raised: ${ran.errors.get(stmt.range.start.line)?.message}`);
  return checkGradCall(ran.interp, stmt, value, ran.parsed);
}

describe('check/numeric: finite differences', () => {
  it('a correct gradient passes (tanh, closed form 1 - tanh²)', () => {
    const r = checkLast(HEADER + 'def f(x):\n    return jnp.sum(jnp.tanh(x) ** 2)\njax.grad(f)(jnp.array([0.3, -1.2, 2.0]))\n');
    assert.equal(r.finiteDifference?.ok, true);
    assert.equal(r.finiteDifference?.kink, undefined);
    assert.deepEqual(r.diagnostics, []);
  });

  it('pytrees: a dict argument and argnums=(0, 1)', () => {
    const src = HEADER +
      'def loss(p, x):\n    return jnp.sum((p["w"] * x + p["b"]) ** 2)\n' +
      'jax.grad(loss, argnums=(0, 1))({"w": jnp.array([1.0, -2.0]), "b": 0.5}, jnp.array([0.1, 0.4]))\n';
    assert.equal(checkLast(src).finiteDifference?.ok, true);
  });

  it('value_and_grad with has_aux checks the gradient of the first output', () => {
    const r = checkLast(HEADER + 'def f(x):\n    return jnp.sin(x) * x, 7\njax.value_and_grad(f, has_aux=True)(0.7)\n');
    assert.equal(r.finiteDifference?.ok, true);
  });

  it('a wrong gradient (twice the true one) is a mismatch', () => {
    // f(x) = x² at x = 3: the true gradient is 6; claim 12.
    const ran = run('def f(x):\n    return x * x\n');
    const fn = ran.interp.globals.get('f')!;
    const wrong = wrap(new NDArray('float32', [], Float32Array.of(12), true));
    const check = checkGradientNumerically({ fn, args: [new PyFloat(3)], argnums: 0, hasAux: false, gradient: wrong })!;
    assert.equal(check.report.ok, false);
    // along direction t the claim is 12t and the truth 6t: the error is 6|t|
    assert.ok(Math.abs(check.worst.claimed - 2 * check.worst.central) < 1e-6);
    assert.equal(check.sides, undefined);
    const right = wrap(new NDArray('float32', [], Float32Array.of(6), true));
    assert.equal(checkGradientNumerically({ fn, args: [new PyFloat(3)], argnums: 0, hasAux: false, gradient: right })!.report.ok, true);
  });

  it('abs at 0 is reported as a kink naming JAX\'s convention (d|x|/dx = 1 at 0), not a mismatch', () => {
    const r = checkLast(HEADER + 'jax.grad(jnp.abs)(0.0)\n');
    assert.ok(r.finiteDifference?.kink, 'kink reported');
    assert.match(r.finiteDifference!.kink!, /derivative of abs at 0 to be 1/);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity]), [['finite-difference-kink', 'information']]);
  });

  it('maximum at a tie is a kink (JAX splits the gradient ½ each)', () => {
    const r = checkLast(HEADER + 'def f(x, y):\n    return jnp.maximum(x, y)\njax.grad(f, argnums=(0, 1))(1.0, 1.0)\n');
    assert.match(r.finiteDifference?.kink ?? '', /half of the gradient/);
  });

  it('relu at 0 is a kink (JAX: derivative 0 at 0)', function () {
    const ran = run(HEADER);
    const nn = ran.modules.get('jax.nn')!();
    if (!lookupAttr(nn, 'relu')) this.skip(); // jax.nn.relu not in the jax layer yet
    const r = checkLast(HEADER + 'def f(x):\n    return jax.nn.relu(x)\njax.grad(f)(0.0)\n');
    assert.match(r.finiteDifference?.kink ?? '', /relu has derivative 0 at 0/);
  });

  it('away from the kink abs is smooth: no kink, agreement', () => {
    const r = checkLast(HEADER + 'jax.grad(jnp.abs)(-2.0)\n');
    assert.deepEqual(r.finiteDifference && { ok: r.finiteDifference.ok, kink: r.finiteDifference.kink }, { ok: true, kink: undefined });
  });
});

describe('check/numeric: custom rules', () => {
  const CUSTOM = (factor: string) => HEADER + [
    '@jax.custom_jvp',
    'def f(x):',
    '    return jnp.sin(x)',
    '',
    '@f.defjvp',
    'def f_jvp(primals, tangents):',
    '    (x,), (t,) = primals, tangents',
    `    return f(x), ${factor} * jnp.cos(x) * t`,
    '',
    'def loss(x):',
    '    return f(x) * 2.0',
    '',
    'jax.grad(loss)(0.5)',
  ].join('\n') + '\n';

  function customJvpAvailable(): boolean {
    const ran = run('import jax\n');
    return lookupAttr(ran.modules.get('jax')!(), 'custom_jvp') !== undefined;
  }

  it('a correct custom_jvp passes', function () {
    if (!customJvpAvailable()) this.skip(); // jax.custom_jvp is not in the jax layer yet
    const r = checkLast(CUSTOM('1.0'));
    assert.equal(r.finiteDifference?.ok, true);
  });

  it('a custom_jvp off by a factor 2 is flagged, with the custom rule as the suspect', function () {
    if (!customJvpAvailable()) this.skip();
    const r = checkLast(CUSTOM('2.0'));
    assert.equal(r.finiteDifference?.ok, false);
    assert.equal(r.diagnostics[0].code, 'finite-difference-mismatch');
    assert.match(r.diagnostics[0].message, /custom_jvp rule of f \(f\.defjvp\).*custom rule is the suspect/);
  });

  it('differentiating the custom_jvp function itself also names its rule', function () {
    if (!customJvpAvailable()) this.skip();
    const r = checkLast(CUSTOM('2.0').replace('jax.grad(loss)(0.5)', 'jax.grad(f)(0.5)'));
    assert.equal(r.finiteDifference?.ok, false);
    assert.match(r.diagnostics[0].message, /The gradient of f .*custom_jvp rule of f \(f\.defjvp\)/);
  });
});

describe('check/numeric: Jacobians', () => {
  it('jacrev and jacfwd of an elementwise function agree with finite differences', () => {
    for (const t of ['jacrev', 'jacfwd', 'jacobian']) {
      const r = checkLast(HEADER + `def f(x):\n    return jnp.sin(x) * x[0]\njax.${t}(f)(jnp.array([0.5, -1.0, 2.0]))\n`);
      assert.equal(r.finiteDifference?.ok, true, t);
    }
  });

  it('a Jacobian with a tuple output and two arguments', () => {
    const r = checkLast(HEADER + 'def f(a, b):\n    return a * b, jnp.exp(a)\njax.jacrev(f, argnums=(0, 1))(jnp.array([0.1, 0.2]), 3.0)\n');
    assert.equal(r.finiteDifference?.ok, true);
  });
});

describe('check/numeric: a wrong Jacobian', () => {
  it('J = 3I claimed for f(x) = 2x is a mismatch; 2I passes', () => {
    const ran = run(HEADER + 'def f(x):\n    return 2.0 * x\n');
    const fn = ran.interp.globals.get('f')!;
    const x = wrap(new NDArray('float32', [2], Float32Array.of(0.5, 1.5)));
    const jac = (d: number) => wrap(new NDArray('float32', [2, 2], Float32Array.of(d, 0, 0, d)));
    const check = (d: number) => checkGradientNumerically({ fn, args: [x], argnums: 0, hasAux: false, gradient: jac(d), kind: 'jacobian' })!;
    assert.equal(check(2).report.ok, true);
    assert.equal(check(3).report.ok, false);
  });
});

describe('check/numeric: side effects and recognition', () => {
  it('a function that prints prints once, not once per probe', () => {
    const ran = run(HEADER + 'def f(x):\n    print("called")\n    return x ** 2\njax.grad(f)(3.0)\n');
    const stmt = ran.parsed.statements[ran.parsed.statements.length - 1];
    const r = checkGradCall(ran.interp, stmt, ran.values.get(stmt.range.start.line)!, ran.parsed);
    assert.equal(r.finiteDifference?.ok, true);
    assert.deepEqual(ran.interp.output, ['called']);
    assert.equal(ran.interp.globals.has('print'), false);
  });

  it('recognises grad after `from jax import grad`, and ignores other statements', () => {
    assert.equal(checkLast('from jax import grad\nimport jax.numpy as jnp\ngrad(lambda x: jnp.sin(x))(1.0)\n').finiteDifference?.ok, true);
    assert.deepEqual(checkLast(HEADER + 'jnp.sin(1.0)\n'), { diagnostics: [] });
  });
});

describe('check/numeric: nan gradients and Jacobian annotations', () => {
  it('the jnp.where nan trap (SEMANTICS §2.7) is explained', () => {
    const r = checkLast(HEADER + 'def my_log(x):\n    return jnp.where(x > 0., jnp.log(x), 0.)\njax.grad(my_log)(0.)\n');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /0 × inf there gives nan/);
  });

  it('a # @jacobian annotation gets its Jacobian checked', () => {
    const src = HEADER + '# @jacobian x=jnp.array([0.5, 1.0])\ndef f(x):\n    return jnp.tanh(x) * 3.0\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { report, diagnostics } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual((report.result as { shape: number[] }).shape, [2, 2]);
    assert.equal(report.finiteDifference?.ok, true);
  });
});

describe('check/numeric: custom_vjp', () => {
  const SRC = (factor: string) => HEADER + [
    '@jax.custom_vjp',
    'def f(x):',
    '    return jnp.sin(x)',
    'def f_fwd(x):',
    '    return jnp.sin(x), jnp.cos(x)',
    'def f_bwd(c, g):',
    `    return (${factor} * c * g,)`,
    'f.defvjp(f_fwd, f_bwd)',
    'def loss(x):',
    '    return f(x) * 2.0',
    'jax.grad(loss)(0.5)',
  ].join('\n') + '\n';

  it('a correct rule passes; a rule off by a factor 2 is flagged, naming f.defvjp', function () {
    if (!lookupAttr(run('import jax\n').modules.get('jax')!(), 'custom_vjp')) this.skip(); // not in the jax layer yet
    assert.equal(checkLast(SRC('1.0')).finiteDifference?.ok, true);
    const r = checkLast(SRC('2.0'));
    assert.equal(r.finiteDifference?.ok, false);
    // d/dx 2 sin x = 2 cos x; the wrong rule claims twice that
    assert.match(r.diagnostics[0].message, /custom_vjp rule of f \(f\.defvjp\).*custom rule is the suspect/);
  });
});


describe('check/numeric: budgets', () => {
  it('the probes give back the steps and elements they used', () => {
    const ran = run(HEADER + 'def f(x):\n    return jnp.sum(jnp.sin(x) ** 2)\njax.grad(f)(jnp.ones(50))\n');
    const stmt = ran.parsed.statements[ran.parsed.statements.length - 1];
    const ctx = runContext();
    const before = { steps: ctx.steps, elements: ctx.totalElements, x64: ctx.x64 };
    const r = checkGradCall(ran.interp, stmt, ran.values.get(stmt.range.start.line)!, ran.parsed);
    assert.equal(r.finiteDifference?.ok, true);
    assert.deepEqual({ steps: ctx.steps, elements: ctx.totalElements, x64: ctx.x64 }, before);
  });
});
