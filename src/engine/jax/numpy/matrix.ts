// Matrix-shaped helpers of jax.numpy: tri, tril, triu, diag, diagonal, trace, kron, tensordot,
// take, take_along_axis. Masks come from iota comparisons and selections, diagonals and takes
// from gather, so gradients flow through the existing rules (a gather's VJP is a scatter-add).

import { type DType, DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { PyError, typeError, valueError } from '../../errors';
import { PyList, type PyNativeFunction, type PyObject, PyStr, PyTuple } from '../../interp/object';
import { pyInt, toArray, toIndexNumber, toPyFloat } from '../../interp/protocol';
import { fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { defaultFill } from '../indexing';
import { broadcastAll, broadcastTo, promoteDtypes } from '../promote';
import { normalizeAxis } from './axes';
import * as R from './reductions';
import * as S from './shape';
import { constLike } from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const int = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toIndexNumber(o));
const shapeOf = (v: Value) => avalOf(v).shape;
const indexDtype = (): DType => canonicalizeDtype('int64');

/** Boolean (n, m) mask of the positions with j - i <= k (lower) or j - i >= k (upper). */
function triMask(n: number, m: number, k: number, lower: boolean): Value {
  const i = lax.iota('int32', [n, m], 0);
  const j = lax.iota('int32', [n, m], 1);
  const offset = lax.add(i, lax.full([n, m], k, 'int32'));
  return lower ? lax.le(j, offset) : lax.ge(j, offset);
}

function triangle(name: 'tril' | 'triu', a: PyObject, k: number): Value {
  const x = arrayArg(name, a);
  const s = shapeOf(x);
  if (s.length < 2) throw valueError(`Argument to jax.numpy.${name} must be at least 2D`);
  const mask = broadcastTo(triMask(s[s.length - 2], s[s.length - 1], k, name === 'tril'), s);
  return lax.select(mask, x, constLike(x, 0));
}

/** The offset diagonal of axes (axis1, axis2), appended as the last axis. */
export function diagonal(x: Value, offset: number, axis1: number, axis2: number): Value {
  const s = shapeOf(x);
  const nd = s.length;
  if (nd < 2) throw valueError('diagonal requires an array of at least two dimensions.');
  const a1 = normalizeAxis(axis1, nd);
  const a2 = normalizeAxis(axis2, nd);
  if (a1 === a2) throw valueError('axis1 and axis2 must not be equal.');
  const rest = [...Array(nd).keys()].filter((i) => i !== a1 && i !== a2);
  const y = lax.transpose(x, [...rest, a1, a2]);
  const n = s[a1];
  const m = s[a2];
  const len = Math.max(0, offset >= 0 ? Math.min(n, m - offset) : Math.min(n + offset, m));
  const rows = lax.add(lax.iota(indexDtype(), [len], 0), lax.full([len], Math.max(0, -offset), indexDtype()));
  const cols = lax.add(lax.iota(indexDtype(), [len], 0), lax.full([len], Math.max(0, offset), indexDtype()));
  return lax.gather(y, [rows, cols], nd - 2, 'clip');
}

/** `jnp.diag`: a 1-D input becomes a matrix with it on diagonal k; a 2-D input gives diagonal k. */
function diag(v: Value, k: number): Value {
  const s = shapeOf(v);
  if (s.length === 2) return diagonal(v, k, 0, 1);
  if (s.length !== 1) throw valueError('diag input must be 1d or 2d');
  const n = s[0] + Math.abs(k);
  const padded = lax.pad(v, constLike(lax.reshape(lax.slice(v, [0], [Math.min(1, s[0])]), []), 0), [[0, Math.abs(k), 0]]);
  // Position (i, j) on the diagonal holds v[i] when k >= 0 and v[j] when k < 0.
  const spread = lax.broadcastInDim(padded, [n, n], [k >= 0 ? 0 : 1]);
  const mask = lax.eq(lax.sub(lax.iota('int32', [n, n], 1), lax.iota('int32', [n, n], 0)), lax.full([n, n], k, 'int32'));
  return lax.select(mask, spread, constLike(spread, 0));
}

export function kron(a: PyObject, b: PyObject): Value {
  let [x, y] = promoteDtypes(arrayArgs('kron', [a, b]));
  const nd = Math.max(shapeOf(x).length, shapeOf(y).length);
  const lead = (v: Value) => lax.reshape(v, [...new Array<number>(nd - shapeOf(v).length).fill(1), ...shapeOf(v)]);
  x = lead(x);
  y = lead(y);
  const sx = shapeOf(x);
  const sy = shapeOf(y);
  // Interleave: x on the even axes, y on the odd ones, multiply, then merge each pair.
  const inter = sx.flatMap((d, i) => [d, sy[i]]);
  const xb = lax.broadcastInDim(x, inter, sx.map((_, i) => 2 * i));
  const yb = lax.broadcastInDim(y, inter, sy.map((_, i) => 2 * i + 1));
  const prod = avalOf(xb).dtype === 'bool' ? lax.and(xb, yb) : lax.mul(xb, yb);
  return lax.reshape(prod, sx.map((d, i) => d * sy[i]));
}

function axisList(o: PyObject): number[] {
  return o instanceof PyList || o instanceof PyTuple ? toArray(o).map(toIndexNumber) : [toIndexNumber(o)];
}

export function tensordot(a: PyObject, b: PyObject, axes: PyObject): Value {
  const [x, y] = promoteDtypes(arrayArgs('tensordot', [a, b]));
  const nx = shapeOf(x).length;
  const ny = shapeOf(y).length;
  let cx: number[];
  let cy: number[];
  if (isNone(axes) || !(axes instanceof PyList || axes instanceof PyTuple)) {
    const n = int(axes, 2);
    if (n < 0) throw typeError(`tensordot requires axes to be a non-negative integer, got ${n}.`);
    if (n > nx || n > ny) throw typeError(`Number of tensordot axes (axes ${n}) exceeds input ranks (${nx} and ${ny})`);
    cx = [...Array(n).keys()].map((i) => nx - n + i);
    cy = [...Array(n).keys()];
  } else {
    const pair = toArray(axes);
    if (pair.length !== 2) throw typeError('tensordot axes argument must be an int, a pair of ints, or a pair of lists/tuples of ints.');
    cx = axisList(pair[0]).map((i) => normalizeAxis(i, nx));
    cy = axisList(pair[1]).map((i) => normalizeAxis(i, ny));
    if (cx.length !== cy.length) throw typeError(`tensordot requires axes lists to have equal length, got ${cx} and ${cy}.`);
  }
  return lax.dotGeneral(x, y, { contracting: [cx, cy], batch: [[], []] });
}

type TakeMode = { kind: 'clip' } | { kind: 'fill'; fill: number | boolean } | { kind: 'wrap' };

function takeMode(name: string, x: Value, mode: PyObject, fillValue: PyObject): TakeMode {
  const m = isNone(mode) ? 'fill' : (mode as PyStr).value;
  if (m === 'clip') return { kind: 'clip' };
  if (m === 'wrap') return { kind: 'wrap' };
  if (m === 'fill') return { kind: 'fill', fill: isNone(fillValue) ? defaultFill(avalOf(x).dtype) : toPyFloat(fillValue) };
  if (m === 'raise') throw new PyError('NotImplementedError', `The 'raise' mode to jnp.${name} is not supported.`);
  throw valueError(`Invalid mode '${m}' for np.${name}`);
}

/** Reads `x` along `axis` at integer `indices` (one gather over that axis). */
function gatherAxis(x: Value, indices: Value[], startAxis: number, mode: TakeMode): Value {
  if (mode.kind === 'fill') return lax.gather(x, indices, startAxis, 'fill', mode.fill);
  if (mode.kind === 'wrap') {
    const sizes = shapeOf(x).slice(startAxis, startAxis + indices.length);
    indices = indices.map((ix, j) => {
      const n = constLike(ix, sizes[j]);
      const r = lax.rem(ix, n);
      return lax.select(lax.lt(r, constLike(r, 0)), lax.add(r, n), r);
    });
  }
  return lax.gather(x, indices, startAxis, 'clip');
}

function integerIndices(name: string, o: PyObject): Value {
  const v = arrayArg(name, o);
  const k = DTYPES[avalOf(v).dtype].kind;
  if (k !== 'int' && k !== 'uint') throw typeError(`${name} requires integer indices, got ${avalOf(v).dtype}`);
  return lax.convertElementType(v, indexDtype(), false);
}

function take(a: PyObject, idx: PyObject, axisObj: PyObject, mode: PyObject, fillValue: PyObject): Value {
  let x = arrayArg('take', a);
  if (isNone(axisObj)) x = S.ravel(x);
  const axis = isNone(axisObj) ? 0 : normalizeAxis(toIndexNumber(axisObj), shapeOf(x).length);
  return gatherAxis(x, [integerIndices('take', idx)], axis, takeMode('take', x, mode, fillValue));
}

function takeAlongAxis(a: PyObject, idx: PyObject, axisObj: PyObject, mode: PyObject, fillValue: PyObject): Value {
  let x = arrayArg('take_along_axis', a);
  let ix = integerIndices('take_along_axis', idx);
  if (isNone(axisObj)) {
    x = S.ravel(x);
    ix = S.ravel(ix);
  }
  const nd = shapeOf(x).length;
  if (shapeOf(ix).length !== nd) {
    throw valueError(`indices and arr must have the same number of dimensions; ${shapeOf(ix).length} vs. ${nd}`);
  }
  const axis = isNone(axisObj) ? 0 : normalizeAxis(toIndexNumber(axisObj), nd);
  // One index array per axis: iota on the others (broadcast against `indices`), `indices` on `axis`.
  const is = shapeOf(ix);
  const xs = shapeOf(x);
  const out = is.map((d, i) => (i === axis ? d : d === 1 ? xs[i] : d));
  const all = [...Array(nd).keys()].map((i) => (i === axis ? ix : lax.iota(indexDtype(), out.map((d, j) => (j === i ? d : 1)), i)));
  return gatherAxis(x, broadcastAll(all), 0, takeMode('take_along_axis', x, mode, fillValue));
}

export const MATRIX: PyNativeFunction[] = [
  fn(M, 'tri', ['N', 'M?', 'k?', 'dtype?'], (b) => {
    const n = toIndexNumber(b.N);
    const m = int(b.M, n);
    const d = dtypeArgument(b.dtype, 'tri') ?? canonicalizeDtype('float64');
    return W(lax.convertElementType(triMask(n, m, int(b.k, 0), true), d, false));
  }),
  fn(M, 'tril', ['m', 'k?'], (b) => W(triangle('tril', b.m, int(b.k, 0)))),
  fn(M, 'triu', ['m', 'k?'], (b) => W(triangle('triu', b.m, int(b.k, 0)))),
  fn(M, 'diag', ['v', 'k?'], (b) => W(diag(arrayArg('diag', b.v), int(b.k, 0)))),
  fn(M, 'diagonal', ['a', 'offset?', 'axis1?', 'axis2?'], (b) =>
    W(diagonal(arrayArg('diagonal', b.a), int(b.offset, 0), int(b.axis1, 0), int(b.axis2, 1))),
  ),
  fn(M, 'trace', ['a', 'offset?', 'axis1?', 'axis2?', 'dtype?', 'out?'], (b) => {
    const d = diagonal(arrayArg('trace', b.a), int(b.offset, 0), int(b.axis1, 0), int(b.axis2, 1));
    return W(R.sum(W(d), { axis: pyInt(-1), dtype: b.dtype }));
  }),
  fn(M, 'kron', ['a', 'b'], (b) => W(kron(b.a, b.b))),
  fn(M, 'tensordot', ['a', 'b', 'axes?', 'precision?', 'preferred_element_type?'], (b) => W(tensordot(b.a, b.b, b.axes))),
  fn(M, 'take', ['a', 'indices', 'axis?', 'out?', 'mode?', 'unique_indices?', 'indices_are_sorted?', 'fill_value?'], (b) =>
    W(take(b.a, b.indices, b.axis, b.mode, b.fill_value)),
  ),
  fn(M, 'take_along_axis', ['arr', 'indices', 'axis', 'mode?', 'fill_value?'], (b) =>
    W(takeAlongAxis(b.arr, b.indices, b.axis, b.mode, b.fill_value)),
  ),
];
