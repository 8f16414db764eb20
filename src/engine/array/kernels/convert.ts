// Dtype conversion (lax.convert_element_type), array creation (full, iota) and the element
// access helpers the layers above use (getScalar, fromNested, toNested).

import { valueError } from '../../errors';
import { type DType, DTYPES } from '../dtype';
import { NDArray, type Shape } from '../ndarray';
import { intRange, isComplexDtype, storeRounder, stridesOf } from './util';

export type Scalar = number | boolean | { re: number; im: number };

/**
 * How a real value (already read from a `from` array) becomes a `to` element: anything -> bool
 * is `!= 0`; float -> int truncates toward zero, NaN gives 0 and out-of-range values saturate
 * (XLA's CPU conversion); int -> narrower int wraps; floats round to nearest even.
 */
export function realConverter(from: DType, to: DType): (v: number) => number {
  const toKind = DTYPES[to].kind;
  const fromKind = DTYPES[from].kind;
  if (to === 'bool') return (v) => (v !== 0 ? 1 : 0);
  if ((toKind === 'int' || toKind === 'uint') && (fromKind === 'float' || fromKind === 'complex')) {
    const [min, max] = intRange(to);
    return (v) => (Number.isNaN(v) ? 0 : v <= min ? min : v >= max ? max : Math.trunc(v));
  }
  return storeRounder(to) ?? ((v) => v);
}

/** `x` as dtype `dtype` with the given weak type; complex -> real keeps the real part. */
export function convert(x: NDArray, dtype: DType, weakType: boolean): NDArray {
  if (dtype === x.dtype) return x.withWeakType(weakType);
  const out = NDArray.zeros(dtype, x.shape, weakType);
  if (dtype === 'float0') return out;
  const a = x.data;
  const o = out.data;
  const n = x.size;
  const fromComplex = isComplexDtype(x.dtype);
  const toComplex = isComplexDtype(dtype);
  if (fromComplex && toComplex) {
    o.set(a);
    return out;
  }
  if (fromComplex && dtype === 'bool') {
    for (let i = 0; i < n; i++) o[i] = a[2 * i] !== 0 || a[2 * i + 1] !== 0 ? 1 : 0;
    return out;
  }
  const f = realConverter(x.dtype, toComplex ? 'float64' : dtype);
  const inStep = fromComplex ? 2 : 1;
  const outStep = toComplex ? 2 : 1;
  for (let i = 0; i < n; i++) o[i * outStep] = f(a[i * inStep]);
  return out;
}

/** Stores one scalar as element `i` of `out` (converting as `convert` does from its type). */
function storeScalar(out: NDArray, i: number, value: Scalar): void {
  const o = out.data;
  const dtype = out.dtype;
  if (dtype === 'float0') return;
  if (typeof value === 'object') {
    if (isComplexDtype(dtype)) {
      o[2 * i] = value.re;
      o[2 * i + 1] = value.im;
    } else if (dtype === 'bool') {
      o[i] = value.re !== 0 || value.im !== 0 ? 1 : 0;
    } else {
      o[i] = realConverter('complex128', dtype)(value.re);
    }
    return;
  }
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  if (isComplexDtype(dtype)) {
    o[2 * i] = v;
    o[2 * i + 1] = 0;
  } else {
    o[i] = realConverter('float64', dtype)(v);
  }
}

/** An array of `shape` filled with `value` converted to `dtype`. */
export function full(dtype: DType, shape: Shape, value: Scalar, weakType = false): NDArray {
  const out = NDArray.zeros(dtype, shape, weakType);
  const n = out.size;
  if (n === 0 || dtype === 'float0') return out;
  storeScalar(out, 0, value);
  if (isComplexDtype(dtype)) {
    const re = out.data[0];
    const im = out.data[1];
    for (let i = 1; i < n; i++) {
      out.data[2 * i] = re;
      out.data[2 * i + 1] = im;
    }
  } else {
    out.data.fill(out.data[0]);
  }
  return out;
}

/** lax.iota / broadcasted_iota: the index along `dimension` at every position of `shape`. */
export function iota(dtype: DType, shape: Shape, dimension: number): NDArray {
  const out = NDArray.zeros(dtype, shape);
  const n = out.size;
  const stride = stridesOf(shape)[dimension];
  const dim = shape[dimension];
  const step = isComplexDtype(dtype) ? 2 : 1;
  const f = realConverter('float64', isComplexDtype(dtype) ? 'float64' : dtype);
  for (let i = 0; i < n; i++) out.data[i * step] = f(Math.floor(i / stride) % dim);
  return out;
}

/** Element `flatIndex` as a JS value: boolean for bool, {re, im} for complex, else a number. */
export function getScalar(x: NDArray, flatIndex: number): Scalar {
  if (x.dtype === 'bool') return x.data[flatIndex] !== 0;
  if (isComplexDtype(x.dtype)) return { re: x.data[2 * flatIndex], im: x.data[2 * flatIndex + 1] };
  if (x.dtype === 'float0') return false;
  return x.data[flatIndex];
}

/** The shape of nested JS arrays; ragged nesting raises NumPy's ValueError. */
function nestedShape(values: unknown): number[] {
  if (!Array.isArray(values)) return [];
  if (values.length === 0) return [0];
  const inner = nestedShape(values[0]);
  for (const v of values) {
    const s = nestedShape(v);
    if (s.length !== inner.length || s.some((d, i) => d !== inner[i])) {
      throw valueError(
        'setting an array element with a sequence. The requested array has an inhomogeneous shape ' +
          `after 1 dimensions. The detected shape was (${values.length},) + inhomogeneous part.`,
      );
    }
  }
  return [values.length, ...inner];
}

/** An array from nested JS arrays of number | boolean | {re, im}, converted to `dtype`. */
export function fromNested(values: unknown, dtype: DType, weakType: boolean): NDArray {
  const shape = nestedShape(values);
  const out = NDArray.zeros(dtype, shape, weakType);
  let i = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const e of v) walk(e);
    else storeScalar(out, i++, v as Scalar);
  };
  walk(values);
  return out;
}

/** Nested JS arrays of getScalar values (a bare scalar for a 0-d array). */
export function toNested(x: NDArray): unknown {
  const strides = stridesOf(x.shape);
  const build = (axis: number, offset: number): unknown => {
    if (axis === x.ndim) return getScalar(x, offset);
    const items: unknown[] = [];
    for (let j = 0; j < x.shape[axis]; j++) items.push(build(axis + 1, offset + j * strides[axis]));
    return items;
  };
  return build(0, 0);
}
