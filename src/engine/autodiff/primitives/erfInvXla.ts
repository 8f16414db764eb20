// erf_inv_xla32: lax.erf_inv on float32 exactly as XLA's CPU backend evaluates it, for
// jax.random.normal (whose samples are sqrt(2) * erf_inv(u)). XLA approximates erfinv with
// Giles' single-precision polynomial (xla/client/lib/math.cc ErfInv32) and LLVM contracts each
// Horner step `c + p * w` into a fused multiply-add; a correctly rounded erfinv (the engine's
// `erf_inv`) differs from it in the last bit, so the random samples would too. The derivative
// is erfinv's own, (sqrt(pi) / 2) exp(erfinv(x)^2), as for lax.erf_inv.

import { NDArray } from '../../array/ndarray';
import { runContext } from '../../context';
import { typeError } from '../../errors';
import { bind1 } from '../core';
import * as lax from '../lax';
import { mapZ } from './common';
import type { PrimitiveRules } from './types';

type NoParams = Record<string, never>;

/** Coefficients, highest degree first, for w < 5 and w >= 5 (float32, as XLA's constants). */
const SMALL_W = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164,
  0.246640727, 1.50140941,
].map(Math.fround);
const LARGE_W = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
  1.00167406, 2.83297682,
].map(Math.fround);

/**
 * One element. `p * w` of two float32 values is exact in float64, so fround(p * w + c) is the
 * fused multiply-add up to a double rounding (only when the float64 sum falls exactly between
 * two floats).
 */
export function erfInvXla32(x: number): number {
  const f = Math.fround;
  let w = -f(Math.log1p(f(-x * x)));
  const small = w < 5;
  w = small ? f(w - 2.5) : f(f(Math.sqrt(w)) - 3);
  const coef = small ? SMALL_W : LARGE_W;
  let p = coef[0];
  for (let i = 1; i < coef.length; i++) p = f(p * w + coef[i]);
  // erfinv(+-1) = +-inf, which the polynomial does not reach.
  return Math.abs(x) === 1 ? x * Infinity : f(p * x);
}

export const ERF_INV_XLA32_RULES: PrimitiveRules<NoParams> = {
  impl([x]) {
    runContext().allocate(x.size, x.shape);
    const a = x.data as Float32Array;
    const out = new Float32Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = erfInvXla32(a[i]);
    return [new NDArray('float32', x.shape, out, x.weakType)];
  },
  abstractEval([x]) {
    if (x.dtype !== 'float32') throw typeError(`erf_inv_xla32 takes float32 operands, got ${x.dtype}`);
    return [{ shape: x.shape, dtype: 'float32', weakType: x.weakType }];
  },
  jvp([x], [t]) {
    const ans = bind1('erf_inv_xla32', [x], {});
    const slope = (g: typeof x) => lax.mul(lax.scalarLike(x, Math.sqrt(Math.PI) / 2), lax.mul(g, lax.exp(lax.square(ans))));
    return { primalsOut: [ans], tangentsOut: [mapZ(t, slope)] };
  },
  vjp([ct], _x, [ans]) {
    return [mapZ(ct, (g) => lax.mul(lax.scalarLike(g, Math.sqrt(Math.PI) / 2), lax.mul(g, lax.exp(lax.square(ans)))))];
  },
  batch([x], [d]) {
    return { outs: [bind1('erf_inv_xla32', [x], {})], dims: [d] };
  },
};
