// Turning Python objects into autodiff Values at the jax.numpy boundary.
//
// Python scalars become weakly typed 0-d arrays (bool is never weak); JAX arrays give their
// Value. Everything else is not "array-like" for jnp functions: lists raise JAX's
// check_arraylike TypeError (`sum requires ndarray or scalar arguments, got <class 'list'> at
// position 0.`), and float0 arrays raise check_no_float0s' TypeError (SEMANTICS §1.8, §1.12).

import { type DType } from '../array/dtype';
import * as K from '../array/kernels';
import { NDArray } from '../array/ndarray';
import { canonicalizeDtype } from '../array/promotion';
import { type Value } from '../autodiff/core';
import { PyError, typeError } from '../errors';
import { PyBool, PyComplex, PyFloat, PyInt, type PyObject } from '../interp/object';
import { pyRepr } from '../interp/protocol';
import { JaxArray } from './array';
import { Float0Array } from './float0';

export type PythonScalarKind = 'bool' | 'int' | 'float' | 'complex';

export function pythonScalarKind(o: PyObject): PythonScalarKind | undefined {
  if (o instanceof PyBool) return 'bool';
  if (o instanceof PyInt) return 'int';
  if (o instanceof PyFloat) return 'float';
  if (o instanceof PyComplex) return 'complex';
  return undefined;
}

const INT_LIMITS: Partial<Record<DType, [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** The weakly typed 0-d array JAX makes of a Python scalar (x64 decides the width). */
export function scalarToArray(o: PyObject, dtype?: DType, weak?: boolean): NDArray {
  const kind = pythonScalarKind(o);
  if (!kind) throw new Error('scalarToArray of a non-scalar');
  const d =
    dtype ??
    canonicalizeDtype(kind === 'bool' ? 'bool' : kind === 'int' ? 'int64' : kind === 'float' ? 'float64' : 'complex128');
  const w = weak ?? kind !== 'bool';
  if (o instanceof PyComplex) return K.full(d, [], { re: o.re, im: o.im }, w);
  if (o instanceof PyBool) return K.full(d, [], d === 'bool' ? o.value : o.value ? 1 : 0, w);
  if (o instanceof PyInt) {
    const lim = INT_LIMITS[d];
    if (lim && (o.value < lim[0] || o.value > lim[1])) {
      throw new PyError('OverflowError', `Python int ${o.value} too large to convert to ${d}`);
    }
    return K.full(d, [], d === 'bool' ? o.value !== 0n : Number(o.value), w);
  }
  return K.full(d, [], (o as PyFloat).value, w);
}

/** The Value behind an array-like Python object, or undefined when it is not array-like. */
export function toValue(o: PyObject): Value | undefined {
  if (o instanceof JaxArray) return o.value;
  if (pythonScalarKind(o)) return scalarToArray(o);
  return undefined;
}

export function isArrayLike(o: PyObject): boolean {
  return o instanceof JaxArray || pythonScalarKind(o) !== undefined || o instanceof Float0Array;
}

/** JAX's `check_arraylike`: lists, tuples, strings, None are not arrays for jnp functions. */
export function checkArraylike(fnName: string, args: readonly PyObject[]): void {
  args.forEach((a, i) => {
    if (!isArrayLike(a)) {
      throw typeError(`${fnName} requires ndarray or scalar arguments, got ${typeRepr(a)} at position ${i}.`);
    }
  });
}

/** JAX's `check_no_float0s` (jax/_src/numpy/util.py). */
export function checkNoFloat0s(fnName: string, args: readonly PyObject[]): void {
  if (args.some((a) => a instanceof Float0Array)) throw float0Error(fnName);
}

export function float0Error(fnName: string): PyError {
  return typeError(
    `Called ${fnName} with a float0 array. float0s do not support any operations by design because they ` +
      'are not compatible with non-trivial vector spaces. No implicit dtype conversion is done. You can use ' +
      "np.zeros_like(arr, dtype=np.float) to cast a float0 array to a regular zeros array. \nIf you didn't " +
      'expect to get a float0 you might have accidentally taken a gradient with respect to an integer argument.',
  );
}

/** The arguments of a jnp function as Values, after both checks. */
export function arrayArgs(fnName: string, args: readonly PyObject[]): Value[] {
  checkArraylike(fnName, args);
  checkNoFloat0s(fnName, args);
  return args.map((a) => toValue(a)!);
}

export function arrayArg(fnName: string, a: PyObject): Value {
  return arrayArgs(fnName, [a])[0];
}

/** `type(x)` as Python prints it: `<class 'list'>`. */
export function typeRepr(o: PyObject): string {
  return `<class '${o.cls.qualname}'>`;
}

/** For messages that quote a value. */
export function reprOf(o: PyObject): string {
  return pyRepr(o);
}
