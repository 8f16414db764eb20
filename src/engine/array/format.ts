// How JAX prints arrays: `repr(x)`, `str(x)`, `format(x, spec)`, and the NumPy float0 arrays
// that `grad(..., allow_int=True)` returns. JAX delegates to NumPy's array2string on the
// array's value (jax/_src/array.py::ArrayImpl.__repr__/__str__/__format__), so this is NumPy's
// printing (numpy >= 2.3 defaults) wrapped the way JAX wraps it. The building blocks live in
// ./format/: dragon4.ts (exact digits), elements.ts (per-dtype element formatters),
// array2string.ts (brackets, wrapping, summarisation), scalars.ts (Python/NumPy/C scalar text),
// pyformat.ts (Python's format-spec mini-language).
//
// Decisions, each checked against the source or NumPy itself (see the tests):
// - NumPy >= 2.3 rules: scientific notation from 10**min(8, finfo.precision) up (1e3 float16,
//   1e6 float32, 1e8 float64), thresholds compared in the array's own dtype (NEP 50). A JAX
//   install with NumPy <= 2.2 would print float32 values in [1e6, 1e8) positionally.
// - JAX's repr puts six spaces (not a newline) before `dtype=` when the last line is long: its
//   code is `sep = ' ' * len(prefix)` and `f"{prefix}{s},{sep}{dtype_str}"`.
// - bfloat16 (ml_dtypes) is not an np.floating, so NumPy prints its elements with the scalar's
//   repr, C++ `ostream << float` (printf "%g"): `Array([1, 0.333984], dtype=bfloat16)`.
// - float0 arrays print as NumPy 2 prints structured void: `array((b'',), dtype=[('float0',
//   'V')])`, as JAX's docs show.

import { PyError } from '../errors';
import { DTYPES } from './dtype';
import type { NDArray, Shape } from './ndarray';
import { array2string, FLOAT0_ELEMENT, formatArray, LINE_WIDTH, shapeRepr } from './format/array2string';
import { dragon4, FLOAT32 } from '../numeric/dragon4';
import { pyFormat, type PyScalar } from '../numeric/pyformat';
import { binaryFormatOf, cFormatG, numpyComplexStr, numpyFloatStr } from './format/scalars';
import { pyFloatRepr } from '../numeric/pyfloat';

export { pyFloatRepr };
export { pyFormat, type PyScalar };

/**
 * `repr(x)` of a jax.Array: `Array(4., dtype=float32, weak_type=True)`. Mirrors
 * ArrayImpl.__repr__, including its spacing rule: when the last line plus the dtype text would
 * pass 75 columns, the separator becomes six spaces (on the same line).
 */
export function arrayRepr(a: NDArray): string {
  const prefix = 'Array(';
  const dtypeStr = `dtype=${a.dtype}${a.weakType ? ', weak_type=True' : ''})`;
  const s =
    a.size === 0
      ? `[], shape=${shapeRepr(a.shape)}`
      : array2string(a, LINE_WIDTH, { separator: ', ', prefix, suffix: ',' });
  // JAX computes this as len(s) - s.rfind('\n') + 1: the last line's length plus two.
  const lastLineLen = s.length - s.lastIndexOf('\n') + 1;
  const sep = lastLineLen + dtypeStr.length + 1 > LINE_WIDTH ? ' '.repeat(prefix.length) : ' ';
  return `${prefix}${s},${sep}${dtypeStr}`;
}

/** `str(x)` / `print(x)`: `str(np_value)`; a 0-d array prints as its NumPy scalar. */
export function arrayStr(a: NDArray): string {
  if (a.shape.length === 0) return scalarStr(a);
  if (a.size === 0) return '[]';
  return array2string(a, LINE_WIDTH, { separator: ' ', prefix: '', suffix: '' });
}

/** `str()` of the NumPy scalar a 0-d array holds. */
function scalarStr(a: NDArray): string {
  const d = a.data;
  switch (DTYPES[a.dtype].kind) {
    case 'bool':
      return d[0] ? 'True' : 'False';
    case 'int':
    case 'uint':
      return integerText(d[0]!);
    case 'complex':
      return numpyComplexStr(d[0]!, d[1]!, binaryFormatOf(a.dtype));
    case 'float0':
      return FLOAT0_ELEMENT;
    case 'float':
      return a.dtype === 'bfloat16' ? cFormatG(d[0]!) : numpyFloatStr(d[0]!, binaryFormatOf(a.dtype));
  }
}

function integerText(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

/**
 * The Python value `format(x, spec)` sees for a 0-d array: ArrayImpl.__format__ formats the
 * NumPy scalar, whose __format__ converts floats to a Python float (so f"{jnp.float32(0.1)}" is
 * '0.10000000149011612'), ints to int, bool to bool, complex to complex. bfloat16 does the same
 * since ml_dtypes gave its scalars a __format__ that converts to float (jax-ml/ml_dtypes#387,
 * August 2026; older releases formatted its str instead).
 */
export function pythonScalarOf(a: NDArray): PyScalar {
  const d = a.data;
  switch (DTYPES[a.dtype].kind) {
    case 'bool':
      return { kind: 'bool', value: d[0] !== 0 };
    case 'int':
    case 'uint':
      return { kind: 'int', value: BigInt(d[0]!) };
    case 'complex':
      return { kind: 'complex', re: d[0]!, im: d[1]! };
    case 'float0':
      return { kind: 'str', value: FLOAT0_ELEMENT };
    case 'float':
      return { kind: 'float', value: d[0]! };
  }
}

/**
 * `format(x, spec)` / `f"{x:spec}"` of a jax.Array. A 0-d array formats its scalar; any other
 * array formats like a NumPy ndarray, which accepts only the empty spec.
 */
export function formatScalarForFormat(a: NDArray, spec: string): string {
  if (a.shape.length === 0) return pyFormat(pythonScalarOf(a), spec);
  if (spec === '') return arrayStr(a);
  throw new PyError('TypeError', 'unsupported format string passed to numpy.ndarray.__format__');
}

const FLOAT0_DTYPE = "dtype=[('float0', 'V')]";

/**
 * `repr` of the NumPy float0 array that grad with allow_int=True returns for an integer input:
 * `array((b'',), dtype=[('float0', 'V')])` (numpy's array_repr of a structured void array).
 */
export function float0Repr(shape: Shape): string {
  const prefix = 'array(';
  const size = shape.reduce((n, d) => n * d, 1);
  const lst = size === 0 ? '[]' : float0Body(shape, ', ', LINE_WIDTH - 1, ' '.repeat(prefix.length + 1));
  const extras: string[] = [];
  if ((size === 0 && !(shape.length === 1 && shape[0] === 0)) || size > 1000) extras.push(`shape=${shapeRepr(shape)}`);
  extras.push(FLOAT0_DTYPE);
  const arrStr = `${prefix}${lst},`;
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > LINE_WIDTH ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}

/** `str` of that float0 array: `[(b'',) (b'',)]`, or `(b'',)` when 0-d. */
export function float0Str(shape: Shape): string {
  if (shape.length === 0) return FLOAT0_ELEMENT;
  if (shape.some((d) => d === 0)) return '[]';
  return float0Body(shape, ' ', LINE_WIDTH, ' ');
}

function float0Body(shape: Shape, separator: string, lineWidth: number, nextLinePrefix: string): string {
  const size = shape.reduce((n, d) => n * d, 1);
  return formatArray(shape, () => FLOAT0_ELEMENT, lineWidth, nextLinePrefix, separator, size > 1000);
}

/**
 * The shortest decimal that reads back as the same float32, written as Python writes a float
 * (`0.1`, `4.0`, `1e-05`, `nan`): how a float32 result is shown outside an array repr.
 */
export function float32ShortestDigits(x: number): string {
  const f = Math.fround(x);
  if (!Number.isFinite(f) || f === 0) return pyFloatRepr(f);
  const { digits, exponent } = dragon4(f, FLOAT32, 'unique', 'total', -1, -1);
  // Python reads this text back to the double nearest the decimal, whose repr is the same text.
  return pyFloatRepr(Number(`${f < 0 ? '-' : ''}0.${digits}e${exponent + 1}`));
}

/** The double nearest the float32 shortest decimal (JSON.stringify then writes `0.1`). */
export function float32ShortestNumber(x: number): number {
  return Number(float32ShortestDigits(x));
}
