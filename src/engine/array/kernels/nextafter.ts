// lax.nextafter: the next representable value of the dtype after `a` in the direction of `b`,
// computed on the bit pattern (adjacent floats of one sign have adjacent integer patterns).
// float16/bfloat16 step by their own spacing.

import type { DType } from '../dtype';
import { roundToBfloat16, roundToFloat16 } from '../float16';

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

function step32(a: number, up: boolean): number {
  f32[0] = a;
  i32[0] += up ? 1 : -1;
  return f32[0];
}

function step64(a: number, up: boolean): number {
  f64[0] = a;
  i64[0] += up ? 1n : -1n;
  return f64[0];
}

/** Spacing-based step for the narrow formats (mantissa bits, min normal exponent). */
function stepNarrow(a: number, towardLarger: boolean, mant: number, minExp: number, round: (v: number) => number): number {
  const m = Math.abs(a);
  const e = Math.max(Math.floor(Math.log2(m)), minExp);
  // moving toward zero from an exact power of two uses the finer spacing below it
  const down = (a > 0) !== towardLarger;
  const spacing = down && m === 2 ** e && e > minExp ? 2 ** (e - 1 - mant) : 2 ** (e - mant);
  return round(towardLarger ? a + spacing : a - spacing);
}

export function nextafterFn(d: DType): (a: number, b: number) => number {
  const wide = d === 'float64';
  const smallest =
    d === 'float64' ? 2 ** -1074 : d === 'float16' ? 2 ** -24 : d === 'bfloat16' ? 2 ** -133 : 2 ** -149;
  return (a, b) => {
    if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
    if (a === b) return b;
    if (a === 0) return b > 0 ? smallest : -smallest;
    const towardLarger = b > a;
    if (d === 'float16') return stepNarrow(a, towardLarger, 10, -14, roundToFloat16);
    if (d === 'bfloat16') return stepNarrow(a, towardLarger, 7, -126, roundToBfloat16);
    // On the bit pattern (sign and magnitude), +1 moves away from zero for either sign.
    const awayFromZero = (a > 0) === towardLarger;
    return wide ? step64(a, awayFromZero) : step32(a, awayFromZero);
  };
}
