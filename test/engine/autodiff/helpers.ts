// Test helpers: build arrays, read them back, and a scalar `grad` over the flat transforms.
import * as assert from 'node:assert/strict';
import type { DType } from '../../../src/engine/array/dtype';
import * as K from '../../../src/engine/array/kernels';
import type { NDArray } from '../../../src/engine/array/ndarray';
import { concreteValue, type Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jvp, vjp } from '../../../src/engine/autodiff/transforms';

/** A weakly typed float32 scalar, as a Python float passed to jax.grad. */
export const weak = (v: number): NDArray => K.full('float32', [], v, true);
/** A strong float32 array from nested lists. */
export const arr = (v: unknown, dtype: DType = 'float32', weakType = false): NDArray => K.fromNested(v, dtype, weakType);

export function concrete(v: Value): NDArray {
  const c = concreteValue(v);
  assert.ok(c, 'expected a concrete value');
  return c;
}

export function values(v: Value): number[] {
  const c = concrete(v);
  return Array.from({ length: c.size }, (_, i) => Number(K.getScalar(c, i)));
}

export function scalar(v: Value): number {
  const xs = values(v);
  assert.equal(xs.length, 1);
  return xs[0];
}

/** jax.grad of a scalar function of one argument (cotangent 1 of the output's type). */
export function grad(f: (x: Value) => Value): (x: Value) => Value {
  return (x) => {
    const { outs, pullback } = vjp((xs) => ({ outs: [f(xs[0])] }), [x]);
    return pullback([lax.onesLike(outs[0])])[0];
  };
}

/** Forward-mode derivative of a scalar function: jvp with tangent 1. */
export function fwd(f: (x: Value) => Value): (x: Value) => Value {
  return (x) => jvp((xs) => ({ outs: [f(xs[0])] }), [x], [lax.onesLike(x)]).tangentsOut[0];
}

export function close(actual: number, expected: number, tol = 1e-6): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `expected NaN, got ${actual}`);
    return;
  }
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected);
    return;
  }
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `expected ${expected}, got ${actual}`);
}

export function allClose(actual: number[], expected: number[], tol = 1e-6): void {
  assert.equal(actual.length, expected.length, `length ${actual.length} vs ${expected.length}`);
  actual.forEach((a, i) => close(a, expected[i], tol));
}
