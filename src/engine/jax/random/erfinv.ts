// lax.erf_inv as XLA computes it, for jax.random.normal: float32 through the erf_inv_xla32
// primitive (XLA's ErfInv32 with its fused multiply-adds; with them the normal samples of our
// oracles match JAX's printed digits exactly, without them one is an ulp off); float16/bfloat16
// through float32 as in XLA; float64 through the engine's float64 erf_inv (not XLA's ErfInv64,
// so x64 normal samples may differ from JAX's in the last bits). fmaF32 is XLA's contraction
// of a float32 `a * b + c`, which uniform's scaling also needs.

import type { DType } from '../../array/dtype';
import { avalOf, bind1, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';

export function erfInvLikeXla(x: Value): Value {
  const dtype: DType = avalOf(x).dtype;
  const erfInv32 = (v: Value) => bind1('erf_inv_xla32', [v], {});
  if (dtype === 'float32') return erfInv32(x);
  if (dtype === 'float16' || dtype === 'bfloat16') {
    return lax.convertElementType(erfInv32(lax.convertElementType(x, 'float32', false)), dtype, false);
  }
  return lax.erfInv(x);
}

/**
 * a * b + c rounded once to float32, as XLA's fused multiply-add: the float32 product is exact
 * in float64, so only the float64 sum rounds before the final rounding (a double rounding that
 * can differ from a true FMA only when the float64 sum lands exactly between two floats).
 */
export function fmaF32(a: Value, b: Value, c: Value): Value {
  const wide = (v: Value) => lax.convertElementType(v, 'float64', false);
  return lax.convertElementType(lax.add(lax.mul(wide(a), wide(b)), wide(c)), 'float32', false);
}
