// The TREE encoding of report.ts (DESIGN §5; the `expect` field of cases-public.jsonl): array
// leaves with value/dtype/shape/weak_type/repr, float0 leaves, Python scalars as
// {python, value}, containers as {tuple}/{list}/{dict}, anything else as {python: type, value: repr}.

import { arrayRepr } from '../array/format';
import * as K from '../array/kernels';
import type { NestedValue, Scalar, Tree } from '../report';
import { PyBool, PyComplex, PyDict, PyFloat, PyInt, PyList, PyNone, type PyObject, PyStr, PyTuple } from '../interp/object';
import { pyRepr, pyStr } from '../interp/protocol';
import { JaxArray } from './array';
import { DTypeObject, ScalarType } from './dtypes';
import { Float0Array } from './float0';

function num(x: number): number | 'nan' | 'inf' | '-inf' {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return x;
}

function scalar(v: unknown): Scalar {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return num(v);
  const c = v as { re: number; im: number };
  return { re: num(c.re), im: num(c.im) };
}

function nested(v: unknown): NestedValue {
  return Array.isArray(v) ? v.map(nested) : scalar(v);
}

export function toTree(o: PyObject): Tree {
  if (o instanceof JaxArray) {
    const c = o.concrete;
    if (!c || !o.isConcreteArray()) return { python: o.cls.name, value: pyRepr(o) };
    return { value: nested(K.toNested(c)), dtype: c.dtype, shape: [...c.shape], weak_type: c.weakType, repr: arrayRepr(c) };
  }
  if (o instanceof Float0Array) return { value: null, dtype: 'float0', shape: [...o.shape], container: 'numpy.ndarray', repr: pyRepr(o) };
  if (o instanceof PyBool) return { python: 'bool', value: o.value };
  if (o instanceof PyInt) {
    const n = Number(o.value);
    return { python: 'int', value: Number.isSafeInteger(n) ? n : o.value.toString() };
  }
  if (o instanceof PyFloat) return { python: 'float', value: num(o.value) };
  if (o instanceof PyComplex) return { python: 'complex', value: { re: num(o.re), im: num(o.im) } };
  if (o instanceof PyStr) return { python: 'str', value: o.value };
  if (o instanceof PyNone) return { python: 'NoneType', value: null };
  if (o instanceof DTypeObject) return { python: 'dtype', value: o.dtype };
  if (o instanceof ScalarType) return { python: 'type', value: pyRepr(o) };
  if (o instanceof PyTuple) return { tuple: o.items.map(toTree) };
  if (o instanceof PyList) return { list: o.items.map(toTree) };
  if (o instanceof PyDict) {
    const d: Record<string, Tree> = {};
    for (const [k, v] of o.entries.values()) d[k instanceof PyStr ? k.value : pyStr(k)] = toTree(v);
    return { dict: d };
  }
  return { python: o.cls.name, value: pyRepr(o) };
}
