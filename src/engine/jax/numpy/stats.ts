// Statistics of jax.numpy (jax/_src/numpy/reductions.py): cumprod, ptp, count_nonzero,
// average, the nan-ignoring reductions, quantile/percentile/median. They reuse reductions.ts,
// so `axis`, `keepdims` and the accumulation dtypes follow the same rules as sum and mean.

import { DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { valueError } from '../../errors';
import { type PyNativeFunction, type PyObject, PyStr } from '../../interp/object';
import { pyTuple, toPyFloat, truthy } from '../../interp/protocol';
import { type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { dtypeObject } from '../dtypes';
import { broadcastTo, promoteDtypesInexact } from '../promote';
import { keptShape, reductionAxes } from './axes';
import * as R from './reductions';
import { constLike } from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const shapeOf = (v: Value) => avalOf(v).shape;
const flag = (o: PyObject) => !isNone(o) && truthy(o);
const isFloating = (v: Value) => ['float', 'complex'].includes(DTYPES[avalOf(v).dtype].kind);

function opts(b: Bound): R.ReduceOptions {
  return { axis: b.axis, dtype: b.dtype, keepdims: b.keepdims, where: b.where, initial: b.initial };
}

function nanMasked(name: string, a: PyObject, fill: number): { x: Value; isNan: Value | undefined } {
  const x = arrayArg(name, a);
  if (!isFloating(x)) return { x, isNan: undefined };
  const isNan = lax.ne(x, x);
  return { x: lax.select(isNan, constLike(x, fill), x), isNan };
}

function nanChooser(name: 'nanmax' | 'nanmin', b: Bound): Value {
  const { x, isNan } = nanMasked(name, b.a, name === 'nanmax' ? -Infinity : Infinity);
  const o = opts(b);
  const r = name === 'nanmax' ? R.max(W(x), o) : R.min(W(x), o);
  if (!isNan) return r;
  // A slice of NaNs only has no number to choose: NaN, as NumPy.
  const allNan = R.all(W(isNan), { axis: b.axis, keepdims: b.keepdims });
  return lax.select(allNan, constLike(r, NaN), r);
}

function nanMean(b: Bound): Value {
  const x = arrayArg('nanmean', b.a);
  if (!isFloating(x)) return R.mean(W(x), opts(b));
  const notNan = lax.eq(x, x);
  const total = R.sum(W(lax.select(notNan, x, constLike(x, 0))), opts(b));
  const count = R.sum(W(notNan), { axis: b.axis, keepdims: b.keepdims, where: b.where });
  return lax.div(total, lax.convertElementType(count, avalOf(total).dtype, avalOf(total).weakType));
}

function nanVar(b: Bound, sqrt: boolean): Value {
  const x = arrayArg('nanvar', b.a);
  const ddof = isNone(b.ddof) ? 0 : toPyFloat(b.ddof);
  if (!isFloating(x)) {
    const v = R.variance(W(x), ddof, opts(b));
    return sqrt ? lax.sqrt(v) : v;
  }
  const notNan = lax.eq(x, x);
  const axes = reductionAxes(b.axis, shapeOf(x).length);
  const kept = keptShape(shapeOf(x), axes);
  const zeroed = lax.select(notNan, x, constLike(x, 0));
  const count = lax.convertElementType(lax.reduceSum(lax.convertElementType(notNan, 'int32', false), axes), avalOf(x).dtype, false);
  const mean = lax.div(lax.reduceSum(zeroed, axes), count);
  const centered = lax.select(notNan, lax.sub(x, broadcastTo(lax.reshape(mean, kept), shapeOf(x))), constLike(x, 0));
  const ss = lax.reduceSum(lax.mul(centered, centered), axes);
  let v = lax.div(ss, lax.sub(count, constLike(count, ddof)));
  if (sqrt) v = lax.sqrt(v);
  return flag(b.keepdims) ? lax.reshape(v, kept) : v;
}

function average(b: Bound): PyObject {
  const x0 = arrayArg('average', b.a);
  let avg: Value;
  let weightSum: Value;
  if (isNone(b.weights)) {
    avg = R.mean(W(x0), { axis: b.axis, keepdims: b.keepdims });
    const n = shapeOf(x0).reduce((p, d) => p * d, 1) / Math.max(1, shapeOf(avg).reduce((p, d) => p * d, 1));
    weightSum = lax.full(shapeOf(avg), n, avalOf(avg).dtype, false);
  } else {
    let [x, w] = promoteDtypesInexact(arrayArgs('average', [W(x0), b.weights]));
    const xs = shapeOf(x);
    const ws = shapeOf(w);
    if (xs.length !== ws.length || xs.some((d, i) => d !== ws[i])) {
      if (isNone(b.axis)) throw valueError('Axis must be specified when shapes of a and weights differ.');
      if (ws.length !== 1) throw valueError('1D weights expected when shapes of a and weights differ.');
      const axis = reductionAxes(b.axis, xs.length)[0];
      if (ws[0] !== xs[axis]) throw valueError('Length of weights not compatible with specified axis.');
      w = lax.broadcastInDim(w, xs, [axis]);
    }
    weightSum = R.sum(W(w), { axis: b.axis, keepdims: b.keepdims });
    avg = lax.div(R.sum(W(lax.mul(x, w)), { axis: b.axis, keepdims: b.keepdims }), weightSum);
  }
  if (!flag(b.returned)) return W(avg);
  return pyTuple([W(avg), W(broadcastTo(weightSum, shapeOf(avg)))]);
}

type QuantileMethod = 'linear' | 'lower' | 'higher' | 'midpoint' | 'nearest';

/** JAX's quantile: sort along the axes, then read (and blend) the two neighbouring order statistics. */
function quantile(name: string, b: Bound, scale: number, forcedMethod?: QuantileMethod): Value {
  const method = (forcedMethod ?? (isNone(b.method) ? 'linear' : (b.method as PyStr).value)) as QuantileMethod;
  if (!['linear', 'lower', 'higher', 'midpoint', 'nearest'].includes(method)) {
    throw valueError(`method can only be 'linear', 'lower', 'higher', 'midpoint', or 'nearest'. Got ${method}.`);
  }
  // `a` alone decides the dtype: q is converted to it (a strong result even for a Python q).
  let [x] = promoteDtypesInexact(arrayArgs(name, [b.a]));
  let q = lax.convertElementType(arrayArg(name, b.q), avalOf(x).dtype, false);
  if (scale !== 1) q = lax.div(q, constLike(q, scale));
  const qs = shapeOf(q);
  if (qs.length > 1) throw valueError(`q must be have rank <= 1, got shape (${qs.join(', ')},)`);
  const xs = shapeOf(x);
  const axes = reductionAxes(b.axis, xs.length);
  const rest = [...xs.keys()].filter((i) => !axes.includes(i));
  // Move the reduced axes last and merge them into one.
  const n = axes.reduce((p, i) => p * xs[i], 1);
  x = lax.reshape(lax.transpose(x, [...rest, ...axes]), [...rest.map((i) => xs[i]), n]);
  const last = rest.length;
  const sorted = lax.sort(x, last);
  const hasNan = lax.reduceOr(lax.ne(x, x), [last]);
  const pos = lax.mul(q, constLike(q, n - 1));
  const low = lax.max(lax.min(lax.floor(pos), constLike(pos, n - 1)), constLike(pos, 0));
  const high = lax.max(lax.min(lax.ceil(pos), constLike(pos, n - 1)), constLike(pos, 0));
  const highWeight = lax.sub(pos, lax.floor(pos));
  const at = (i: Value) => {
    const idx = lax.convertElementType(i, canonicalizeDtype('int64'), false);
    // gather puts q's axis where the reduced axis was; move it to the front as JAX does.
    const g = lax.gather(sorted, [idx], last, 'clip');
    const gs = shapeOf(g);
    return qs.length ? lax.transpose(g, [last, ...[...gs.keys()].filter((k) => k !== last)]) : g;
  };
  const lowV = at(low);
  const highV = at(high);
  const bw = (w: Value) => broadcastTo(lax.reshape(w, [...qs, ...rest.map(() => 1)]), shapeOf(lowV));
  let r: Value;
  if (method === 'lower') r = lowV;
  else if (method === 'higher') r = highV;
  else if (method === 'midpoint') r = lax.mul(lax.add(lowV, highV), constLike(lowV, 0.5));
  else if (method === 'nearest') r = lax.select(bw(lax.le(highWeight, constLike(highWeight, 0.5))), lowV, highV);
  else r = lax.add(lax.mul(lowV, bw(lax.sub(constLike(highWeight, 1), highWeight))), lax.mul(highV, bw(highWeight)));
  r = lax.select(broadcastTo(hasNan, shapeOf(r)), constLike(r, NaN), r);
  if (flag(b.keepdims)) r = lax.reshape(r, [...qs, ...keptShape(xs, axes)]);
  return r;
}

const QUANT = ['a', 'q', 'axis?', 'out?', 'overwrite_input?', 'method?', 'keepdims?', 'interpolation?'];
const NANRED = ['a', 'axis?', 'dtype?', 'out?', 'keepdims?', 'initial?', 'where?'];

export const STATS: PyNativeFunction[] = [
  fn(M, 'cumprod', ['a', 'axis?', 'dtype?', 'out?'], (b) => W(R.cumulative('cumprod', b.a, b.axis, b.dtype))),
  fn(M, 'ptp', ['a', 'axis?', 'out?', 'keepdims?'], (b) => {
    const o = { axis: b.axis, keepdims: b.keepdims };
    return W(lax.sub(R.max(b.a, o), R.min(b.a, o)));
  }),
  fn(M, 'count_nonzero', ['a', 'axis?', 'keepdims?'], (b) => {
    const x = arrayArg('count_nonzero', b.a);
    const nz = avalOf(x).dtype === 'bool' ? x : lax.ne(x, constLike(x, 0));
    return W(R.sum(W(nz), { axis: b.axis, keepdims: b.keepdims, dtype: dtypeObject(canonicalizeDtype('int64')) }));
  }),
  fn(M, 'average', ['a', 'axis?', 'weights?', 'returned?', 'keepdims?'], average),
  fn(M, 'nansum', NANRED, (b) => W(R.sum(W(nanMasked('nansum', b.a, 0).x), opts(b)))),
  fn(M, 'nanprod', NANRED, (b) => W(R.prod(W(nanMasked('nanprod', b.a, 1).x), opts(b)))),
  fn(M, 'nanmax', ['a', 'axis?', 'out?', 'keepdims?', 'initial?', 'where?'], (b) => W(nanChooser('nanmax', b))),
  fn(M, 'nanmin', ['a', 'axis?', 'out?', 'keepdims?', 'initial?', 'where?'], (b) => W(nanChooser('nanmin', b))),
  fn(M, 'nanmean', ['a', 'axis?', 'dtype?', 'out?', 'keepdims?', 'where?'], (b) => W(nanMean(b))),
  fn(M, 'nanvar', ['a', 'axis?', 'dtype?', 'out?', 'ddof?', 'keepdims?', 'where?'], (b) => W(nanVar(b, false))),
  fn(M, 'nanstd', ['a', 'axis?', 'dtype?', 'out?', 'ddof?', 'keepdims?', 'where?'], (b) => W(nanVar(b, true))),
  fn(M, 'quantile', QUANT, (b) => W(quantile('quantile', b, 1))),
  fn(M, 'percentile', QUANT, (b) => W(quantile('percentile', b, 100))),
  fn(M, 'median', ['a', 'axis?', 'out?', 'overwrite_input?', 'keepdims?'], (b) =>
    W(quantile('median', { ...b, q: wrap(lax.full([], 0.5, 'float32', true)) }, 1, 'midpoint')),
  ),
];

