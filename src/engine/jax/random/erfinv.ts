// lax.erf_inv as XLA computes it for float32 (xla/client/lib/math.cc's ErfInv32, after Giles,
// "Approximating the erfinv function"), written with lax operations so every step rounds to
// float32 as XLA's does. XLA's CPU backend contracts each `c + p * w` step of the polynomial
// into a fused multiply-add, so we do too (fmaF32): with it the normal samples of our oracles
// match JAX's printed digits exactly; without it one of them is an ulp off. float16/bfloat16
// go through float32 as in XLA; float64 uses the engine's float64 erf_inv (not XLA's ErfInv64).

import type { DType } from '../../array/dtype';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';

/** Polynomial coefficients, highest degree first, for w < 5 and for w >= 5. */
const SMALL_W = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164,
  0.246640727, 1.50140941,
];
const LARGE_W = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
  1.00167406, 2.83297682,
];

/**
 * a * b + c rounded once to float32, as a fused multiply-add: the float32 product is exact in
 * float64, so only the float64 sum rounds before the final rounding (a double rounding that
 * can differ from a true FMA only when the float64 sum lands exactly halfway between floats).
 */
export function fmaF32(a: Value, b: Value, c: Value): Value {
  const wide = (v: Value) => lax.convertElementType(v, 'float64', false);
  return lax.convertElementType(lax.add(lax.mul(wide(a), wide(b)), wide(c)), 'float32', false);
}

function erfInv32(x: Value): Value {
  const shape = avalOf(x).shape;
  const c = (v: number) => lax.full(shape, v, 'float32');
  // w = -log1p(-x * x): log1p keeps precision for small x.
  let w = lax.neg(lax.log1p(lax.mul(lax.neg(x), x)));
  const small = lax.lt(w, c(5));
  w = lax.select(small, lax.sub(w, c(2.5)), lax.sub(lax.sqrt(w), c(3)));
  let p = lax.select(small, c(SMALL_W[0]), c(LARGE_W[0]));
  for (let i = 1; i < SMALL_W.length; i++) {
    p = fmaF32(p, w, lax.select(small, c(SMALL_W[i]), c(LARGE_W[i])));
  }
  // erfinv(+-1) = +-inf, which the polynomial does not reach.
  const atOne = lax.eq(lax.abs(x), c(1));
  return lax.select(atOne, lax.mul(x, c(Infinity)), lax.mul(p, x));
}

export function erfInvLikeXla(x: Value): Value {
  const dtype: DType = avalOf(x).dtype;
  if (dtype === 'float32') return erfInv32(x);
  if (dtype === 'float16' || dtype === 'bfloat16') {
    return lax.convertElementType(erfInv32(lax.convertElementType(x, 'float32', false)), dtype, false);
  }
  return lax.erfInv(x);
}
