// Scalars as Python and NumPy print them: Python's float repr, NumPy's scalar str (float16,
// float32, float64, complex), and C's "%g" (what ml_dtypes prints for a bfloat16 scalar).

import { type BinaryFormat, FLOAT16, FLOAT32, FLOAT64, positional, scientific } from '../../numeric/dragon4';
import { expNotation, fixed, negative, nonFinite, roundSignificant } from '../../numeric/pyfloat';

/** C's printf("%g") with 6 significant digits, as `std::ostream << float` writes it. */
export function cFormatG(x: number): string {
  const special = nonFinite(x);
  if (special) return special;
  const sign = negative(x) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const d = roundSignificant(x, 6);
  if (d.exponent < -4 || d.exponent >= 6) return sign + expNotation(d);
  return sign + fixed(d);
}

export function binaryFormatOf(dtype: string): BinaryFormat {
  return dtype === 'float16' ? FLOAT16 : dtype === 'float32' || dtype === 'complex64' ? FLOAT32 : FLOAT64;
}

/** Where NumPy's scalar str switches to scientific notation, per format (numpy >= 2.3). */
function scalarPositionalLimit(fmt: BinaryFormat): number {
  return fmt === FLOAT16 ? 1e3 : fmt === FLOAT32 ? 1e6 : 1e16;
}

/**
 * `str(np.float32(x))` (and float16/float64): shortest digits of the value in its own format,
 * positional with a trailing `.0` between 1e-4 and the format's limit, scientific otherwise.
 */
export function numpyFloatStr(x: number, fmt: BinaryFormat, trimPositional: '0' | '-' = '0'): string {
  const special = nonFinite(x);
  if (special) return special;
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < scalarPositionalLimit(fmt))) {
    return positional(x, fmt, { unique: true, trim: trimPositional });
  }
  return scientific(x, fmt, { unique: true, trim: '-' });
}

/** `str(np.complex64(z))`: `(1+1j)`, `1.5j` when the real part is +0, parts without `.0`. */
export function numpyComplexStr(re: number, im: number, fmt: BinaryFormat): string {
  const imText = numpyFloatStr(im, fmt, '-');
  if (re === 0 && !Object.is(re, -0)) return `${imText}j`;
  const imSigned = imText.startsWith('-') ? imText : `+${imText}`;
  return `(${numpyFloatStr(re, fmt, '-')}${imSigned}j)`;
}
