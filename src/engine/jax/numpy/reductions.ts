// Reductions (jax/_src/numpy/reductions.py): sum, prod, max, min, any, all, mean, var, std,
// argmax, argmin, cumsum, with `axis`, `keepdims`, `dtype`, `where` and `initial` where JAX
// has them. Integer and bool sums are promoted to the default integer (int32 with x64 off).

import { type DType, DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as K from '../../array/kernels';
import * as lax from '../../autodiff/lax';
import { valueError } from '../../errors';
import { type PyObject } from '../../interp/object';
import { truthy } from '../../interp/protocol';
import { isNone } from '../args';
import { arrayArg, toValue } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { broadcastTo, inexactDtype } from '../promote';
import { keptShape, optionalAxis, reductionAxes } from './axes';
import { constLike, toBool } from './ufuncs';

export interface ReduceOptions {
  axis?: PyObject;
  dtype?: PyObject;
  keepdims?: PyObject;
  where?: PyObject;
  initial?: PyObject;
}

/** The dtype sums and products accumulate in: small ints and bools widen to the default int. */
function accumulationDtype(d: DType): DType {
  const info = DTYPES[d];
  if (info.kind === 'bool') return canonicalizeDtype('int64');
  if (info.kind === 'int' && info.bits < 32) return canonicalizeDtype('int64');
  if (info.kind === 'uint' && info.bits < 32) return canonicalizeDtype('uint64');
  return d;
}

function keep(result: Value, x: Value, axes: number[], opts: ReduceOptions): Value {
  if (!isNone(opts.keepdims) && truthy(opts.keepdims!)) return lax.reshape(result, keptShape(avalOf(x).shape, axes));
  return result;
}

/** Replaces masked-out elements by `fill` (the reduction's identity). */
function applyWhere(fnName: string, x: Value, where: PyObject | undefined, fill: number | boolean): Value {
  if (isNone(where)) return x;
  const mask = broadcastTo(toBool(arrayArg(fnName, where!)), avalOf(x).shape);
  return lax.select(mask, x, constLike(x, fill));
}

function withDtype(fnName: string, x: Value, opts: ReduceOptions, promote: boolean): Value {
  const requested = dtypeArgument(opts.dtype, fnName);
  const a = avalOf(x);
  if (requested) return lax.convertElementType(x, requested, false);
  if (!promote) return x;
  const d = accumulationDtype(a.dtype);
  return lax.convertElementType(x, d, d === a.dtype ? a.weakType : false);
}

export function sum(a: PyObject, opts: ReduceOptions = {}): Value {
  let x = withDtype('sum', arrayArg('sum', a), opts, true);
  const axes = reductionAxes(opts.axis, avalOf(x).shape.length);
  x = applyWhere('sum', x, opts.where, 0);
  let r = lax.reduceSum(x, axes);
  if (!isNone(opts.initial)) r = lax.add(r, constLike(r, Number(toNumber(opts.initial!))));
  return keep(r, x, axes, opts);
}

export function prod(a: PyObject, opts: ReduceOptions = {}): Value {
  let x = withDtype('prod', arrayArg('prod', a), opts, true);
  const axes = reductionAxes(opts.axis, avalOf(x).shape.length);
  x = applyWhere('prod', x, opts.where, 1);
  let r = lax.reduceProd(x, axes);
  if (!isNone(opts.initial)) r = lax.mul(r, constLike(r, Number(toNumber(opts.initial!))));
  return keep(r, x, axes, opts);
}

function chooser(name: 'max' | 'min', a: PyObject, opts: ReduceOptions): Value {
  let x = arrayArg(name, a);
  const shape = avalOf(x).shape;
  const axes = reductionAxes(opts.axis, shape.length);
  const hasInitial = !isNone(opts.initial);
  if (!hasInitial && axes.some((ax) => shape[ax] === 0)) {
    throw valueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  if (!isNone(opts.where)) {
    if (!hasInitial) throw valueError(`reduction operation ${name} does not have an identity, so to use a where mask one has to specify 'initial'`);
    x = applyWhere(name, x, opts.where, toNumber(opts.initial!));
  }
  let r = name === 'max' ? lax.reduceMax(x, axes) : lax.reduceMin(x, axes);
  if (hasInitial) {
    const init = constLike(r, toNumber(opts.initial!));
    r = name === 'max' ? lax.max(r, init) : lax.min(r, init);
  }
  return keep(r, x, axes, opts);
}

export const max = (a: PyObject, opts: ReduceOptions = {}) => chooser('max', a, opts);
export const min = (a: PyObject, opts: ReduceOptions = {}) => chooser('min', a, opts);

function logicalReduce(name: 'any' | 'all', a: PyObject, opts: ReduceOptions): Value {
  let x = toBool(arrayArg(name, a));
  const axes = reductionAxes(opts.axis, avalOf(x).shape.length);
  x = applyWhere(name, x, opts.where, name === 'all');
  const r = name === 'any' ? lax.reduceOr(x, axes) : lax.reduceAnd(x, axes);
  return keep(r, x, axes, opts);
}
export const any = (a: PyObject, opts: ReduceOptions = {}) => logicalReduce('any', a, opts);
export const all = (a: PyObject, opts: ReduceOptions = {}) => logicalReduce('all', a, opts);

/** The number of elements each output of a reduction over `axes` averages. */
function countOf(fnName: string, x: Value, axes: number[], where: PyObject | undefined, like: Value): Value {
  const shape = avalOf(x).shape;
  if (isNone(where)) return constLike(like, axes.reduce((n, ax) => n * shape[ax], 1));
  const mask = broadcastTo(toBool(arrayArg(fnName, where!)), shape);
  const counted = lax.reduceSum(lax.convertElementType(mask, avalOf(like).dtype, avalOf(like).weakType), axes);
  return counted;
}

export function mean(a: PyObject, opts: ReduceOptions = {}): Value {
  const x0 = arrayArg('mean', a);
  const a0 = avalOf(x0);
  const requested = dtypeArgument(opts.dtype, 'mean');
  const compute = requested ?? inexactDtype(a0.dtype);
  const x = lax.convertElementType(x0, compute, requested ? false : a0.weakType);
  const axes = reductionAxes(opts.axis, a0.shape.length);
  const total = lax.reduceSum(applyWhere('mean', x, opts.where, 0), axes);
  const n = countOf('mean', x, axes, opts.where, total);
  return keep(lax.div(total, sameShape(n, total)), x, axes, opts);
}

/** Variance with `ddof` (NumPy's definition: mean of squared deviations, n - ddof divisor). */
export function variance(a: PyObject, ddof: number, opts: ReduceOptions = {}): Value {
  const x0 = arrayArg('var', a);
  const a0 = avalOf(x0);
  const requested = dtypeArgument(opts.dtype, 'var');
  const compute = requested ?? inexactDtype(a0.dtype);
  const x = lax.convertElementType(x0, compute, requested ? false : a0.weakType);
  const axes = reductionAxes(opts.axis, a0.shape.length);
  const kept = keptShape(a0.shape, axes);
  const total = lax.reduceSum(applyWhere('var', x, opts.where, 0), axes);
  const n = countOf('var', x, axes, opts.where, total);
  const centre = lax.div(total, sameShape(n, total));
  const centered = lax.sub(x, broadcastTo(lax.reshape(centre, kept), a0.shape));
  const squared =
    DTYPES[compute].kind === 'complex' ? lax.real(lax.mul(centered, lax.conj(centered))) : lax.mul(centered, centered);
  const ss = lax.reduceSum(applyWhere('var', squared, opts.where, 0), axes);
  const denom = lax.sub(sameShape(n, ss), constLike(ss, ddof));
  return keep(lax.div(ss, denom), x, axes, opts);
}

export function std(a: PyObject, ddof: number, opts: ReduceOptions = {}): Value {
  return lax.sqrt(variance(a, ddof, opts));
}

function sameShape(n: Value, like: Value): Value {
  const s = avalOf(like).shape;
  const ns = avalOf(n).shape;
  return ns.length === s.length ? n : broadcastTo(n, s);
}

export function argReduce(name: 'argmax' | 'argmin', a: PyObject, axisObj: PyObject | undefined, keepdims: boolean): Value {
  let x = arrayArg(name, a);
  let axis = optionalAxis(axisObj, avalOf(x).shape.length);
  const shape = avalOf(x).shape;
  if (axis === undefined) {
    x = lax.reshape(x, [shape.reduce((p, d) => p * d, 1)]);
    axis = 0;
  }
  if (avalOf(x).shape[axis] === 0) throw valueError(`attempt to get ${name} of an empty sequence`);
  const index = canonicalizeDtype('int64');
  const r = name === 'argmax' ? lax.argmax(x, axis, index) : lax.argmin(x, axis, index);
  if (!keepdims) return r;
  const kept = axisObj === undefined || isNone(axisObj) ? shape.map(() => 1) : keptShape(shape, [axis]);
  return lax.reshape(r, kept);
}

export function cumsum(a: PyObject, axisObj: PyObject | undefined, dtypeObj: PyObject | undefined): Value {
  return cumulative('cumsum', a, axisObj, dtypeObj);
}

/** cumsum and cumprod: sum's accumulation dtype; axis None runs over the flattened array. */
export function cumulative(name: 'cumsum' | 'cumprod', a: PyObject, axisObj: PyObject | undefined, dtypeObj: PyObject | undefined): Value {
  let x = withDtype(name, arrayArg(name, a), { dtype: dtypeObj }, true);
  let axis = optionalAxis(axisObj, avalOf(x).shape.length);
  if (axis === undefined) {
    x = lax.reshape(x, [avalOf(x).shape.reduce((p, d) => p * d, 1)]);
    axis = 0;
  }
  return name === 'cumsum' ? lax.cumsum(x, axis) : lax.cumprod(x, axis);
}

/** An `initial=` value: a Python number or a concrete 0-d array. */
function toNumber(o: PyObject): number {
  const v = toValue(o);
  const c = v ? concreteValue(v) : undefined;
  if (!c || c.shape.length !== 0) throw valueError('initial must be a concrete scalar');
  const s = K.getScalar(c, 0);
  return typeof s === 'object' ? s.re : Number(s);
}
