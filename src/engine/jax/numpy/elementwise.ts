// More elementwise functions of jax.numpy (jax/_src/numpy/ufuncs.py and lax_numpy.py), written
// as JAX writes them so values, dtypes and weak types agree: nan_to_num, heaviside, sinc,
// hypot, deg2rad/radians, rad2deg/degrees, fabs, copysign, signbit, trunc, fix, rint,
// logaddexp2, fmax, fmin, float_power, polyval, select.

import { type DType, DTYPES } from '../../array/dtype';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, typeError, valueError } from '../../errors';
import { PyList, type PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { pyTuple, toArray, toPyFloat } from '../../interp/protocol';
import { type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { broadcastAll, inexactDtype, promoteArgs, promoteArgsInexact, promoteDtypes, promoteDtypesInexact } from '../promote';
import { constLike, power, toBool } from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const kindOf = (v: Value) => DTYPES[avalOf(v).dtype].kind;
const isInexact = (v: Value) => kindOf(v) === 'float' || kindOf(v) === 'complex';

/** The largest finite value of a floating dtype (numpy.finfo(dtype).max). */
export function finfoMax(d: DType): number {
  switch (d) {
    case 'float16':
      return 65504;
    case 'bfloat16':
      return 3.3895313892515355e38;
    case 'float32':
      return 3.4028234663852886e38;
    default:
      return Number.MAX_VALUE;
  }
}

function noComplex(name: string, v: Value): void {
  if (kindOf(v) === 'complex') throw typeError(`ufunc '${name}' does not support complex dtypes`);
}

/** A strong (not weakly typed) copy of `v`'s dtype holding `value`, shaped like `v`. */
function strongConst(v: Value, value: number): Value {
  return lax.full(avalOf(v).shape, value, avalOf(v).dtype, false);
}

function nanToNum(b: Bound): Value {
  const x = arrayArg('nan_to_num', b.x);
  if (!isInexact(x)) return x;
  if (kindOf(x) === 'complex') throw notSupported('jnp.nan_to_num of complex arrays');
  const d = avalOf(x).dtype;
  const nan = isNone(b.nan) ? 0 : toPyFloat(b.nan);
  const posinf = isNone(b.posinf) ? finfoMax(d) : toPyFloat(b.posinf);
  const neginf = isNone(b.neginf) ? -finfoMax(d) : toPyFloat(b.neginf);
  // JAX selects between `x` and strongly typed constants, so the result is never weak.
  let out = lax.convertElementType(x, d, false);
  out = lax.select(lax.ne(out, out), strongConst(out, nan), out);
  out = lax.select(lax.eq(out, strongConst(out, Infinity)), strongConst(out, posinf), out);
  return lax.select(lax.eq(out, strongConst(out, -Infinity)), strongConst(out, neginf), out);
}

function heaviside(a: PyObject, b: PyObject): Value {
  const [x1, x2] = broadcastAll(promoteArgsInexact('heaviside', [a, b]));
  const zero = constLike(x1, 0);
  return lax.select(lax.lt(x1, zero), zero, lax.select(lax.gt(x1, zero), constLike(x1, 1), x2));
}

function sinc(a: PyObject): Value {
  const [x] = promoteArgsInexact('sinc', [a]);
  const isZero = lax.eq(x, constLike(x, 0));
  const piX = lax.mul(constLike(x, Math.PI), x);
  const safe = lax.select(isZero, constLike(x, 1), piX);
  // At 0, JAX selects a custom-JVP Maclaurin branch whose derivatives are those of sin(y)/y at
  // 0; the Taylor polynomial 1 - y^2/6 + y^4/120 - y^6/5040 has the same value and derivatives
  // (to sixth order) there.
  const y2 = lax.integerPow(piX, 2);
  const taylor = lax.add(constLike(x, 1), lax.mul(y2, lax.add(constLike(x, -1 / 6), lax.mul(y2, lax.add(constLike(x, 1 / 120), lax.mul(y2, constLike(x, -1 / 5040)))))));
  return lax.select(isZero, taylor, lax.div(lax.sin(safe), safe));
}

function hypot(a: PyObject, b: PyObject): Value {
  let [x1, x2] = broadcastAll(promoteArgsInexact('hypot', [a, b]));
  if (kindOf(x1) === 'complex') {
    throw valueError('jnp.hypot is not well defined for complex-valued inputs. Please convert to real values first, such as by using abs(x)');
  }
  x1 = lax.abs(x1);
  x2 = lax.abs(x2);
  const inf = constLike(x1, Infinity);
  const anyInf = lax.or(lax.eq(x1, inf), lax.eq(x2, inf));
  const big = lax.max(x1, x2);
  const small = lax.min(x1, x2);
  const isZero = lax.eq(big, constLike(big, 0));
  const ratio = lax.div(small, lax.select(isZero, constLike(big, 1), big));
  const r = lax.select(isZero, big, lax.mul(big, lax.sqrt(lax.add(constLike(big, 1), lax.integerPow(ratio, 2)))));
  return lax.select(anyInf, inf, r);
}

const scaled = (name: string, factor: number) => (a: PyObject) => {
  const [x] = promoteArgsInexact(name, [a]);
  return lax.mul(x, constLike(x, factor));
};

function signbit(a: PyObject): Value {
  const [x] = promoteDtypes(arrayArgs('signbit', [a]));
  const k = kindOf(x);
  if (k === 'bool') return lax.full(avalOf(x).shape, false, 'bool', false);
  if (k === 'int' || k === 'uint') return lax.lt(x, constLike(x, 0));
  if (k === 'complex') throw valueError('jnp.signbit is not well defined for complex arguments');
  // Negative numbers, and -0.0 (whose reciprocal is -inf).
  const zero = constLike(x, 0);
  const negZero = lax.and(lax.eq(x, zero), lax.lt(lax.div(constLike(x, 1), x), zero));
  return lax.or(lax.lt(x, zero), negZero);
}

function copysign(a: PyObject, b: PyObject): Value {
  const [x1, x2] = broadcastAll(promoteArgsInexact('copysign', [a, b]));
  if (kindOf(x1) === 'complex') throw typeError('copysign does not support complex-valued inputs');
  const mag = lax.abs(x1);
  return lax.select(signbit(W(x2)), lax.neg(mag), mag);
}

/** Rounds toward zero; integers and bools are returned unchanged. */
function trunc(name: string, a: PyObject): Value {
  const [x] = promoteDtypes(arrayArgs(name, [a]));
  if (!isInexact(x)) return x;
  noComplex(name, x);
  return lax.select(lax.lt(x, constLike(x, 0)), lax.ceil(x), lax.floor(x));
}

function rint(a: PyObject): Value {
  const [x] = promoteDtypes(arrayArgs('rint', [a]));
  if (!isInexact(x)) return lax.convertElementType(x, inexactDtype(avalOf(x).dtype), false);
  if (kindOf(x) === 'complex') return lax.complex(lax.round(lax.real(x), 'even'), lax.round(lax.imag(x), 'even'));
  return lax.round(x, 'even');
}

function logaddexp2(a: PyObject, b: PyObject): Value {
  const [x1, x2] = broadcastAll(promoteArgsInexact('logaddexp2', [a, b]));
  const amax = lax.max(x1, x2);
  const delta = lax.neg(lax.abs(lax.sub(x1, x2)));
  return lax.add(amax, lax.div(lax.log1p(lax.exp2(delta)), constLike(amax, Math.LN2)));
}

/** NumPy's fmax/fmin: like maximum/minimum, but a NaN loses to a number. */
function fminmax(name: 'fmax' | 'fmin', a: PyObject, b: PyObject): Value {
  const [x1, x2] = broadcastAll(promoteArgs(name, [a, b]));
  const other = name === 'fmax' ? lax.lt(x1, x2) : lax.lt(x2, x1);
  const takeX2 = isInexact(x1) ? lax.or(other, lax.ne(x1, x1)) : other;
  return lax.select(takeX2, x2, x1);
}

function polyval(pObj: PyObject, xObj: PyObject): Value {
  const [p, x] = promoteDtypesInexact(arrayArgs('polyval', [pObj, xObj]));
  const ps = avalOf(p).shape;
  if (ps.length === 0) throw valueError('polyval requires p to be at least one dimensional');
  // Horner's rule from y = 0 (so p[0] is multiplied by x like every later term), strongly typed.
  const [xb, zero] = broadcastAll([x, lax.full(ps.slice(1), 0, avalOf(x).dtype, false)]);
  let y = lax.convertElementType(zero, avalOf(x).dtype, false);
  for (let i = 0; i < ps[0]; i++) {
    const coef = lax.reshape(lax.slice(p, [i, ...ps.slice(1).map(() => 0)], [i + 1, ...ps.slice(1)]), ps.slice(1));
    const [yx, c] = broadcastAll([lax.mul(y, xb), coef]);
    y = lax.add(yx, c);
  }
  return y;
}

function select(b: Bound): Value {
  const seq = (o: PyObject) => (o instanceof PyList || o instanceof PyTuple ? toArray(o) : toArray(o));
  const conds = seq(b.condlist);
  const choices = seq(b.choicelist);
  if (conds.length !== choices.length) throw valueError('list of cases must be same length as list of conditions');
  if (conds.length === 0) throw valueError('condlist must be non-empty');
  const [dflt, ...vals] = promoteDtypes(arrayArgs('select', [isNone(b.default) ? wrap(lax.full([], 0, 'int32', true)) : b.default, ...choices]));
  const cs = arrayArgs('select', conds).map(toBool);
  const all = broadcastAll([dflt, ...vals, ...cs]);
  const n = conds.length;
  // The first true condition wins: fold from the last case to the first.
  let out = all[0];
  for (let i = n - 1; i >= 0; i--) out = lax.select(all[1 + n + i], all[1 + i], out);
  return out;
}

const unary = (name: string, f: (a: PyObject) => Value) => fn(M, name, ['x'], (b) => W(f(b.x)));
const binary = (name: string, f: (a: PyObject, b: PyObject) => Value) => fn(M, name, ['x1', 'x2'], (b) => W(f(b.x1, b.x2)));

/** (fractional part, whole part), both with x's sign (JAX's modf). */
function modf(a: PyObject): [Value, Value] {
  const [x] = promoteDtypesInexact(arrayArgs('modf', [a]));
  const whole = lax.select(lax.ge(x, constLike(x, 0)), lax.floor(x), lax.ceil(x));
  return [lax.sub(x, whole), whole];
}

export const ELEMENTWISE: PyNativeFunction[] = [
  fn(M, 'modf', ['x', 'out?'], (b) => pyTuple(modf(b.x).map(W))),
  fn(M, 'nan_to_num', ['x', 'copy?', 'nan?', 'posinf?', 'neginf?'], (b) => W(nanToNum(b))),
  binary('heaviside', heaviside),
  unary('sinc', sinc),
  binary('hypot', hypot),
  unary('deg2rad', scaled('deg2rad', Math.PI / 180)),
  unary('radians', scaled('radians', Math.PI / 180)),
  unary('rad2deg', scaled('rad2deg', 180 / Math.PI)),
  unary('degrees', scaled('degrees', 180 / Math.PI)),
  unary('fabs', (a) => {
    const [x] = promoteArgsInexact('fabs', [a]);
    noComplex('fabs', x);
    return lax.abs(x);
  }),
  binary('copysign', copysign),
  unary('signbit', signbit),
  unary('trunc', (a) => trunc('trunc', a)),
  unary('fix', (a) => trunc('fix', a)),
  unary('rint', rint),
  binary('logaddexp2', logaddexp2),
  binary('fmax', (a, b) => fminmax('fmax', a, b)),
  binary('fmin', (a, b) => fminmax('fmin', a, b)),
  binary('float_power', (a, b) => {
    const [x, y] = promoteArgsInexact('float_power', [a, b]);
    return power(W(x), W(y));
  }),
  fn(M, 'polyval', ['p', 'x', 'unroll?'], (b) => W(polyval(b.p, b.x))),
  fn(M, 'select', ['condlist', 'choicelist', 'default?'], (b) => W(select(b))),
];
