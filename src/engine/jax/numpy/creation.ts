// Array constructors: array/asarray (nested lists), zeros, ones, full, *_like, arange, linspace,
// eye. Weak types follow jax/_src/numpy/array_constructors.py (SEMANTICS §2.2): a Python scalar
// gives a weak array, a list never does, `full` is weak when its fill value is and no dtype is
// given, `*_like` keep the input's weak type unless a dtype is given.

import { type DType, DTYPES } from '../../array/dtype';
import { NDArray } from '../../array/ndarray';
import * as K from '../../array/kernels';
import { canonicalizeDtype, resultType } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { typeError, valueError } from '../../errors';
import { PyBool, PyComplex, PyFloat, PyInt, PyList, type PyObject, PyTuple } from '../../interp/object';
import { toPyFloat } from '../../interp/protocol';
import { JaxArray } from '../array';
import { pythonScalarKind, scalarToArray, toValue, typeRepr } from '../coerce';
import { Float0Array } from '../float0';
import { inexactDtype } from '../promote';

type Leaf = { py?: PyObject; value?: Value };

/** `jnp.array(obj, dtype)`: arrays, Python scalars and (nested) lists/tuples of them. */
export function array(obj: PyObject, dtype: DType | undefined): Value {
  if (obj instanceof JaxArray) return dtype ? lax.convertElementType(obj.value, dtype, false) : obj.value;
  if (pythonScalarKind(obj)) return dtype ? scalarToArray(obj, dtype, false) : scalarToArray(obj);
  if (obj instanceof Float0Array) throw typeError('JAX arrays cannot be built from float0 arrays');
  if (!(obj instanceof PyList || obj instanceof PyTuple)) {
    throw typeError(`Value ${JSON.stringify(String(obj.cls.name))} with type ${typeRepr(obj)} is not a valid JAX array type`);
  }
  const leaves: Leaf[] = [];
  const outer = nestedShape(obj, leaves, 0);
  const values = leaves.map((l) => l.value ?? scalarToArray(l.py!));
  const leafShape = values.length ? avalOf(values[0]).shape : [];
  for (const v of values) {
    const s = avalOf(v).shape;
    if (s.length !== leafShape.length || s.some((d, i) => d !== leafShape[i])) throw inhomogeneous(outer.length);
  }
  const target = dtype ?? (values.length ? resultType(...values.map(avalOf)).dtype : canonicalizeDtype('float64'));
  const shape = [...outer, ...leafShape];
  if (leaves.every((l) => l.py !== undefined)) {
    return K.fromNested(nestedJs(obj, target), target, false).withWeakType(false) as Value;
  }
  if (values.length === 0) return lax.full(shape, 0, target, false);
  const parts = values.map((v) => lax.reshape(lax.convertElementType(v, target, false), [1, ...leafShape]));
  return lax.reshape(lax.concatenate(parts, 0), shape);
}

function inhomogeneous(dims: number): Error {
  return valueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${dims} dimensions.`,
  );
}

/** The shape of the list nesting; collects the leaves in row-major order. */
function nestedShape(o: PyObject, leaves: Leaf[], depth: number): number[] {
  if (o instanceof PyList || o instanceof PyTuple) {
    const shapes = o.items.map((item) => nestedShape(item, leaves, depth + 1));
    if (shapes.length === 0) return [0];
    const first = JSON.stringify(shapes[0]);
    if (shapes.some((s) => JSON.stringify(s) !== first)) throw inhomogeneous(depth + 1);
    return [o.items.length, ...shapes[0]];
  }
  if (o instanceof JaxArray) leaves.push({ value: o.value });
  else if (pythonScalarKind(o)) leaves.push({ py: o });
  else throw typeError(`Value ${o.cls.name} with type ${typeRepr(o)} is not a valid JAX array type`);
  return [];
}

/** Nested JS values for K.fromNested, converted to what `dtype` stores. */
function nestedJs(o: PyObject, dtype: DType): unknown {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.map((i) => nestedJs(i, dtype));
  const kind = DTYPES[dtype].kind;
  if (o instanceof PyComplex) return kind === 'complex' ? { re: o.re, im: o.im } : o.re;
  if (o instanceof PyBool) return kind === 'bool' ? o.value : o.value ? 1 : 0;
  if (o instanceof PyInt) return kind === 'bool' ? o.value !== 0n : Number(o.value);
  const x = (o as PyFloat).value;
  if (kind === 'bool') return x !== 0;
  if (kind === 'int' || kind === 'uint') return Math.trunc(x);
  return x;
}

export function full(shape: number[], fill: PyObject, dtype: DType | undefined): Value {
  if (shape.some((d) => d < 0)) throw valueError(`negative dimensions are not allowed`);
  const v = toValue(fill);
  if (!v) throw typeError(`full requires ndarray or scalar arguments, got ${typeRepr(fill)} at position 1.`);
  const a = avalOf(v);
  const d = dtype ?? a.dtype;
  const weak = dtype === undefined && a.weakType;
  const converted = lax.convertElementType(v, d, weak);
  if (a.shape.length === 0) {
    return lax.broadcastInDim(converted, shape, []);
  }
  const lead = shape.length - a.shape.length;
  return lax.broadcastInDim(converted, shape, a.shape.map((_, i) => lead + i));
}

export function filled(shape: number[], value: number, dtype: DType | undefined): Value {
  if (shape.some((d) => d < 0)) throw valueError(`negative dimensions are not allowed`);
  const d = dtype ?? canonicalizeDtype('float64');
  return lax.full(shape, d === 'bool' ? value !== 0 : value, d, false);
}

export function like(x: Value, value: number, dtype: DType | undefined, shape?: number[]): Value {
  const a = avalOf(x);
  const d = dtype ?? a.dtype;
  return lax.full(shape ?? a.shape, d === 'bool' ? value !== 0 : value, d, dtype === undefined && a.weakType);
}

/** A start/stop/step argument: a Python number or a concrete 0-d array. */
function scalarNumber(o: PyObject): number {
  const c = o instanceof JaxArray ? o.concrete : undefined;
  if (c && c.shape.length === 0) return Number(K.getScalar(c, 0));
  return toPyFloat(o);
}

function isFloatArg(o: PyObject): boolean {
  if (o instanceof PyFloat) return true;
  if (o instanceof JaxArray) return DTYPES[o.aval.dtype].kind === 'float';
  return false;
}

export function arange(start: PyObject, stop: PyObject | undefined, step: PyObject | undefined, dtype: DType | undefined): Value {
  const args = [start, stop, step].filter((a): a is PyObject => a !== undefined);
  const d = dtype ?? canonicalizeDtype(args.some(isFloatArg) ? 'float64' : 'int64');
  let lo = scalarNumber(start);
  let hi: number;
  if (stop === undefined) {
    hi = lo;
    lo = 0;
  } else hi = scalarNumber(stop);
  const st = step === undefined ? 1 : scalarNumber(step);
  if (st === 0) throw valueError('arange: step cannot be zero');
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  const values = NDArray.zeros('float64', [n]);
  const data = values.data;
  for (let i = 0; i < n; i++) data[i] = lo + i * st;
  return K.convert(values, d, false);
}

export function linspace(start: number, stop: number, num: number, endpoint: boolean, dtype: DType | undefined): Value {
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  const d = dtype ?? inexactDtype(canonicalizeDtype('float64'));
  const r = DTYPES[d].bits === 32 ? Math.fround : (x: number) => x;
  const div = endpoint ? num - 1 : num;
  const delta = div > 0 ? r(r(stop - start) / div) : 0;
  const values = NDArray.zeros('float64', [num]);
  const data = values.data;
  for (let i = 0; i < num; i++) data[i] = r(start + r(i * delta));
  if (endpoint && num > 1) data[num - 1] = stop;
  if (num === 1) data[0] = start;
  return K.convert(values, d, false);
}

export function eye(n: number, m: number | undefined, k: number, dtype: DType | undefined): Value {
  const d = dtype ?? canonicalizeDtype('float64');
  const cols = m ?? n;
  const rows = Array.from({ length: n }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (DTYPES[d].kind === 'bool' ? j - i === k : j - i === k ? 1 : 0)),
  );
  if (n === 0 || cols === 0) return lax.full([n, cols], 0, d, false);
  return K.fromNested(rows, d, false);
}
