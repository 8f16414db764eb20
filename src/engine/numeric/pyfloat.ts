// Python's float digits: `repr(float)` (shortest round-trip digits, CPython's 'short' style) and
// exactly rounded digits for the format language's fixed and exponent presentations (CPython
// rounds the exact binary value half to even, which JS's toFixed does not). Shared by the
// interpreter's float and by 0-d arrays formatted as Python scalars.

import { dragon4, FLOAT64, positionalParts } from './dragon4';

/** Digits of a value: `digits` (no trailing zeros), first digit's power of ten `exponent`. */
export interface Decimal {
  digits: string;
  exponent: number;
}

/** Shortest round-trip digits of a double (what Python's repr and JS's toString both use). */
export function shortestDouble(x: number): Decimal {
  const [mant, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  return { digits: mant.replace('.', ''), exponent: Number(exp) };
}

/** Writes digits positionally; `minFrac` fraction digits at least (zeros appended). */
export function fixed(d: Decimal, minFrac = 0): string {
  let { whole, frac } = positionalParts(d.digits, d.exponent);
  frac = frac.padEnd(minFrac, '0');
  return frac.length > 0 ? `${whole}.${frac}` : whole;
}

/** d.ddde+XX with at least two exponent digits (Python and C). */
export function expNotation(d: Decimal, minFrac = 0, forcePoint = false): string {
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

export function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

export function negative(x: number): boolean {
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

