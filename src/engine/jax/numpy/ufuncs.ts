// Elementwise jax.numpy functions (jax/_src/numpy/ufuncs.py), written on lax. Each takes Python
// objects (arrays or scalars), promotes them as jnp does, and returns a Value. The Python
// operators of jax.Array use the same functions, so `x + 1` and `jnp.add(x, 1)` agree.

import { DTYPES, type DType } from '../../array/dtype';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import * as K from '../../array/kernels';
import { notSupported } from '../../errors';
import { PyBool, PyInt, type PyObject } from '../../interp/object';
import { JaxArray } from '../array';
import { arrayArg, arrayArgs, checkArraylike, checkNoFloat0s } from '../coerce';
import { inexactDtype, promoteArgs, promoteArgsInexact, promoteShapes, promoteDtypes } from '../promote';

export type Binary = (a: PyObject, b: PyObject) => Value;
export type Unary = (a: PyObject) => Value;

/** A constant with `v`'s shape, dtype and weak type. */
export function constLike(v: Value, value: number | boolean): Value {
  const a = avalOf(v);
  return lax.full(a.shape, a.dtype === 'bool' ? Boolean(value) : value, a.dtype, a.weakType);
}

const kindOf = (v: Value) => DTYPES[avalOf(v).dtype].kind;
const isIntLike = (v: Value) => kindOf(v) === 'int' || kindOf(v) === 'uint';

function simple(name: string, op: (x: Value, y: Value) => Value, onBool?: (x: Value, y: Value) => Value): Binary {
  return (a, b) => {
    const [x, y] = promoteArgs(name, [a, b]);
    return onBool && avalOf(x).dtype === 'bool' ? onBool(x, y) : op(x, y);
  };
}

export const add = simple('add', lax.add, lax.or);
export const subtract = simple('subtract', lax.sub);
export const multiply = simple('multiply', lax.mul, lax.and);
export const maximum = simple('maximum', lax.max);
export const minimum = simple('minimum', lax.min);
export const equal = simple('equal', lax.eq);
export const notEqual = simple('not_equal', lax.ne);
export const less = simple('less', lax.lt);
export const lessEqual = simple('less_equal', lax.le);
export const greater = simple('greater', lax.gt);
export const greaterEqual = simple('greater_equal', lax.ge);
export const bitwiseAnd = simple('bitwise_and', lax.and);
export const bitwiseOr = simple('bitwise_or', lax.or);
export const bitwiseXor = simple('bitwise_xor', lax.xor);

export const trueDivide: Binary = (a, b) => {
  const [x, y] = promoteArgsInexact('true_divide', [a, b]);
  return lax.div(x, y);
};

export const arctan2: Binary = (a, b) => {
  const [x, y] = promoteArgsInexact('arctan2', [a, b]);
  return lax.atan2(x, y);
};

function logical(name: string, op: (x: Value, y: Value) => Value): Binary {
  return (a, b) => {
    const [x, y] = promoteShapes(arrayArgs(name, [a, b]).map(toBool));
    return op(x, y);
  };
}
export const logicalAnd = logical('logical_and', lax.and);
export const logicalOr = logical('logical_or', lax.or);
export const logicalXor = logical('logical_xor', lax.xor);

export function toBool(v: Value): Value {
  return avalOf(v).dtype === 'bool' ? v : lax.ne(v, constLike(v, 0));
}

/** Python's `//`: rounds toward -inf (JAX's floor_divide). */
export const floorDivide: Binary = (a, b) => {
  const [x, y] = promoteArgs('floor_divide', [a, b]);
  const kind = kindOf(x);
  if (kind === 'uint') return lax.div(x, y);
  if (kind === 'int') {
    const q = lax.div(x, y);
    const fix = lax.and(lax.ne(lax.sign(x), lax.sign(y)), lax.ne(lax.rem(x, y), constLike(x, 0)));
    return lax.select(fix, lax.sub(q, constLike(q, 1)), q);
  }
  if (kind === 'bool') return lax.and(x, y);
  return floatDivmod(x, y)[0];
};

function floatDivmod(x: Value, y: Value): [Value, Value] {
  let mod = lax.rem(x, y);
  let div = lax.div(lax.sub(x, mod), y);
  const ind = lax.and(lax.ne(mod, constLike(mod, 0)), lax.ne(lax.sign(y), lax.sign(mod)));
  mod = lax.select(ind, lax.add(mod, y), mod);
  div = lax.select(ind, lax.sub(div, constLike(div, 1)), div);
  return [lax.round(div, 'even'), mod];
}

/** Python's `%`: the result takes the divisor's sign (JAX's remainder). */
export const remainder: Binary = (a, b) => {
  let [x, y] = promoteArgs('remainder', [a, b]);
  if (isIntLike(y)) y = lax.select(lax.eq(y, constLike(y, 0)), constLike(y, 1), y);
  const zero = constLike(x, 0);
  const trunc = lax.rem(x, y);
  const plus = lax.and(lax.ne(lax.lt(trunc, zero), lax.lt(y, constLike(y, 0))), lax.ne(trunc, zero));
  return lax.select(plus, lax.add(trunc, y), trunc);
};

/** An exponent usable by integer_pow: a Python int or a concrete integer 0-d array. */
function staticIntExponent(b: PyObject): number | undefined {
  if (b instanceof PyInt || b instanceof PyBool) return b instanceof PyBool ? (b.value ? 1 : 0) : Number(b.value);
  if (b instanceof JaxArray) {
    const a = b.aval;
    const c = b.concrete;
    if (c && a.shape.length === 0 && (DTYPES[a.dtype].kind === 'int' || DTYPES[a.dtype].kind === 'uint')) {
      return Number(K.getScalar(c, 0));
    }
  }
  return undefined;
}

/** `x ** y`: integer exponents use integer_pow (differentiable at 0), others lax.pow. */
export const power: Binary = (a, b) => {
  checkArraylike('power', [a, b]);
  checkNoFloat0s('power', [a, b]);
  const n = staticIntExponent(b);
  if (n !== undefined) {
    let x = arrayArg('power', a);
    if (avalOf(x).dtype === 'bool') x = lax.convertElementType(x, 'int32', avalOf(x).weakType);
    return lax.integerPow(x, n);
  }
  const [x, y] = promoteArgs('power', [a, b]);
  if (isIntLike(x)) throw notSupported('integer arrays raised to integer array powers');
  return lax.pow(x, y);
};

// ---------------------------------------------------------------- unary

function inexactUnary(name: string, op: (x: Value) => Value): Unary {
  return (a) => op(promoteArgsInexact(name, [a])[0]);
}

export const exp = inexactUnary('exp', lax.exp);
export const exp2 = inexactUnary('exp2', lax.exp2);
export const log = inexactUnary('log', lax.log);
export const log1p = inexactUnary('log1p', lax.log1p);
export const expm1 = inexactUnary('expm1', lax.expm1);
export const sqrt = inexactUnary('sqrt', lax.sqrt);
export const cbrt = inexactUnary('cbrt', lax.cbrt);
export const sin = inexactUnary('sin', lax.sin);
export const cos = inexactUnary('cos', lax.cos);
export const tan = inexactUnary('tan', lax.tan);
export const tanh = inexactUnary('tanh', lax.tanh);
export const sinh = inexactUnary('sinh', lax.sinh);
export const cosh = inexactUnary('cosh', lax.cosh);
export const arcsin = inexactUnary('arcsin', lax.asin);
export const arccos = inexactUnary('arccos', lax.acos);
export const arctan = inexactUnary('arctan', lax.atan);
export const arcsinh = inexactUnary('arcsinh', lax.asinh);
export const arccosh = inexactUnary('arccosh', lax.acosh);
export const arctanh = inexactUnary('arctanh', lax.atanh);
export const log2 = inexactUnary('log2', (x) => lax.div(lax.log(x), lax.log(constLike(x, 2))));
export const log10 = inexactUnary('log10', (x) => lax.div(lax.log(x), lax.log(constLike(x, 10))));
export const reciprocal = inexactUnary('reciprocal', (x) => lax.div(constLike(x, 1), x));

function numericUnary(name: string, op: (x: Value) => Value, onIntOrBool?: (x: Value) => Value): Unary {
  return (a) => {
    const x = promoteDtypes(arrayArgs(name, [a]))[0];
    const k = kindOf(x);
    return onIntOrBool && (k === 'int' || k === 'uint' || k === 'bool') ? onIntOrBool(x) : op(x);
  };
}

const identity = (x: Value) => x;
export const negative = numericUnary('negative', lax.neg);
export const positive = numericUnary('positive', identity);
export const absolute = numericUnary('absolute', lax.abs, (x) => (kindOf(x) === 'int' ? lax.abs(x) : x));
export const sign = numericUnary('sign', lax.sign);
export const floor = numericUnary('floor', lax.floor, identity);
export const ceil = numericUnary('ceil', lax.ceil, identity);
export const square = numericUnary('square', (x) => lax.integerPow(x, 2));
export const real = numericUnary('real', (x) => (kindOf(x) === 'complex' ? lax.real(x) : x));
export const imag = numericUnary('imag', (x) => (kindOf(x) === 'complex' ? lax.imag(x) : constLike(x, 0)));
export const conjugate = numericUnary('conjugate', (x) => (kindOf(x) === 'complex' ? lax.conj(x) : x));
export const logicalNot = numericUnary('logical_not', (x) => lax.not(toBool(x)));
export const invert = numericUnary('invert', lax.not);

export const isfinite = numericUnary('isfinite', (x) =>
  kindOf(x) === 'float' ? lax.isFinite(x) : kindOf(x) === 'complex' ? lax.and(lax.isFinite(lax.real(x)), lax.isFinite(lax.imag(x))) : constBool(x, true),
);
export const isnan = numericUnary('isnan', (x) => (kindOf(x) === 'float' || kindOf(x) === 'complex' ? lax.ne(x, x) : constBool(x, false)));
const isInfPart = (v: Value) => lax.eq(lax.abs(v), constLike(v, Infinity));
export const isinf = numericUnary('isinf', (x) =>
  kindOf(x) === 'float' ? isInfPart(x) : kindOf(x) === 'complex' ? lax.or(isInfPart(lax.real(x)), isInfPart(lax.imag(x))) : constBool(x, false),
);

function constBool(x: Value, b: boolean): Value {
  return lax.full(avalOf(x).shape, b, 'bool', false);
}

/** `jnp.round(x, decimals)`: half to even, like NumPy. Integers are returned unchanged. */
export function round(a: PyObject, decimals: number): Value {
  const x = promoteDtypes(arrayArgs('round', [a]))[0];
  const k = kindOf(x);
  if (k !== 'float' && k !== 'complex') {
    if (decimals >= 0) return x;
    throw notSupported('rounding integers to negative decimals');
  }
  if (decimals === 0) return lax.round(x, 'even');
  const factor = constLike(x, 10 ** decimals);
  return lax.div(lax.round(lax.mul(x, factor), 'even'), factor);
}

/** The floating dtype of a value's inexact counterpart (used by mean, var, ...). */
export function inexactOf(v: Value): DType {
  return inexactDtype(avalOf(v).dtype);
}

/** True when `v` has a concrete value (used by functions that need one, e.g. boolean masks). */
export function isConcrete(v: Value): boolean {
  return concreteValue(v) !== undefined;
}
