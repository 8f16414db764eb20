// custom_jvp / custom_vjp against the examples of JAX's custom derivative docs (closed forms).
import * as assert from 'node:assert/strict';
import { PyError } from '../../../src/engine/errors';
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jit, jvp, vmap } from '../../../src/engine/autodiff/transforms';
import { allClose, arr, close, fwd, grad, scalar, values, weak } from './helpers';

const c = (x: Value, v: number) => lax.scalarLike(x, v);

// log1pexp(x) = log(1 + e^x) with the stable derivative 1 - 1/(1 + e^x) (custom_jvp docs).
const log1pexp = (x: Value) =>
  lax.customJvpCall(
    ([v]) => [lax.log(lax.add(c(v, 1), lax.exp(v)))],
    ([v], [t]) => ({
      primalsOut: [lax.log(lax.add(c(v, 1), lax.exp(v)))],
      tangentsOut: [lax.mul(t, lax.sub(c(v, 1), lax.div(c(v, 1), lax.add(c(v, 1), lax.exp(v)))))],
    }),
    [x],
  )[0];

// clip_gradient(lo, hi, x): identity forward, cotangent clipped to [lo, hi] (custom_vjp docs).
const clipGradient = (lo: number, hi: number, x: Value) =>
  lax.customVjpCall(
    ([v]) => [v],
    ([v]) => ({ outs: [v], residuals: [] }),
    (_res, [g]) => [lax.clamp(c(g, lo), g, c(g, hi))],
    [x],
  )[0];

// relu with JAX's custom JVP: derivative 0 at 0 (SEMANTICS §2.7).
const relu = (x: Value) =>
  lax.customJvpCall(
    ([v]) => [lax.max(v, c(v, 0))],
    ([v], [t]) => ({ primalsOut: [lax.max(v, c(v, 0))], tangentsOut: [lax.select(lax.gt(v, c(v, 0)), t, lax.zerosLike(t))] }),
    [x],
  )[0];

describe('custom_jvp', () => {
  it('evaluates the primal function', () => {
    close(scalar(log1pexp(weak(1))), Math.log(1 + Math.E), 1e-6);
  });

  it('log1pexp: the custom rule gives 1 at x = 100 where plain autodiff gives NaN', () => {
    close(scalar(grad((x) => lax.log(lax.add(c(x, 1), lax.exp(x))))(weak(100))), NaN);
    assert.equal(scalar(grad(log1pexp)(weak(100))), 1);
    assert.equal(scalar(fwd(log1pexp)(weak(100))), 1);
    close(scalar(grad(log1pexp)(weak(0))), 0.5);
  });

  it("relu'(0) is 0 with the custom rule (jnp.maximum alone would give ½)", () => {
    assert.equal(scalar(grad(relu)(weak(0))), 0);
    assert.equal(scalar(grad((x) => lax.max(x, c(x, 0)))(weak(0))), 0.5);
    assert.equal(scalar(grad(relu)(weak(2))), 1);
  });

  it('second derivatives go through the custom rule', () => {
    // d/dx (1 - 1/(1+e^x)) = e^x / (1+e^x)^2 = 1/4 at 0.
    close(scalar(grad(grad(log1pexp))(weak(0))), 0.25, 1e-6);
  });

  it('composes with vmap and jit', () => {
    const xs = [-1, 0, 2, 100];
    const s = (v: number) => 1 - 1 / (1 + Math.exp(v));
    const [perExample] = vmap(([x]) => [grad(log1pexp)(x)], [arr(xs)], [0], 4, [0]);
    allClose(values(perExample), xs.map(s), 1e-6);
    const summed = grad((x) => lax.reduceSum(vmap(([v]) => [log1pexp(v)], [x], [0], 4, [0])[0], [0]))(arr(xs));
    allClose(values(summed), xs.map(s), 1e-6);
    const jitted = jit(([x]) => [log1pexp(x)]);
    assert.equal(scalar(grad((x) => jitted([x])[0])(weak(100))), 1);
  });
});

describe('custom calls under jit', () => {
  it('the custom function body runs once, at trace time, however often the jitted function is called', () => {
    let runs = 0;
    const f = jit(([x]) =>
      lax.customJvpCall(
        ([v]) => {
          runs++;
          return [lax.sin(v)];
        },
        ([v], [t]) => ({ primalsOut: [lax.sin(v)], tangentsOut: [lax.mul(t, lax.cos(v))] }),
        [x],
      ),
    );
    close(scalar(f([weak(0.5)])[0]), Math.sin(0.5));
    close(scalar(f([weak(1.5)])[0]), Math.sin(1.5));
    assert.equal(runs, 1);
    close(scalar(grad((x) => f([x])[0])(weak(0.5))), Math.cos(0.5), 1e-6);
  });
});

describe('custom_vjp', () => {
  it('clip_gradient clips the cotangent, not the value', () => {
    const f = (x: Value) => lax.sin(clipGradient(-0.75, 0.75, x));
    close(scalar(f(weak(0.5))), Math.sin(0.5));
    assert.equal(scalar(grad(f)(weak(0))), 0.75);
    close(scalar(grad(f)(weak(2))), Math.cos(2), 1e-6);
  });

  it('forward mode raises JAX TypeError', () => {
    assert.throws(
      () => jvp((xs) => ({ outs: [clipGradient(-1, 1, xs[0])] }), [weak(1)], [weak(1)]),
      (e: unknown) => e instanceof PyError && e.pyType === 'TypeError' && e.message === "can't apply forward-mode autodiff (jvp) to a custom_vjp function.",
    );
  });

  it('composes with vmap in both orders', () => {
    const f = (x: Value) => lax.mul(c(x, 3), clipGradient(-1, 1, x));
    // d/dx 3·clip_gradient(x): the cotangent 3 is clipped to 1.
    const [pe] = vmap(([x]) => [grad(f)(x)], [arr([1, 2, 3])], [0], 3, [0]);
    assert.deepEqual(values(pe), [1, 1, 1]);
    const g = grad((x) => lax.reduceSum(vmap(([v]) => [f(v)], [x], [0], 3, [0])[0], [0]))(arr([1, 2, 3]));
    assert.deepEqual(values(g), [1, 1, 1]);
  });
});
