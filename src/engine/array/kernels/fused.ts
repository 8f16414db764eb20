// Fused loops for the derivative rules every reverse pass of a typical loss runs (tanh,
// logistic, x**2): one pass over
// the arrays instead of one pass (and one full-size temporary) per primitive of the rule.
//
// Each loop is exact, not an approximation: it performs the unfused rule's operations in the
// same order and rounds to float32 after each one (Math.fround) exactly where the unfused chain
// stores into a Float32Array, so the results are bit-identical to the chain of primitives, and
// so to what JAX computes with the same per-op float32 rounding. float64 needs no rounding.
// As in floatLoops.ts, float32 and float64 each get their own monomorphic loop.
//
// A kernel returns null when the operands are not float32/float64 arrays of one dtype and one
// shape; the rule then binds its unfused chain, which handles every other case (and tracers).

import { NDArray } from '../ndarray';
import { uniformValue } from './uniform';
import { sameShape } from './util';

/** The operands' common storage when a fused loop applies to them. */
function fusable(a: NDArray, b: NDArray): 'float32' | 'float64' | null {
  if (a.dtype !== b.dtype || !sameShape(a.shape, b.shape)) return null;
  if (a.dtype === 'float32' && a.data instanceof Float32Array && b.data instanceof Float32Array) return 'float32';
  if (a.dtype === 'float64' && a.data instanceof Float64Array && b.data instanceof Float64Array) return 'float64';
  return null;
}

/**
 * tanh's derivative map g -> (g + g·y)·(1 − y), y = tanh(x): lax's rule
 * mul(add(g, mul(g, y)), sub(1, y)), rounded after each of its four operations.
 * Weak type: that of the chain, g's AND y's.
 */
export function tanhDerivative(g: NDArray, y: NDArray): NDArray | null {
  const kind = fusable(g, y);
  if (kind === null) return null;
  const out = NDArray.zeros(g.dtype, g.shape, g.weakType && y.weakType);
  if (kind === 'float32') tanhDerivative32(g.data as Float32Array, y.data as Float32Array, out.data as Float32Array);
  else tanhDerivative64(g.data as Float64Array, y.data as Float64Array, out.data as Float64Array);
  return out;
}

function tanhDerivative32(g: Float32Array, y: Float32Array, o: Float32Array): void {
  const n = o.length;
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const yi = y[i];
    o[i] = f(gi + f(gi * yi)) * f(1 - yi);
  }
}

function tanhDerivative64(g: Float64Array, y: Float64Array, o: Float64Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const yi = y[i];
    o[i] = (gi + gi * yi) * (1 - yi);
  }
}

/**
 * logistic's derivative map g -> g·(y·(1 − y)), y = logistic(x): lax's rule
 * mul(g, mul(y, sub(1, y))), rounded after each of its three operations.
 */
export function logisticDerivative(g: NDArray, y: NDArray): NDArray | null {
  const kind = fusable(g, y);
  if (kind === null) return null;
  const out = NDArray.zeros(g.dtype, g.shape, g.weakType && y.weakType);
  if (kind === 'float32') logisticDerivative32(g.data as Float32Array, y.data as Float32Array, out.data as Float32Array);
  else logisticDerivative64(g.data as Float64Array, y.data as Float64Array, out.data as Float64Array);
  return out;
}

function logisticDerivative32(g: Float32Array, y: Float32Array, o: Float32Array): void {
  const n = o.length;
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    o[i] = g[i] * f(yi * f(1 - yi));
  }
}

function logisticDerivative64(g: Float64Array, y: Float64Array, o: Float64Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    o[i] = g[i] * (yi * (1 - yi));
  }
}

/**
 * integer_pow(x, 2)'s derivative map g -> g·(2·x): lax's rule mul(g, mul(2, x)), rounded after
 * each product. Weak type: that of the chain, g's AND x's.
 */
export function squareDerivative(g: NDArray, x: NDArray): NDArray | null {
  const kind = fusable(g, x);
  if (kind === null) return null;
  const out = NDArray.zeros(g.dtype, g.shape, g.weakType && x.weakType);
  // The cotangent of a sum is one value everywhere: then read it once, not per element.
  const s = uniformValue(g);
  if (kind === 'float32') {
    if (s === undefined) squareDerivative32(g.data as Float32Array, x.data as Float32Array, out.data as Float32Array);
    else squareDerivativeScalar32(s, x.data as Float32Array, out.data as Float32Array);
  } else {
    if (s === undefined) squareDerivative64(g.data as Float64Array, x.data as Float64Array, out.data as Float64Array);
    else squareDerivativeScalar64(s, x.data as Float64Array, out.data as Float64Array);
  }
  return out;
}

function squareDerivative32(g: Float32Array, x: Float32Array, o: Float32Array): void {
  const n = o.length;
  const f = Math.fround;
  for (let i = 0; i < n; i++) o[i] = g[i] * f(2 * x[i]);
}

function squareDerivativeScalar32(g: number, x: Float32Array, o: Float32Array): void {
  const n = o.length;
  const f = Math.fround;
  for (let i = 0; i < n; i++) o[i] = g * f(2 * x[i]);
}

function squareDerivative64(g: Float64Array, x: Float64Array, o: Float64Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) o[i] = g[i] * (2 * x[i]);
}

function squareDerivativeScalar64(g: number, x: Float64Array, o: Float64Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) o[i] = g * (2 * x[i]);
}
