// Python's float repr: the shortest digits that round-trip (JS gives the same digits), laid out
// as CPython's `float_repr_style = 'short'` does: positional for exponents -4 ≤ e < 16,
// scientific otherwise, always with a `.0` or an exponent so it reads back as a float.

/** Shortest round-trip digits and decimal exponent of a finite non-zero |x|: x = 0.d1d2... × 10^(exp+1). */
export function shortestDigits(x: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(x).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(x);
  if (exp >= -5 + 1 && exp < 16) return sign + positional(digits, exp, true);
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e}`;
}

/** Digits d1d2... with the point after position exp+1; `forceFraction` appends `.0` to integers. */
export function positional(digits: string, exp: number, forceFraction: boolean): string {
  let s: string;
  if (exp < 0) s = '0.' + '0'.repeat(-exp - 1) + digits;
  else if (digits.length <= exp + 1) s = digits + '0'.repeat(exp + 1 - digits.length) + (forceFraction ? '.0' : '');
  else s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  return s;
}
