// Smaller jax.numpy functions and Array-API spellings: append, delete, rot90, isin,
// nanargmax/nanargmin, nancumsum/nancumprod, apply_along_axis, copy, astype,
// permute_dims, unstack, cumulative_sum/cumulative_prod, angle, iscomplexobj/isrealobj,
// isreal/iscomplex, tril/triu_indices_from, vander.

import { DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import * as K from '../../array/kernels';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, valueError } from '../../errors';
import { type Kwargs, PyList, PyNativeFunction, type PyObject, PyTuple } from '../../interp/object';
import { callObject, pyBool, pyInt, pyTuple, toArray, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { vmapCall } from '../api/vmap';
import { type Bound, fn, isNone } from '../args';
import { JaxArray, wrap } from '../array';
import { arrayArg } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { promoteDtypes } from '../promote';
import { normalizeAxis } from './axes';
import { triIndices } from './extras';
import { flip } from './rearrange';
import * as C from './creation';
import * as R from './reductions';
import * as S from './shape';
import * as U from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const shapeOf = (v: Value) => avalOf(v).shape;
const flag = (o: PyObject) => !isNone(o) && truthy(o);
const int = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toIndexNumber(o));
const kindOf = (v: Value) => DTYPES[avalOf(v).dtype].kind;
const indexDtype = () => canonicalizeDtype('int64');

function intList(o: PyObject): number[] {
  if (o instanceof JaxArray) {
    const c = concreteValue(o.value);
    if (!c) throw notSupported('jnp.delete with traced indices');
    return Array.from({ length: c.size }, (_, i) => Number(K.getScalar(c, i)));
  }
  return o instanceof PyList || o instanceof PyTuple ? toArray(o).map(toIndexNumber) : [toIndexNumber(o)];
}

function rot90(m: Value, k0: number, axes: number[]): Value {
  const nd = shapeOf(m).length;
  if (axes.length !== 2) throw valueError('len(axes) must be 2.');
  const [a0, a1] = axes.map((a) => normalizeAxis(a, nd));
  if (a0 === a1) throw valueError('Axes must be different.');
  const k = ((k0 % 4) + 4) % 4;
  if (k === 0) return m;
  if (k === 2) return flip(flip(m, [a0]), [a1]);
  const perm = [...Array(nd).keys()];
  [perm[a0], perm[a1]] = [perm[a1], perm[a0]];
  return k === 1 ? lax.transpose(flip(m, [a1]), perm) : flip(lax.transpose(m, perm), [a1]);
}

function nanArg(name: 'nanargmax' | 'nanargmin', b: Bound): Value {
  const x = arrayArg(name, b.a);
  if (kindOf(x) !== 'float') return R.argReduce(name === 'nanargmax' ? 'argmax' : 'argmin', W(x), b.axis, flag(b.keepdims));
  const isNan = lax.ne(x, x);
  const filled = lax.select(isNan, U.constLike(x, name === 'nanargmax' ? -Infinity : Infinity), x);
  const r = R.argReduce(name === 'nanargmax' ? 'argmax' : 'argmin', W(filled), b.axis, flag(b.keepdims));
  // A slice of NaNs only has no position: -1, as JAX.
  const allNan = R.all(W(isNan), { axis: b.axis, keepdims: b.keepdims });
  return lax.select(lax.reshape(allNan, shapeOf(r)), U.constLike(r, -1), r);
}

function applyAlongAxis(args: PyObject[], kwargs: Kwargs): PyObject {
  if (args.length < 3) throw valueError('apply_along_axis requires func1d, axis and arr');
  const [func1d, axisObj, arrObj, ...extra] = args;
  const arr = arrayArg('apply_along_axis', arrObj);
  const nd = shapeOf(arr).length;
  const axis = normalizeAxis(toIndexNumber(axisObj), nd);
  // As JAX: vmap over the axes after `axis` (outputs last), then over those before it.
  let f: PyObject = new PyNativeFunction('func1d', (xs) => callObject(func1d, [...xs, ...extra], kwargs));
  for (let i = 1; i < nd - axis; i++) f = vmapCall([f], new Map([['in_axes', pyInt(i)], ['out_axes', pyInt(-1)]]));
  for (let i = 0; i < axis; i++) f = vmapCall([f], new Map([['in_axes', pyInt(0)], ['out_axes', pyInt(0)]]));
  return callObject(f, [W(arr)]);
}

function cumulative(name: 'cumulative_sum' | 'cumulative_prod', b: Bound): Value {
  const x = arrayArg(name, b.x);
  const nd = shapeOf(x).length;
  if (isNone(b.axis) && nd > 1) throw valueError(`The input array has rank ${nd}, however axis was not set to an explicit value. The axis argument is only optional for one-dimensional arrays.`);
  const axis = isNone(b.axis) ? 0 : normalizeAxis(toIndexNumber(b.axis), nd);
  let out = R.cumulative(name === 'cumulative_sum' ? 'cumsum' : 'cumprod', W(x), pyInt(axis), b.dtype);
  if (flag(b.include_initial)) {
    const s = [...shapeOf(out)];
    s[axis] = 1;
    out = lax.concatenate([lax.full(s, name === 'cumulative_sum' ? 0 : 1, avalOf(out).dtype, avalOf(out).weakType), out], axis);
  }
  return out;
}

function vander(b: Bound): Value {
  const x = arrayArg('vander', b.x);
  if (shapeOf(x).length !== 1) throw valueError(`x must be a one-dimensional array, got shape (${shapeOf(x).join(', ')})`);
  const n = shapeOf(x)[0];
  const N = int(b.N, n);
  const powers = Array.from({ length: N }, (_, i) => (flag(b.increasing) ? i : N - 1 - i));
  const col = (p: number) => lax.reshape(U.power(W(x), pyInt(p)), [n, 1]);
  return N ? lax.concatenate(powers.map(col), 1) : lax.full([n, 0], 0, avalOf(x).dtype);
}

/** a with the main diagonal (all axes equal) set to `val` (a scalar or one value per position). */
function fillDiagonal(b: Bound): Value {
  if (isNone(b.inplace) || truthy(b.inplace)) throw valueError('JAX arrays are immutable, must use inplace=False');
  if (flag(b.wrap)) throw notSupported('jnp.fill_diagonal with wrap=True');
  const a = arrayArg('fill_diagonal', b.a);
  const s = shapeOf(a);
  if (s.length < 2) throw valueError('array must be at least 2-d');
  if (s.length > 2 && s.some((d) => d !== s[0])) throw valueError('All dimensions of input must be of equal length');
  const n = Math.min(...s);
  const v = S.ravel(lax.convertElementType(arrayArg('fill_diagonal', b.val), avalOf(a).dtype, avalOf(a).weakType));
  const m = shapeOf(v)[0];
  // NumPy cycles the values along the diagonal.
  const vals = m === 1 ? lax.broadcastInDim(lax.reshape(v, []), [n], []) : lax.gather(v, [K.fromNested(Array.from({ length: n }, (_, i) => i % m), indexDtype(), false)], 0, 'clip');
  let onDiag: Value = lax.full(s, true, 'bool');
  for (let k = 1; k < s.length; k++) onDiag = lax.and(onDiag, lax.eq(lax.iota('int32', s, 0), lax.iota('int32', s, k)));
  const spread = lax.gather(vals, [lax.min(lax.iota(indexDtype(), s, 0), lax.full(s, n - 1, indexDtype()))], 0, 'clip');
  return lax.select(onDiag, spread, a);
}

export const MORE: PyNativeFunction[] = [
  fn(M, 'fill_diagonal', ['a', 'val', 'wrap?', 'inplace?'], (b) => W(fillDiagonal(b))),
  fn(M, 'geomspace', ['start', 'stop', 'num?', 'endpoint?', 'dtype?', 'axis?'], (b) => {
    const [lo, hi] = [toPyFloat(b.start), toPyFloat(b.stop)];
    if (lo === 0 || hi === 0) throw valueError('Geometric sequence cannot include zero');
    const num = int(b.num, 50);
    const endpoint = isNone(b.endpoint) || truthy(b.endpoint);
    // Same-sign ends: a logspace of the magnitudes with the sign put back and exact end points.
    const sign = lo < 0 && hi < 0 ? -1 : 1;
    if (lo * hi < 0) throw notSupported('jnp.geomspace between numbers of opposite signs');
    const lin = C.linspace(Math.log10(Math.abs(lo)), Math.log10(Math.abs(hi)), num, endpoint, undefined);
    let y = lax.mul(lax.pow(U.constLike(lin, 10), lin), U.constLike(lin, sign));
    if (num > 0) {
      const ends = Array.from({ length: num }, (_, i) => i);
      const exact = ends.map((i) => (i === 0 ? lo : endpoint && i === num - 1 ? hi : NaN));
      const fixed = K.fromNested(exact.map((e) => (Number.isNaN(e) ? 0 : e)), avalOf(y).dtype, false);
      const mask = K.fromNested(exact.map((e) => !Number.isNaN(e)), 'bool', false);
      y = lax.select(mask, fixed, y);
    }
    const d = dtypeArgument(b.dtype, 'geomspace');
    return W(d ? lax.convertElementType(y, d, false) : y);
  }),
  fn(M, 'append', ['arr', 'values', 'axis?'], (b) => {
    const [x, v] = [arrayArg('append', b.arr), arrayArg('append', b.values)];
    const [px, pv] = promoteDtypes([x, v]);
    return W(isNone(b.axis) ? lax.concatenate([S.ravel(px), S.ravel(pv)], 0) : S.concatenate([px, pv], toIndexNumber(b.axis)));
  }),
  fn(M, 'delete', ['arr', 'obj', 'axis?', 'assume_unique_indices?'], (b) => {
    let x = arrayArg('delete', b.arr);
    if (isNone(b.axis)) x = S.ravel(x);
    const axis = isNone(b.axis) ? 0 : normalizeAxis(toIndexNumber(b.axis), shapeOf(x).length);
    const n = shapeOf(x)[axis];
    const gone = new Set(intList(b.obj).map((i) => (i < 0 ? i + n : i)));
    const keep = [...Array(n).keys()].filter((i) => !gone.has(i));
    return W(lax.gather(x, [keep.length ? K.fromNested(keep, indexDtype(), false) : lax.full([0], 0, indexDtype())], axis, 'clip'));
  }),
  fn(M, 'rot90', ['m', 'k?', 'axes?'], (b) => W(rot90(arrayArg('rot90', b.m), int(b.k, 1), isNone(b.axes) ? [0, 1] : intList(b.axes)))),
  fn(M, 'isin', ['element', 'test_elements', 'assume_unique?', 'invert?', 'method?'], (b) => {
    const [e, t] = promoteDtypes([arrayArg('isin', b.element), S.ravel(arrayArg('isin', b.test_elements))]);
    const es = shapeOf(e);
    const m = shapeOf(t)[0];
    const grid = [...es, m];
    const eq = lax.eq(lax.broadcastInDim(e, grid, es.map((_, i) => i)), lax.broadcastInDim(t, grid, [es.length]));
    const found = lax.reduceOr(eq, [es.length]);
    return W(flag(b.invert) ? lax.not(found) : found);
  }),
  fn(M, 'nanargmax', ['a', 'axis?', 'out?', 'keepdims?'], (b) => W(nanArg('nanargmax', b))),
  fn(M, 'nanargmin', ['a', 'axis?', 'out?', 'keepdims?'], (b) => W(nanArg('nanargmin', b))),
  fn(M, 'nancumsum', ['a', 'axis?', 'dtype?', 'out?'], (b) => {
    const x = arrayArg('nancumsum', b.a);
    const z = kindOf(x) === 'float' || kindOf(x) === 'complex' ? lax.select(lax.ne(x, x), U.constLike(x, 0), x) : x;
    return W(R.cumulative('cumsum', W(z), b.axis, b.dtype));
  }),
  fn(M, 'nancumprod', ['a', 'axis?', 'dtype?', 'out?'], (b) => {
    const x = arrayArg('nancumprod', b.a);
    const z = kindOf(x) === 'float' || kindOf(x) === 'complex' ? lax.select(lax.ne(x, x), U.constLike(x, 1), x) : x;
    return W(R.cumulative('cumprod', W(z), b.axis, b.dtype));
  }),
  new PyNativeFunction('apply_along_axis', applyAlongAxis, `${M}.apply_along_axis`),
  fn(M, 'copy', ['a', 'order?'], (b) => W(arrayArg('copy', b.a))),
  fn(M, 'astype', ['x', 'dtype', 'copy?', 'device?'], (b) => W(lax.convertElementType(arrayArg('astype', b.x), dtypeArgument(b.dtype, 'astype')!, false))),
  fn(M, 'permute_dims', ['a', 'axes'], (b) => W(S.transpose(arrayArg('permute_dims', b.a), intList(b.axes)))),
  fn(M, 'unstack', ['x', 'axis?'], (b) => {
    const x = arrayArg('unstack', b.x);
    const axis = normalizeAxis(int(b.axis, 0), shapeOf(x).length);
    const n = shapeOf(x)[axis];
    return pyTuple(
      Array.from({ length: n }, (_, i) => {
        const lo = shapeOf(x).map((_, j) => (j === axis ? i : 0));
        const hi = shapeOf(x).map((d, j) => (j === axis ? i + 1 : d));
        return W(lax.reshape(lax.slice(x, lo, hi), shapeOf(x).filter((_, j) => j !== axis)));
      }),
    );
  }),
  fn(M, 'cumulative_sum', ['x', 'axis?', 'dtype?', 'include_initial?'], (b) => W(cumulative('cumulative_sum', b))),
  fn(M, 'cumulative_prod', ['x', 'axis?', 'dtype?', 'include_initial?'], (b) => W(cumulative('cumulative_prod', b))),
  fn(M, 'angle', ['z', 'deg?'], (b) => {
    const [re, im] = [W(U.real(b.z)), W(U.imag(b.z))];
    const r = U.arctan2(im, re);
    return W(flag(b.deg) ? lax.mul(r, U.constLike(r, 180 / Math.PI)) : r);
  }),
  fn(M, 'iscomplexobj', ['x'], (b) => pyBool(b.x instanceof JaxArray ? DTYPES[b.x.aval.dtype].kind === 'complex' : b.x.cls.name === 'complex')),
  fn(M, 'isrealobj', ['x'], (b) => pyBool(!(b.x instanceof JaxArray ? DTYPES[b.x.aval.dtype].kind === 'complex' : b.x.cls.name === 'complex'))),
  fn(M, 'isreal', ['x'], (b) => {
    const im = U.imag(b.x);
    return W(lax.eq(im, U.constLike(im, 0)));
  }),
  fn(M, 'iscomplex', ['x'], (b) => {
    const im = U.imag(b.x);
    return W(lax.ne(im, U.constLike(im, 0)));
  }),
  fn(M, 'tril_indices_from', ['arr', 'k?'], (b) => {
    const s = shapeOf(arrayArg('tril_indices_from', b.arr));
    if (s.length !== 2) throw valueError('input array must be 2-d');
    return triIndices(s[0], int(b.k, 0), s[1], true);
  }),
  fn(M, 'triu_indices_from', ['arr', 'k?'], (b) => {
    const s = shapeOf(arrayArg('triu_indices_from', b.arr));
    if (s.length !== 2) throw valueError('input array must be 2-d');
    return triIndices(s[0], int(b.k, 0), s[1], false);
  }),
  fn(M, 'vander', ['x', 'N?', 'increasing?'], (b) => W(vander(b))),
];
