// More of jax.nn (jax/_src/nn/functions.py): logsumexp with `b`/`return_sign`/`where`, relu6,
// hard_sigmoid, hard_silu, hard_tanh, soft_sign, celu, selu, glu, mish, squareplus,
// sparse_plus, identity, standardize. Written with selects where JAX uses custom JVPs, so the
// derivative at a kink is JAX's (0 at relu6's corners).

import { avalOf, type Value } from '../../autodiff/core';
import * as L from '../../autodiff/lax';
import { PyError } from '../../errors';
import { PyBool, type PyNativeFunction, type PyObject } from '../../interp/object';
import { pyInt, pyTuple, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg } from '../coerce';
import { broadcastAll, broadcastTo, promoteArgsInexact } from '../promote';
import { keptShape, normalizeAxis, reductionAxes } from './axes';
import * as R from './reductions';
import { constLike, toBool } from './ufuncs';

const NN = 'jax.nn';
const W = (v: Value) => wrap(v);
const flag = (o: PyObject) => !isNone(o) && truthy(o);
const num = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toPyFloat(o));
const inexact = (name: string, x: PyObject) => promoteArgsInexact(name, [x])[0];
const shapeOf = (v: Value) => avalOf(v).shape;

export function logsumexp(bd: Bound): PyObject {
  let a: Value;
  let b: Value | undefined;
  if (isNone(bd.b)) a = inexact('logsumexp', bd.a);
  else {
    [a, b] = broadcastAll(promoteArgsInexact('logsumexp', [bd.a, bd.b]));
    // Terms with b == 0 do not count, even when a is inf.
    a = L.select(L.ne(b, constLike(b, 0)), a, constLike(a, -Infinity));
  }
  const shape = shapeOf(a);
  const axes = reductionAxes(bd.axis, shape.length);
  const keepdims = flag(bd.keepdims);
  const kept = keptShape(shape, axes);
  const mask = isNone(bd.where) ? undefined : broadcastTo(toBool(arrayArg('logsumexp', bd.where)), shape);
  const real = avalOf(a).dtype.startsWith('complex') ? L.real(a) : a;
  let amax = L.reduceMax(mask ? L.select(mask, real, constLike(real, -Infinity)) : real, axes);
  // The shift is a constant for differentiation (JAX stops its gradient); non-finite maxima shift by 0.
  amax = L.stopGradient(L.select(L.isFinite(amax), amax, constLike(amax, 0)));
  const shift = broadcastTo(L.reshape(L.convertElementType(amax, avalOf(a).dtype, avalOf(a).weakType), kept), shape);
  let e = L.exp(L.sub(a, shift));
  if (b) e = L.mul(e, b);
  if (mask) e = L.select(mask, e, constLike(e, 0));
  let sumexp = L.reduceSum(e, axes);
  const sign = L.sign(sumexp);
  const complex = avalOf(sumexp).dtype.startsWith('complex');
  if (flag(bd.return_sign) || !complex) sumexp = L.abs(sumexp);
  let out = L.add(L.log(sumexp), L.convertElementType(amax, avalOf(sumexp).dtype, avalOf(sumexp).weakType));
  const shaped = (v: Value) => (keepdims ? L.reshape(v, keptShape(shape, axes)) : v);
  if (flag(bd.return_sign)) return pyTuple([W(shaped(out)), W(shaped(sign))]);
  // A negative weighted sum has no real logarithm: NaN.
  if (b && !complex) out = L.select(L.lt(sign, constLike(sign, 0)), constLike(out, NaN), out);
  return W(shaped(out));
}

function relu6(x: Value): Value {
  const zero = constLike(x, 0);
  const six = constLike(x, 6);
  return L.select(L.and(L.gt(x, zero), L.lt(x, six)), x, L.select(L.ge(x, six), six, zero));
}

const hardSigmoid = (x: Value) => L.div(relu6(L.add(x, constLike(x, 3))), constLike(x, 6));

function elu(x: Value, alpha: number): Value {
  const pos = L.gt(x, constLike(x, 0));
  const safe = L.select(pos, constLike(x, 0), x);
  return L.select(pos, x, L.mul(constLike(x, alpha), L.expm1(safe)));
}

function softplus(x: Value): Value {
  return L.add(L.log1p(L.exp(L.neg(L.abs(x)))), L.max(x, constLike(x, 0)));
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

function glu(b: Bound): Value {
  const x = arrayArg('glu', b.x);
  const nd = shapeOf(x).length;
  const axis = normalizeAxis(isNone(b.axis) ? -1 : toIndexNumber(b.axis), nd);
  const size = shapeOf(x)[axis];
  if (size % 2 !== 0) throw new PyError('AssertionError', 'axis size must be divisible by 2');
  const lo = shapeOf(x).map(() => 0);
  const mid = [...shapeOf(x)];
  mid[axis] = size / 2;
  const start = [...lo];
  start[axis] = size / 2;
  const x1 = L.slice(x, lo, mid);
  const x2 = L.slice(x, start, [...shapeOf(x)]);
  const [a, g] = promoteArgsInexact('glu', [W(x1), W(x2)]);
  return L.mul(a, L.logistic(g));
}

function standardize(b: Bound): Value {
  const x = inexact('standardize', b.x);
  const axis = isNone(b.axis) ? pyInt(-1) : b.axis;
  const opts = { axis, keepdims: PyBool.of(true), where: b.where };
  const mean = isNone(b.mean) ? R.mean(W(x), opts) : arrayArg('standardize', b.mean);
  const variance = isNone(b.variance)
    ? L.sub(R.mean(W(L.mul(x, x)), opts), L.mul(mean, mean))
    : arrayArg('standardize', b.variance);
  const eps = num(b.epsilon, 1e-5);
  const [xb, mb, vb] = broadcastAll([x, mean, variance]);
  return L.mul(L.sub(xb, mb), L.rsqrt(L.add(vb, constLike(vb, eps))));
}

const act = (name: string, f: (x: Value, b: Bound) => Value, extra: string[] = []) =>
  fn(NN, name, ['x', ...extra], (b) => W(f(inexact(name, b.x), b)));

export const MORE_ACTIVATIONS: PyNativeFunction[] = [
  act('relu6', relu6),
  act('hard_sigmoid', hardSigmoid),
  act('hard_silu', (x) => L.mul(x, hardSigmoid(x))),
  act('hard_swish', (x) => L.mul(x, hardSigmoid(x))),
  fn(NN, 'hard_tanh', ['x'], (b) => {
    const x = arrayArg('hard_tanh', b.x);
    const one = constLike(x, 1);
    const minusOne = constLike(x, -1);
    return W(L.select(L.gt(x, one), one, L.select(L.lt(x, minusOne), minusOne, x)));
  }),
  act('soft_sign', (x) => L.div(x, L.add(L.abs(x), constLike(x, 1)))),
  act('celu', (x, b) => {
    const alpha = num(b.alpha, 1);
    const neg = L.div(L.min(x, constLike(x, 0)), constLike(x, alpha));
    return L.add(L.max(x, constLike(x, 0)), L.mul(constLike(x, alpha), L.expm1(neg)));
  }, ['alpha?']),
  act('selu', (x) => L.mul(constLike(x, SELU_SCALE), elu(x, SELU_ALPHA))),
  fn(NN, 'glu', ['x', 'axis?'], (b) => W(glu(b))),
  act('mish', (x) => L.mul(x, L.tanh(softplus(x)))),
  act('squareplus', (x, b) => {
    const bb = num(b.b, 4);
    return L.div(L.add(x, L.sqrt(L.add(L.mul(x, x), constLike(x, bb)))), constLike(x, 2));
  }, ['b?']),
  act('sparse_plus', (x) => {
    const one = constLike(x, 1);
    const quad = L.div(L.integerPow(L.add(x, one), 2), constLike(x, 4));
    return L.select(L.le(x, constLike(x, -1)), constLike(x, 0), L.select(L.ge(x, one), x, quad));
  }),
  fn(NN, 'identity', ['x'], (b) => W(arrayArg('identity', b.x))),
  fn(NN, 'standardize', ['x', 'axis?', 'mean?', 'variance?', 'epsilon?', 'where?'], (b) => W(standardize(b))),
];
