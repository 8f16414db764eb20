// Exact decimal digits of binary floating-point values, the way NumPy's Dragon4 produces them.
//
// NumPy prints every float with its own port of Ryan Juckett's Dragon4: the digits are generated
// from the exact binary value with big-integer arithmetic, either the shortest digits that
// identify the value among its neighbours *in its own format* ("unique" mode: float32 0.1 prints
// `0.1`, not `0.10000000149011612`) or the exact digits up to a cutoff ("exact" mode, which is
// also what Python's `format(x, '.3f')` does). This module reproduces that algorithm with
// BigInt; `positional` and `scientific` reproduce NumPy's `dragon4_positional` and
// `dragon4_scientific` (trimming, padding, exponent digits) on top of it.

/** An IEEE-style binary format: significand bits (with the implicit one) and minimum exponent. */
export interface BinaryFormat {
  readonly precision: number;
  readonly minExponent: number;
  readonly maxExponent: number;
}

export const FLOAT16: BinaryFormat = { precision: 11, minExponent: -14, maxExponent: 15 };
export const BFLOAT16: BinaryFormat = { precision: 8, minExponent: -126, maxExponent: 127 };
export const FLOAT32: BinaryFormat = { precision: 24, minExponent: -126, maxExponent: 127 };
export const FLOAT64: BinaryFormat = { precision: 53, minExponent: -1022, maxExponent: 1023 };

/** Rounds a double to the nearest value of `fmt` (ties to even), overflowing to infinity. */
export function roundToFormat(x: number, fmt: BinaryFormat): number {
  if (fmt === FLOAT64 || !Number.isFinite(x) || x === 0) return x;
  if (fmt === FLOAT32) return Math.fround(x);
  const e = Math.max(binaryExponent(Math.abs(x)), fmt.minExponent);
  const ulp = 2 ** (e - fmt.precision + 1);
  const q = x / ulp;
  let n = Math.round(q);
  // Math.round sends ties up (towards +inf); ties go to the even neighbour instead.
  if (Math.abs(q % 1) === 0.5 && n % 2 !== 0) n -= 1;
  const r = n * ulp;
  const max = (2 - 2 ** (1 - fmt.precision)) * 2 ** fmt.maxExponent;
  return Math.abs(r) > max ? (r > 0 ? Infinity : -Infinity) : r;
}

/** floor(log2(x)) for a positive finite double, exactly. */
function binaryExponent(x: number): number {
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e;
}

const TEN = 10n;
const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * TEN);
  return POW10[n]!;
}

export type DigitMode = 'unique' | 'exact';
export type CutoffMode = 'total' | 'fraction';

export interface Digits {
  /** Decimal digits, first one nonzero unless the value is zero (or rounded away to zero). */
  digits: string;
  /** Power of ten of the first digit. */
  exponent: number;
}

/**
 * Dragon4 on |x| (finite, a value of `fmt`). `cutoffMax` limits the digits (total digits or digits past the
 * point, by `cutoffMode`; -1 for none); `cutoffMin` asks for at least that many in unique mode.
 */
export function dragon4(
  x: number,
  fmt: BinaryFormat,
  mode: DigitMode,
  cutoffMode: CutoffMode,
  cutoffMax: number,
  cutoffMin: number,
): Digits {
  // Values are stored already rounded to their format; rounding again keeps a stray value (a
  // float32 handed over as float16, say) from breaking the exact arithmetic below.
  const v = Math.abs(roundToFormat(x, fmt));
  if (v === 0) return { digits: '0', exponent: 0 };
  const integral = integerDigits(v, fmt, cutoffMode, cutoffMax);
  if (integral) return integral;
  const e = Math.max(binaryExponent(v), fmt.minExponent);
  const ulpExp = e - fmt.precision + 1;
  const mantissa = BigInt(v / 2 ** ulpExp); // exact: v is a value of `fmt`
  const unequalMargins = mantissa === 1n << BigInt(fmt.precision - 1) && e > fmt.minExponent;
  const isEven = (mantissa & 1n) === 0n;

  // value = r / s; the distances to the neighbours' midpoints are mLow / s and mHigh / s.
  const extra = unequalMargins ? 2 : 1;
  let r: bigint, s: bigint, mLow: bigint;
  if (ulpExp > 0) {
    r = (mantissa << BigInt(ulpExp)) << BigInt(extra);
    s = 1n << BigInt(extra);
    mLow = 1n << BigInt(ulpExp);
  } else {
    r = mantissa << BigInt(extra);
    s = 1n << BigInt(extra - ulpExp);
    mLow = 1n;
  }
  let mHigh = unequalMargins ? mLow * 2n : mLow;

  // k: the power of ten just above the value (10^(k-1) <= v < 10^k).
  let k = Math.ceil(Math.log10(v));
  const atLeast = (p: number): boolean => (p >= 0 ? r >= s * pow10(p) : r * pow10(-p) >= s);
  while (atLeast(k)) k++;
  while (!atLeast(k - 1)) k--;
  if (cutoffMode === 'fraction' && cutoffMax >= 0 && k <= -cutoffMax) k = -cutoffMax + 1;
  if (k >= 0) s *= pow10(k);
  else {
    const p = pow10(-k);
    r *= p;
    mLow *= p;
    mHigh *= p;
  }

  let cutoffMaxExp = -Infinity;
  if (cutoffMax >= 0) cutoffMaxExp = cutoffMode === 'total' ? k - cutoffMax : -cutoffMax;
  let cutoffMinExp = k;
  if (cutoffMin >= 0) cutoffMinExp = Math.min(k, cutoffMode === 'total' ? k - cutoffMin : -cutoffMin);

  const out: number[] = [];
  let digitExp = k;
  let digit: number;
  let low = false;
  let high = false;
  for (;;) {
    digitExp--;
    r *= TEN;
    digit = Number(r / s);
    r %= s;
    if (mode === 'unique') {
      mLow *= TEN;
      mHigh *= TEN;
      low = isEven ? r <= mLow : r < mLow;
      high = isEven ? r + mHigh >= s : r + mHigh > s;
      if (((low || high) && digitExp <= cutoffMinExp) || digitExp === cutoffMaxExp) break;
    } else if (r === 0n || digitExp === cutoffMaxExp) {
      break;
    }
    out.push(digit);
  }

  let roundDown = low;
  if (low === high) {
    const twice = 2n * r;
    roundDown = twice < s || (twice === s && digit % 2 === 0);
  }
  let exponent = k - 1;
  if (roundDown) out.push(digit);
  else if (digit < 9) out.push(digit + 1);
  else {
    // Carry through trailing nines; all nines become a single 1 one place higher.
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      exponent++;
    } else out[out.length - 1]++;
  }
  return { digits: out.join(''), exponent };
}

/**
 * Fast path for integers below 2^precision: their neighbours are at most 1 apart, so no shorter
 * decimal identifies them and the shortest digits are the exact ones. Only when no cutoff would
 * round them.
 */
function integerDigits(v: number, fmt: BinaryFormat, cutoffMode: CutoffMode, cutoffMax: number): Digits | undefined {
  if (!Number.isInteger(v) || v >= 2 ** fmt.precision) return undefined;
  const text = String(v);
  const digits = text.replace(/0+$/, '');
  if (cutoffMode === 'total' && cutoffMax >= 0 && digits.length > cutoffMax) return undefined;
  return { digits, exponent: text.length - 1 };
}

/** NumPy's trim modes: 'k' keep, '.' trim zeros keep the point, '0' keep one zero, '-' trim both. */
export type Trim = 'k' | '.' | '0' | '-';

export interface PositionalOptions {
  precision?: number; // -1 or undefined: none
  minDigits?: number;
  unique?: boolean;
  fractional?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number;
  padRight?: number;
}

/** `np.format_float_positional` / `dragon4_positional` for a finite value. */
export function positional(x: number, fmt: BinaryFormat, o: PositionalOptions = {}): string {
  const precision = o.precision ?? -1;
  const minDigits = o.minDigits ?? -1;
  const unique = o.unique ?? true;
  const trim = o.trim ?? 'k';
  const cutoffMode: CutoffMode = (o.fractional ?? true) ? 'fraction' : 'total';
  const signStr = signOf(x, o.sign ?? false);
  const { digits, exponent } = dragon4(x, fmt, unique ? 'unique' : 'exact', cutoffMode, precision, minDigits);

  let { whole, frac } = positionalParts(digits, exponent);
  const addDigits = unique ? minDigits : precision;
  let wantFrac = addDigits < 0 ? 0 : addDigits;
  if (cutoffMode === 'total') wantFrac = addDigits - whole.length;
  if (trim === '0' && frac.length === 0) frac = '0';
  else if (trim === 'k' && wantFrac > frac.length) frac = frac.padEnd(wantFrac, '0');
  if (trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0 && trim === '0') frac = '0';
  }
  let text = signStr + whole;
  if (frac.length > 0) text += '.' + frac;
  else if (trim !== '-') text += '.';
  const padRight = o.padRight ?? -1;
  if (padRight >= frac.length) {
    if (trim === '-' && frac.length === 0) text += ' ';
    text += ' '.repeat(padRight - frac.length);
  }
  const padLeft = o.padLeft ?? -1;
  const left = whole.length + signStr.length;
  if (padLeft > left) text = ' '.repeat(padLeft - left) + text;
  return text;
}

export interface ScientificOptions {
  precision?: number;
  minDigits?: number;
  unique?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number;
  expDigits?: number;
}

/** `np.format_float_scientific` / `dragon4_scientific` for a finite value. */
export function scientific(x: number, fmt: BinaryFormat, o: ScientificOptions = {}): string {
  const precision = o.precision ?? -1;
  const minDigits = o.minDigits ?? -1;
  const unique = o.unique ?? true;
  const trim = o.trim ?? 'k';
  const signStr = signOf(x, o.sign ?? false);
  const { digits, exponent } = dragon4(
    x,
    fmt,
    unique ? 'unique' : 'exact',
    'total',
    precision < 0 ? -1 : precision + 1,
    minDigits < 0 ? -1 : minDigits + 1,
  );
  let frac = digits.slice(1);
  // The point is written whenever there are fraction digits (and always, except in mode '-');
  // unlike the positional form, trimming the zeros later never removes it.
  const point = frac.length > 0 || trim !== '-';
  const addDigits = Math.max(unique ? minDigits : precision, 0);
  if (trim === '0' && frac.length === 0) frac = '0';
  else if (trim === 'k' && addDigits > frac.length) frac = frac.padEnd(addDigits, '0');
  if (trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac.length === 0 && trim === '0') frac = '0';
  }
  let text = digits[0]! + (point ? '.' : '') + frac;
  const expDigits = Math.min(o.expDigits === undefined || o.expDigits < 0 ? 2 : o.expDigits, 5);
  text += 'e' + (exponent >= 0 ? '+' : '-') + String(Math.abs(exponent)).padStart(expDigits, '0');
  const padLeft = o.padLeft ?? -1;
  const left = 1 + signStr.length;
  const pad = padLeft > left ? ' '.repeat(padLeft - left) : '';
  return pad + signStr + text;
}

function signOf(x: number, always: boolean): string {
  if (x < 0 || Object.is(x, -0)) return '-';
  return always ? '+' : '';
}

/** Splits significant digits with a decimal exponent into the whole and fraction digits. */
export function positionalParts(digits: string, exponent: number): { whole: string; frac: string } {
  return exponent >= 0
    ? { whole: digits.slice(0, exponent + 1).padEnd(exponent + 1, '0'), frac: digits.slice(exponent + 1) }
    : { whole: '0', frac: '0'.repeat(-exponent - 1) + digits };
}
