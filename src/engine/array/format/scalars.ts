// Scalars as Python and NumPy print them: Python's float repr, NumPy's scalar str (float16,
// float32, float64, complex), and C's "%g" (what ml_dtypes prints for a bfloat16 scalar).

import { type BinaryFormat, dragon4, FLOAT16, FLOAT32, FLOAT64, positional, positionalParts, scientific } from './dragon4';

/** Digits of a value: `digits` (no trailing zeros), first digit's power of ten `exponent`. */
interface Decimal {
  digits: string;
  exponent: number;
}

/** Shortest round-trip digits of a double (what Python's repr and JS's toString both use). */
function shortestDouble(x: number): Decimal {
  const [mant, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  return { digits: mant.replace('.', ''), exponent: Number(exp) };
}

/** Writes digits positionally; `minFrac` fraction digits at least (zeros appended). */
function fixed(d: Decimal, minFrac = 0): string {
  let { whole, frac } = positionalParts(d.digits, d.exponent);
  frac = frac.padEnd(minFrac, '0');
  return frac.length > 0 ? `${whole}.${frac}` : whole;
}

/** d.ddde+XX with at least two exponent digits (Python and C). */
function expNotation(d: Decimal, minFrac = 0, forcePoint = false): string {
  const frac = d.digits.slice(1).padEnd(minFrac, '0');
  const mant = frac.length > 0 || forcePoint ? `${d.digits[0]}.${frac}` : d.digits[0]!;
  const e = d.exponent;
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function trimZeros(digits: string): string {
  const t = digits.replace(/0+$/, '');
  return t.length > 0 ? t : '0';
}

/** Exact digits rounded to `n` significant digits (round half to even on the binary value). */
export function roundSignificant(x: number, n: number): Decimal {
  const d = dragon4(x, FLOAT64, 'exact', 'total', n, -1);
  return { digits: trimZeros(d.digits), exponent: x === 0 ? 0 : d.exponent };
}

/** Exact digits rounded to `n` digits after the point. */
export function roundFraction(x: number, n: number): Decimal {
  const d = dragon4(x, FLOAT64, 'exact', 'fraction', n, -1);
  return { digits: trimZeros(d.digits), exponent: d.digits.replace(/0/g, '') === '' ? 0 : d.exponent };
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

function negative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** Python's `repr(float)`: shortest round-trip digits, `1e+16`, `1e-05`, `0.0001`, `-0.0`. */
export function pyFloatRepr(x: number): string {
  const special = nonFinite(x);
  if (special) return special;
  const sign = negative(x) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const d = shortestDouble(x);
  if (d.exponent < -4 || d.exponent >= 16) return sign + expNotation(d);
  return sign + fixed(d, 1);
}

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
