// Rounding of JS numbers (float64) to the narrow float formats JAX supports, round to nearest,
// ties to even. Node 20 has no Math.f16round, and bfloat16 has no JS counterpart at all.
// The result is the rounded value as a JS number; it is exactly representable in float32, so
// storing it in a Float32Array (the storage of both formats) keeps it unchanged.

/** Rounds `x` to a binary format with `mantissaBits` explicit fraction bits and exponents in
 *  [minExp, maxExp] (normal numbers); below minExp the spacing stays 2^(minExp - mantissaBits)
 *  (subnormals), above maxExp the value overflows to ±Infinity. */
function roundToFormat(x: number, mantissaBits: number, minExp: number, maxExp: number): number {
  if (x === 0 || !Number.isFinite(x)) return x; // NaN, ±Infinity and ±0 are representable
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  // Math.log2 can be one off near powers of two: correct so that 2^e <= a < 2^(e+1).
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  if (e < minExp) e = minExp;
  const ulp = 2 ** (e - mantissaBits);
  const q = a / ulp; // exact: division by a power of two
  const floor = Math.floor(q);
  const diff = q - floor;
  const n = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  const r = n * ulp;
  const rounded = r >= 2 ** (maxExp + 1) ? Infinity : r;
  return x < 0 ? -rounded : rounded;
}

/** IEEE binary16: 10 fraction bits, exponents -14..15, max 65504. */
export function roundToFloat16(x: number): number {
  return roundToFormat(x, 10, -14, 15);
}

/** bfloat16: float32's exponent range with 7 fraction bits. */
export function roundToBfloat16(x: number): number {
  return roundToFormat(x, 7, -126, 127);
}
