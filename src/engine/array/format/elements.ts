// Element formatters of NumPy's array2string (numpy >= 2.3 defaults, legacy printing off):
// each is built from the elements that will be shown, so that all of them share one width, then
// formats one element. Mirrors `FloatingFormat`, `ComplexFloatingFormat`, `IntegerFormat` and
// `BoolFormat` of numpy/_core/arrayprint.py with precision=8, floatmode='maxprec',
// suppress=False, sign='-'.

import { type BinaryFormat, FLOAT16, FLOAT32, positional, roundToFormat, scientific, type Trim } from '../../numeric/dragon4';
import { cFormatG } from './scalars';

export type ElementFormatter = (x: number, im?: number) => string;

/** np.finfo(dtype).precision: decimal digits the format carries reliably. */
function finfoPrecision(fmt: BinaryFormat): number {
  return fmt === FLOAT16 ? 3 : fmt === FLOAT32 ? 6 : 15;
}

const PRECISION = 8;

/** NumPy's FloatingFormat for the real values `data` of one binary format. */
export function floatingFormat(data: readonly number[], fmt: BinaryFormat, sign: '-' | '+' = '-'): ElementFormatter {
  const finite = data.filter(Number.isFinite);
  let max = 0;
  let min = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  let expFormat = false;
  if (max > 0) {
    // NumPy compares in the array's own dtype (NEP 50: the Python floats are weak), so the
    // thresholds and the ratio are rounded to that format first.
    const cutoffMax = roundToFormat(10 ** Math.min(8, finfoPrecision(fmt)), fmt);
    const ratio = roundToFormat(max / min, fmt);
    if (max >= cutoffMax || min < roundToFormat(0.0001, fmt) || ratio > 1000) expFormat = true;
  }

  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let minDigits = -1;
  let trim: Trim = '.';
  let expSize = -1;
  const signed = sign === '+';
  if (finite.length === 0) {
    // nothing to measure: only nan/inf are printed
  } else if (expFormat) {
    const strs = finite.map((x) => scientific(x, fmt, { precision, unique: true, trim: '.', sign: signed }));
    let fracMax = 0;
    for (const s of strs) {
      const [mant, exp] = s.split('e') as [string, string];
      const [whole, frac = ''] = mant.split('.');
      expSize = Math.max(expSize, exp.length - 1);
      fracMax = Math.max(fracMax, frac.length);
      padLeft = Math.max(padLeft, whole!.length);
    }
    trim = 'k';
    precision = fracMax;
    minDigits = fracMax;
    padRight = expSize + 2 + precision;
  } else {
    for (const x of finite) {
      const s = positional(x, fmt, { precision, unique: true, fractional: true, trim: '.', sign: signed });
      const [whole, frac = ''] = s.split('.');
      padLeft = Math.max(padLeft, whole!.length);
      padRight = Math.max(padRight, frac.length);
    }
    minDigits = 0;
  }
  if (finite.length !== data.length) {
    const negInf = sign !== '-' || data.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }

  // Equal values print equally: remember each one (arrays often repeat values).
  const memo = new Map<number, string>();
  const format = (x: number): string => {
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x) ? (signed ? '+nan' : 'nan') : x < 0 ? '-inf' : signed ? '+inf' : 'inf';
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - text.length)) + text;
    }
    if (expFormat) {
      return scientific(x, fmt, { precision, minDigits, unique: true, trim, sign: signed, padLeft, expDigits: expSize });
    }
    return positional(x, fmt, { precision, minDigits, unique: true, fractional: true, trim, sign: signed, padLeft, padRight });
  };
  return (x: number): string => {
    if (x === 0) return format(x); // keeps -0 apart from 0
    let text = memo.get(x);
    if (text === undefined) memo.set(x, (text = format(x)));
    return text;
  };
}

/** ComplexFloatingFormat: real and imaginary parts measured separately, the imaginary signed. */
export function complexFormat(re: readonly number[], im: readonly number[], fmt: BinaryFormat): ElementFormatter {
  const real = floatingFormat(re, fmt, '-');
  const imag = floatingFormat(im, fmt, '+');
  return (x: number, y = 0): string => {
    const i = imag(y);
    const end = i.trimEnd().length;
    return real(x) + i.slice(0, end) + 'j' + i.slice(end);
  };
}

/** IntegerFormat: right-aligned to the widest of max and min. */
export function integerFormat(data: readonly number[]): ElementFormatter {
  let width = 0;
  if (data.length > 0) {
    let max = -Infinity;
    let min = Infinity;
    for (const v of data) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    width = Math.max(intText(max).length, intText(min).length);
  }
  return (x: number): string => intText(x).padStart(width, ' ');
}

function intText(x: number): string {
  // int64 storage is a Float64Array: print the integer without exponent notation.
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

/** BoolFormat: ' True' lines up with 'False', except in a 0-d array. */
export function boolFormat(zeroD: boolean): ElementFormatter {
  const t = zeroD ? 'True' : ' True';
  return (x: number): string => (x ? t : 'False');
}

/**
 * ml_dtypes' bfloat16 is not a subclass of np.floating, so NumPy prints each element with the
 * scalar's repr (C++ `ostream << float`, i.e. printf "%g"), without padding.
 */
export function bfloat16Format(): ElementFormatter {
  return (x: number): string => cFormatG(Number.isNaN(x) ? NaN : x);
}

