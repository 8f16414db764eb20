// A `check_grads` for tests (SEMANTICS §3): in float64, the jvp along a random direction must
// match central finite differences of the function itself, and the vjp must be the jvp's
// transpose: ⟨v, J·u⟩ = ⟨Jᵀ·v, u⟩ for a random cotangent v.
import * as assert from 'node:assert/strict';
import type { NDArray } from '../../../src/engine/array/ndarray';
import * as K from '../../../src/engine/array/kernels';
import { avalOf, type Value } from '../../../src/engine/autodiff/core';
import { jvp, vjp } from '../../../src/engine/autodiff/transforms';
import { values } from './helpers';

/** Deterministic pseudo-random numbers in [-1, 1) (a linear congruential generator). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

export function randomArray(shape: readonly number[], next: () => number, offset = 0): NDArray {
  const out = K.full('float64', shape, 0);
  for (let i = 0; i < out.size; i++) out.data[i] = next() + offset;
  return out;
}

function axpy(a: number, x: NDArray, y: NDArray): NDArray {
  const out = K.full('float64', y.shape, 0);
  for (let i = 0; i < out.size; i++) out.data[i] = a * x.data[i] + y.data[i];
  return out;
}

function dot(a: Value[], b: Value[]): number {
  let s = 0;
  a.forEach((x, k) => {
    const xs = values(x);
    const ys = values(b[k]);
    xs.forEach((v, i) => (s += v * ys[i]));
  });
  return s;
}

/** Checks the jvp and vjp of `f` (float64 in and out) at `xs`. */
export function checkGrads(f: (xs: Value[]) => Value[], xs: NDArray[], seed = 1, tol = 1e-6): void {
  const next = rng(seed);
  const fn = (ins: Value[]) => ({ outs: f(ins) });
  const us = xs.map((x) => randomArray(x.shape, next));
  const { outs, tangentsOut } = jvp(fn, xs, us);
  // Central differences (eps 1e-5 in float64: truncation ~1e-10, rounding ~1e-11).
  const eps = 1e-5;
  const plus = f(xs.map((x, i) => axpy(eps, us[i], x)));
  const minus = f(xs.map((x, i) => axpy(-eps, us[i], x)));
  tangentsOut.forEach((t, k) => {
    const fd = values(plus[k]).map((p, i) => (p - values(minus[k])[i]) / (2 * eps));
    const got = values(t);
    fd.forEach((d, i) => {
      assert.ok(Math.abs(got[i] - d) <= tol * Math.max(1, Math.abs(d)), `jvp ${got[i]} vs finite difference ${d} (output ${k}, element ${i})`);
    });
  });
  const vs = outs.map((o) => randomArray(avalOf(o).shape, next));
  const cts = vjp(fn, xs).pullback(vs);
  const lhs = dot(vs, tangentsOut);
  const rhs = dot(cts, us);
  assert.ok(Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)), `<v, J u> = ${lhs} but <J^T v, u> = ${rhs}`);
}
