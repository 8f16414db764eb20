// lax control flow with abstract control values (under jit and vmap) and its derivatives.
// Oracles: closed forms (2^k doubling, x^n, branch formulas) and JAX's documented rules:
// batched cond selects per example, while_loop is forward- but not reverse-differentiable,
// fori_loop with static bounds is reverse-differentiable (it lowers to scan).
import * as assert from 'node:assert/strict';
import { pyRepr } from '../../../src/engine/interp/protocol';
import { runPython } from './run';

const PRE = 'import jax\nimport jax.numpy as jnp\nfrom jax import lax\n';

function ok(src: string): string {
  const r = runPython(PRE + src);
  if (r.error) assert.fail(`unexpected ${r.error.pyType}: ${r.error.message}`);
  return pyRepr(r.value!);
}

describe('lax control flow with abstract control values', () => {
  it('cond under jit takes the branch the runtime predicate selects', () => {
    const f = 'f = jax.jit(lambda x: lax.cond(x > 0, lambda y: y * 2, lambda y: -y, x))\n';
    assert.equal(ok(f + '(f(3.0), f(-3.0))\n'), '(Array(6., dtype=float32, weak_type=True), Array(3., dtype=float32, weak_type=True))');
  });

  it('cond under vmap selects per example; its gradient is the taken branch\'s', () => {
    const f = 'f = lambda x: lax.cond(x > 0, lambda y: y * y, lambda y: -3.0 * y, x)\n';
    assert.equal(ok(f + 'jax.vmap(f)(jnp.array([2.0, -2.0]))\n'), 'Array([4., 6.], dtype=float32)');
    assert.equal(ok(f + 'jax.vmap(jax.grad(f))(jnp.array([2.0, -2.0]))\n'), 'Array([ 4., -3.], dtype=float32)');
    assert.equal(ok(f + 'jax.grad(jax.jit(f))(-1.0)\n'), 'Array(-3., dtype=float32, weak_type=True)');
  });

  it('switch with a traced index clamps it like JAX', () => {
    const f = 'f = lambda i, x: lax.switch(i, [lambda y: y, lambda y: y * 2, lambda y: y * 3], x)\n';
    assert.equal(ok(f + 'jax.vmap(f)(jnp.array([-1, 1, 2, 9]), jnp.ones(4))\n'), 'Array([1., 2., 3., 3.], dtype=float32)');
  });

  it('while_loop runs eagerly, under jit and under vmap (each example stops on its own)', () => {
    const f = 'f = lambda x: lax.while_loop(lambda v: v < 10.0, lambda v: v * 2.0, x)\n';
    assert.equal(ok(f + 'f(1.0)\n'), 'Array(16., dtype=float32, weak_type=True)');
    assert.equal(ok(f + 'jax.jit(f)(3.0)\n'), 'Array(12., dtype=float32, weak_type=True)');
    assert.equal(ok(f + 'jax.vmap(f)(jnp.array([1.0, 3.0, 20.0]))\n'), 'Array([16., 12., 20.], dtype=float32)');
    assert.equal(ok(f + 'jax.jit(jax.vmap(f))(jnp.array([1.0, 3.0]))\n'), 'Array([16., 12.], dtype=float32)');
  });

  it('while_loop is forward-differentiable (d/dx of 2^4 x is 16) but not in reverse mode', () => {
    const f = 'f = lambda x: lax.while_loop(lambda v: v < 10.0, lambda v: v * 2.0, x)\n';
    assert.equal(ok(f + 'jax.jvp(f, (1.0,), (1.0,))[1]\n'), 'Array(16., dtype=float32, weak_type=True)');
    const r = runPython(PRE + f + 'jax.grad(f)(1.0)\n');
    assert.equal(r.error?.pyType, 'ValueError');
    assert.equal(
      r.error?.message,
      'Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop with dynamic start/stop values. ' +
        'Try using lax.scan, or using fori_loop with static start/stop.',
    );
  });

  it('while_loop differentiates through a captured (closed-over) traced value', () => {
    // g(a) = a^3 via three multiplications by the captured a: jvp tangent 3a^2.
    const src = 'def g(a):\n    return lax.while_loop(lambda c: c[0] < 3, lambda c: (c[0] + 1, c[1] * a), (0, 1.0))[1]\njax.jvp(g, (2.0,), (1.0,))[1]\n';
    assert.equal(ok(src), 'Array(12., dtype=float32, weak_type=True)');
  });

  it('fori_loop with traced bounds under jit; with static bounds reverse mode works', () => {
    const f = 'def f(x, n):\n    return lax.fori_loop(0, n, lambda i, v: v * x, 1.0)\n';
    assert.equal(ok(f + 'jax.jit(f)(2.0, 5)\n'), 'Array(32., dtype=float32, weak_type=True)');
    assert.equal(ok(f + 'jax.jit(jax.jacfwd(f))(2.0, 3)\n'), 'Array(12., dtype=float32, weak_type=True)');
    assert.equal(ok(f + 'jax.grad(f)(2.0, 3)\n'), 'Array(12., dtype=float32, weak_type=True)');
  });

  it('cond_fun must return a boolean scalar', () => {
    // JAX formats cond_jaxpr.out_avals, a list of ShapedArray, whose repr shows the weak type.
    const r = runPython(PRE + 'lax.while_loop(lambda v: v, lambda v: v - 1.0, 3.0)\n');
    assert.equal(r.error?.pyType, 'TypeError');
    assert.equal(r.error!.message, 'cond_fun must return a boolean scalar, but got output type(s) [ShapedArray(float32[], weak_type=True)].');
  });

  it('scan under jit and vmap gives the cumulative sums', () => {
    const f = 'f = lambda xs: lax.scan(lambda c, x: (c + x, c + x), 0.0, xs)\n';
    assert.equal(ok(f + 'jax.jit(f)(jnp.array([1.0, 2.0, 3.0]))[1]\n'), 'Array([1., 3., 6.], dtype=float32)');
    assert.equal(ok(f + 'jax.vmap(f)(jnp.array([[1.0, 2.0], [3.0, 4.0]]))[0]\n'), 'Array([3., 7.], dtype=float32)');
  });
});
