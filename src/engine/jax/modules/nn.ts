// jax.nn basics: relu (gradient 0 at 0, as JAX's custom JVP), sigmoid, softplus, log_softmax,
// softmax, logsumexp. Written on lax with JAX's stabilising max shifts (stop_gradient).

import { avalOf, type Value } from '../../autodiff/core';
import * as L from '../../autodiff/lax';
import { PyModule, type PyObject } from '../../interp/object';
import { pyInt, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { dtypeArgument } from '../dtypes';
import { addAll, type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { promoteArgsInexact, broadcastTo } from '../promote';
import { keptShape, normalizeAxis, reductionAxes } from '../numpy/axes';
import { canonicalizeDtype } from '../../array/promotion';
import { constLike, toBool } from '../numpy/ufuncs';
import { arrayArg } from '../coerce';
import { logsumexp, MORE_ACTIVATIONS } from '../numpy/nn_activations';

function inexact(name: string, x: PyObject): Value {
  return promoteArgsInexact(name, [x])[0];
}

/** max over `axes` kept as size-1 axes, with the masked-out elements at -inf; no gradient. */
function shiftMax(x: Value, axes: number[], mask: Value | undefined): Value {
  const shape = avalOf(x).shape;
  const masked = mask ? L.select(mask, x, constLike(x, -Infinity)) : x;
  let m = L.reduceMax(masked, axes);
  m = L.select(L.isFinite(m), m, constLike(m, 0));
  return L.stopGradient(broadcastTo(L.reshape(m, keptShape(shape, axes)), shape));
}

function softmaxParts(b: Bound, name: string): { x: Value; axes: number[]; mask: Value | undefined } {
  const x = inexact(name, b.x);
  const axes = reductionAxes(isNone(b.axis) ? pyInt(-1) : b.axis, avalOf(x).shape.length);
  const mask = isNone(b.where) ? undefined : broadcastTo(toBool(arrayArg(name, b.where)), avalOf(x).shape);
  return { x, axes, mask };
}

function masked(v: Value, mask: Value | undefined): Value {
  return mask ? L.select(mask, v, constLike(v, -Infinity)) : v;
}

function sumKept(v: Value, axes: number[], mask: Value | undefined): Value {
  const shape = avalOf(v).shape;
  const masked = mask ? L.select(mask, v, constLike(v, 0)) : v;
  return broadcastTo(L.reshape(L.reduceSum(masked, axes), keptShape(shape, axes)), shape);
}

export function nnModule(): PyModule {
  const m = new PyModule('jax.nn');
  addAll(m, [
    fn('jax.nn', 'relu', ['x'], (b) => {
      const x = arrayArg('relu', b.x);
      return wrap(L.select(L.gt(x, constLike(x, 0)), x, constLike(x, 0)));
    }),
    fn('jax.nn', 'sigmoid', ['x'], (b) => wrap(L.logistic(inexact('sigmoid', b.x)))),
    fn('jax.nn', 'softplus', ['x'], (b) => {
      const x = inexact('softplus', b.x);
      return wrap(L.add(L.log1p(L.exp(L.neg(L.abs(x)))), L.max(x, constLike(x, 0))));
    }),
    fn('jax.nn', 'log_softmax', ['x', 'axis?', 'where?'], (b) => {
      const { x, axes, mask } = softmaxParts(b, 'log_softmax');
      const shifted = masked(L.sub(x, shiftMax(x, axes, mask)), mask);
      const out = L.sub(shifted, L.log(sumKept(L.exp(shifted), axes, mask)));
      return wrap(mask ? L.select(mask, out, constLike(out, -Infinity)) : out);
    }),
    fn('jax.nn', 'softmax', ['x', 'axis?', 'where?'], (b) => {
      const { x, axes, mask } = softmaxParts(b, 'softmax');
      // Masked entries are sent to -inf before exp, so no inf * 0 reaches the gradient (JAX gets
      // the same effect from softmax's custom JVP rule).
      const e = L.exp(masked(L.sub(x, shiftMax(x, axes, mask)), mask));
      const out = L.div(e, sumKept(e, axes, mask));
      return wrap(mask ? L.select(mask, out, constLike(out, 0)) : out);
    }),
    fn('jax.nn', 'logsumexp', ['a', 'axis?', 'b?', 'keepdims?', 'return_sign?', 'where?'], logsumexp),
    fn('jax.nn', 'tanh', ['x'], (b) => wrap(L.tanh(inexact('tanh', b.x)))),
    fn('jax.nn', 'silu', ['x'], (b) => {
      const x = inexact('silu', b.x);
      return wrap(L.mul(x, L.logistic(x)));
    }),
    fn('jax.nn', 'swish', ['x'], (b) => {
      const x = inexact('swish', b.x);
      return wrap(L.mul(x, L.logistic(x)));
    }),
    fn('jax.nn', 'log_sigmoid', ['x'], (b) => {
      // -softplus(-x)
      const x = L.neg(inexact('log_sigmoid', b.x));
      return wrap(L.neg(L.add(L.log1p(L.exp(L.neg(L.abs(x)))), L.max(x, constLike(x, 0)))));
    }),
    fn('jax.nn', 'leaky_relu', ['x', 'negative_slope?'], (b) => {
      const x = inexact('leaky_relu', b.x);
      const slope = isNone(b.negative_slope) ? 0.01 : toPyFloat(b.negative_slope);
      return wrap(L.select(L.ge(x, constLike(x, 0)), x, L.mul(constLike(x, slope), x)));
    }),
    fn('jax.nn', 'elu', ['x', 'alpha?'], (b) => {
      const x = inexact('elu', b.x);
      const alpha = isNone(b.alpha) ? 1 : toPyFloat(b.alpha);
      const safe = L.select(L.gt(x, constLike(x, 0)), constLike(x, 0), x);
      return wrap(L.select(L.gt(x, constLike(x, 0)), x, L.mul(constLike(x, alpha), L.expm1(safe))));
    }),
    fn('jax.nn', 'gelu', ['x', 'approximate?'], (b) => {
      const x = inexact('gelu', b.x);
      const approximate = isNone(b.approximate) || truthy(b.approximate);
      if (approximate) {
        const cube = L.mul(constLike(x, 0.044715), L.integerPow(x, 3));
        const inner = L.mul(constLike(x, Math.sqrt(2 / Math.PI)), L.add(x, cube));
        return wrap(L.mul(L.mul(constLike(x, 0.5), x), L.add(constLike(x, 1), L.tanh(inner))));
      }
      const erf = L.erf(L.mul(x, constLike(x, Math.SQRT1_2)));
      return wrap(L.mul(L.mul(constLike(x, 0.5), x), L.add(constLike(x, 1), erf)));
    }),
    fn('jax.nn', 'one_hot', ['x', 'num_classes', 'dtype?', 'axis?'], (b) => {
      const x = arrayArg('one_hot', b.x);
      const n = toIndexNumber(b.num_classes);
      const xs = avalOf(x).shape;
      // The class axis goes at `axis` (last by default); the default dtype is the default float.
      const axis = normalizeAxis(isNone(b.axis) ? -1 : toIndexNumber(b.axis), xs.length + 1);
      const shape = [...xs.slice(0, axis), n, ...xs.slice(axis)];
      const d = dtypeArgument(b.dtype, 'one_hot') ?? canonicalizeDtype('float64');
      const classes = L.broadcastInDim(L.iota(avalOf(x).dtype, [n], 0), shape, [axis]);
      const lhs = L.broadcastInDim(x, shape, xs.map((_, i) => (i < axis ? i : i + 1)));
      return wrap(L.convertElementType(L.eq(lhs, classes), d, false));
    }),
    ...MORE_ACTIVATIONS,
  ]);
  return m;
}
