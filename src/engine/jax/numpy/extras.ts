// Further jax.numpy functions seen in tutorials and scientific code: logspace, empty/empty_like,
// hsplit/vsplit/dsplit, isposinf/isneginf, divmod, matrix_transpose, trapezoid, searchsorted,
// digitize, interp, cross, cov, corrcoef, triu_indices/tril_indices/diag_indices, indices.
// Each follows the formulation of jax/_src/numpy so values and gradients agree with JAX.

import { DTYPES } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, valueError } from '../../errors';
import { type PyNativeFunction, type PyObject, PyStr } from '../../interp/object';
import { pyInt, pyTuple, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { broadcastAll, broadcastTo, promoteDtypes, promoteDtypesInexact } from '../promote';
import { normalizeAxis } from './axes';
import * as C from './creation';
import { sliceAxis, splitArray } from './rearrange';
import * as S from './shape';
import * as U from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const shapeOf = (v: Value) => avalOf(v).shape;
const flag = (o: PyObject) => !isNone(o) && truthy(o);
const int = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toIndexNumber(o));
const indexDtype = () => canonicalizeDtype('int64');

/** Number of elements of sorted 1-D `a` below each `v` (side 'left') or at most each `v` ('right'). */
export function searchsorted(a: Value, v: Value, side: 'left' | 'right'): Value {
  if (shapeOf(a).length !== 1) throw valueError('a should be 1-dimensional');
  const [av, vv] = promoteDtypesInexactIfMixed(a, v);
  const n = shapeOf(av)[0];
  const vs = shapeOf(vv);
  const grid = [...vs, n];
  const aB = lax.broadcastInDim(av, grid, [vs.length]);
  const vB = lax.broadcastInDim(vv, grid, vs.map((_, i) => i));
  const hit = side === 'left' ? lax.lt(aB, vB) : lax.le(aB, vB);
  return lax.reduceSum(lax.convertElementType(hit, indexDtype(), false), [vs.length]);
}

/** Comparison operands of one dtype (JAX promotes `a` and `v` together). */
function promoteDtypesInexactIfMixed(a: Value, v: Value): Value[] {
  const [x, y] = [a, v];
  const same = avalOf(x).dtype === avalOf(y).dtype;
  if (same) return [x, y];
  const kinds = [x, y].map((t) => DTYPES[avalOf(t).dtype].kind);
  return kinds.some((k) => k === 'float' || k === 'complex') ? promoteDtypesInexact([x, y]) : [x, y].map((t) => lax.convertElementType(t, indexDtype(), false));
}

function interp(b: Bound): Value {
  if (!isNone(b.period)) throw notSupported('jnp.interp with period');
  const [x, xp, fp] = promoteDtypesInexact(arrayArgs('interp', [b.x, b.xp, b.fp]));
  if (shapeOf(xp).length !== 1 || shapeOf(fp).length !== 1) throw valueError('xp and fp must be one-dimensional');
  const n = shapeOf(xp)[0];
  if (shapeOf(fp)[0] !== n) throw valueError('xp and fp must be the same length');
  // i: the right end of x's interval, clipped so that [i - 1, i] is a valid interval.
  const raw = searchsorted(xp, x, 'right');
  const i = lax.max(lax.min(raw, U.constLike(raw, n - 1)), U.constLike(raw, 1));
  const im1 = lax.sub(i, U.constLike(i, 1));
  const at = (arr: Value, idx: Value) => lax.gather(arr, [idx], 0, 'clip');
  const df = lax.sub(at(fp, i), at(fp, im1));
  const dx = lax.sub(at(xp, i), at(xp, im1));
  const delta = lax.sub(x, at(xp, im1));
  // An empty interval takes fp[i - 1] (and keeps NaN out of the gradient).
  const dx0 = lax.le(lax.abs(dx), U.constLike(dx, 0));
  const safeDx = lax.select(dx0, U.constLike(dx, 1), dx);
  let f = lax.select(dx0, at(fp, im1), lax.add(at(fp, im1), lax.mul(lax.div(delta, safeDx), df)));
  const edge = (o: PyObject, k: number) => (isNone(o) ? broadcastTo(lax.reshape(lax.slice(fp, [k], [k + 1]), []), shapeOf(f)) : broadcastTo(lax.convertElementType(arrayArg('interp', o), avalOf(f).dtype, false), shapeOf(f)));
  const first = broadcastTo(lax.reshape(lax.slice(xp, [0], [1]), []), shapeOf(x));
  const last = broadcastTo(lax.reshape(lax.slice(xp, [n - 1], [n]), []), shapeOf(x));
  f = lax.select(lax.lt(x, first), edge(b.left, 0), f);
  return lax.select(lax.gt(x, last), edge(b.right, n - 1), f);
}

function cross(a: PyObject, b: PyObject): Value {
  const [x, y] = promoteDtypes(arrayArgs('cross', [a, b]));
  const dx = shapeOf(x)[shapeOf(x).length - 1];
  const dy = shapeOf(y)[shapeOf(y).length - 1];
  if (![2, 3].includes(dx) || ![2, 3].includes(dy)) throw valueError('Dimension must be either 2 or 3 for cross product');
  const comp = (v: Value, k: number, d: number) => {
    const nd = shapeOf(v).length;
    if (k >= d) return U.constLike(lax.reshape(sliceAxis(v, nd - 1, 0, 1), shapeOf(v).slice(0, -1)), 0);
    return lax.reshape(sliceAxis(v, nd - 1, k, k + 1), shapeOf(v).slice(0, -1));
  };
  const [a0, a1, a2] = [0, 1, 2].map((k) => comp(x, k, dx));
  const [b0, b1, b2] = [0, 1, 2].map((k) => comp(y, k, dy));
  const z = (p: Value, q: Value, r: Value, s: Value) => {
    const [pb, qb, rb, sb] = broadcastAll([p, q, r, s]);
    return lax.sub(lax.mul(pb, qb), lax.mul(rb, sb));
  };
  const c2 = z(a0, b1, a1, b0);
  if (dx === 2 && dy === 2) return c2;
  const c0 = z(a1, b2, a2, b1);
  const c1 = z(a2, b0, a0, b2);
  const s = shapeOf(c2);
  return lax.concatenate([c0, c1, c2].map((c) => lax.reshape(c, [...s, 1])), s.length);
}

function cov(b: Bound): Value {
  let x = S.atLeast(promoteDtypesInexact(arrayArgs('cov', [b.m]))[0], 2);
  const rowvar = isNone(b.rowvar) || truthy(b.rowvar);
  if (!isNone(b.fweights) || !isNone(b.aweights)) throw notSupported('jnp.cov with fweights or aweights');
  if (!rowvar && shapeOf(x)[0] !== 1) x = lax.transpose(x, [1, 0]);
  if (!isNone(b.y)) {
    let y = S.atLeast(promoteDtypesInexact(arrayArgs('cov', [b.y]))[0], 2);
    if (!rowvar && shapeOf(y)[0] !== 1) y = lax.transpose(y, [1, 0]);
    x = S.concatenate(promoteDtypesInexact([x, y]), 0);
  }
  const ddof = isNone(b.ddof) ? (flag(b.bias) ? 0 : 1) : toIndexNumber(b.ddof);
  const [vars, n] = shapeOf(x);
  const mean = lax.div(lax.reduceSum(x, [1]), U.constLike(lax.reduceSum(x, [1]), n));
  const centered = lax.sub(x, lax.broadcastInDim(mean, [vars, n], [0]));
  const conj = avalOf(x).dtype.startsWith('complex') ? lax.conj(centered) : centered;
  const c = lax.dotGeneral(centered, conj, { contracting: [[1], [1]], batch: [[], []] });
  const out = lax.div(c, U.constLike(c, n - ddof));
  return vars === 1 ? lax.reshape(out, []) : out;
}

function corrcoef(b: Bound): Value {
  const c = cov({ m: b.x, y: b.y, rowvar: b.rowvar } as Bound);
  if (shapeOf(c).length === 0) return lax.div(c, c);
  const k = shapeOf(c)[0];
  const d = lax.gather(c, [lax.iota(indexDtype(), [k], 0), lax.iota(indexDtype(), [k], 0)], 0, 'clip');
  const sd = lax.sqrt(avalOf(d).dtype.startsWith('complex') ? lax.real(d) : d);
  let r = lax.div(lax.div(c, lax.broadcastInDim(sd, [k, k], [0])), lax.broadcastInDim(sd, [k, k], [1]));
  if (!avalOf(r).dtype.startsWith('complex')) r = lax.max(lax.min(r, U.constLike(r, 1)), U.constLike(r, -1));
  return r;
}

/** Row and column indices of the triangle `j - i <= k` (lower) or `>= k` (upper), row-major. */
export function triIndices(n: number, k: number, m: number, lower: boolean): PyObject {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (lower ? j - i <= k : j - i >= k) {
        rows.push(i);
        cols.push(j);
      }
    }
  }
  const d = indexDtype();
  const arr = (xs: number[]) => W(xs.length ? lax.convertElementType(C.array(pyTupleOfInts(xs), undefined), d, false) : lax.full([0], 0, d));
  return pyTuple([arr(rows), arr(cols)]);
}

function pyTupleOfInts(xs: number[]): PyObject {
  return pyTuple(xs.map((x) => pyInt(x)));
}

function splitOn(name: string, axisFor: (nd: number) => number, minNd: number) {
  return fn(M, name, ['ary', 'indices_or_sections'], (b) => {
    const x = arrayArg(name, b.ary);
    const nd = shapeOf(x).length;
    if (nd < minNd) throw valueError(`${name} only works on arrays of ${minNd} or more dimensions`);
    return splitArray('split', x, b.indices_or_sections, axisFor(nd));
  });
}

/** 1-D convolution (op 'convolve') or correlation, as a matrix of shifted copies of v times a. */
function conv(op: 'convolve' | 'correlate', b: Bound, defaultMode: string): Value {
  let [a, v] = promoteDtypesInexact(arrayArgs(op, [b.a, b.v]));
  if (shapeOf(a).length !== 1 || shapeOf(v).length !== 1) throw valueError(`${op}() only support 1-dimensional inputs.`);
  const n = shapeOf(a)[0];
  const m = shapeOf(v)[0];
  if (n === 0 || m === 0) throw valueError(`${op}: inputs cannot be empty, got shapes (${n},) and (${m},).`);
  // correlate(a, v) is convolve(a, reversed conj(v)).
  if (op === 'correlate') v = lax.rev(avalOf(v).dtype.startsWith('complex') ? lax.conj(v) : v, [0]);
  const len = n + m - 1;
  // full[k] = sum_j a[j] v[k - j], with v read as 0 outside [0, m).
  const shift = lax.sub(lax.iota('int32', [len, n], 0), lax.iota('int32', [len, n], 1));
  const inside = lax.and(lax.ge(shift, lax.full([len, n], 0, 'int32')), lax.lt(shift, lax.full([len, n], m, 'int32')));
  const taps = lax.select(inside, lax.gather(v, [shift], 0, 'clip'), lax.full([len, n], 0, avalOf(v).dtype));
  const full = lax.dotGeneral(taps, a, { contracting: [[1], [0]], batch: [[], []] });
  const mode = isNone(b.mode) ? defaultMode : (b.mode as PyStr).value;
  const [lo, hi] = [Math.min(n, m), Math.max(n, m)];
  if (mode === 'full') return full;
  if (mode === 'same') return lax.slice(full, [Math.floor((lo - 1) / 2)], [Math.floor((lo - 1) / 2) + hi]);
  if (mode === 'valid') return lax.slice(full, [lo - 1], [hi]);
  throw valueError(`mode must be one of ['full', 'same', 'valid'], got ${mode}`);
}

export const EXTRAS: PyNativeFunction[] = [
  fn(M, 'convolve', ['a', 'v', 'mode?', 'precision?', 'preferred_element_type?'], (b) => W(conv('convolve', b, 'full'))),
  fn(M, 'correlate', ['a', 'v', 'mode?', 'precision?', 'preferred_element_type?'], (b) => W(conv('correlate', b, 'valid'))),
  fn(M, 'logspace', ['start', 'stop', 'num?', 'endpoint?', 'base?', 'dtype?', 'axis?'], (b) => {
    const endpoint = isNone(b.endpoint) || truthy(b.endpoint);
    const lin = C.linspace(toPyFloat(b.start), toPyFloat(b.stop), int(b.num, 50), endpoint, undefined);
    const base = isNone(b.base) ? 10 : toPyFloat(b.base);
    const y = lax.pow(U.constLike(lin, base), lin);
    const d = dtypeArgument(b.dtype, 'logspace');
    return W(d ? lax.convertElementType(y, d, false) : y);
  }),
  fn(M, 'empty', ['shape', 'dtype?', 'device?'], (b) => W(C.filled(S.shapeArg(b.shape), 0, dtypeArgument(b.dtype, 'empty')))),
  fn(M, 'empty_like', ['prototype', 'dtype?', 'shape?', 'device?'], (b) =>
    W(C.like(arrayArg('empty_like', b.prototype), 0, dtypeArgument(b.dtype, 'empty_like'), isNone(b.shape) ? undefined : S.shapeArg(b.shape))),
  ),
  splitOn('hsplit', (nd) => (nd > 1 ? 1 : 0), 1),
  splitOn('vsplit', () => 0, 2),
  splitOn('dsplit', () => 2, 3),
  fn(M, 'isposinf', ['x', 'out?'], (b) => W(infTest(b.x, Infinity))),
  fn(M, 'isneginf', ['x', 'out?'], (b) => W(infTest(b.x, -Infinity))),
  fn(M, 'divmod', ['x1', 'x2'], (b) => pyTuple([W(U.floorDivide(b.x1, b.x2)), W(U.remainder(b.x1, b.x2))])),
  fn(M, 'matrix_transpose', ['x'], (b) => {
    const x = arrayArg('matrix_transpose', b.x);
    const nd = shapeOf(x).length;
    if (nd < 2) throw valueError(`x must be at least two-dimensional for matrix_transpose; got ndim=${nd}`);
    return W(S.swapaxes(x, -1, -2));
  }),
  fn(M, 'trapezoid', ['y', 'x?', 'dx?', 'axis?'], (b) => {
    const [y0, x0] = promoteDtypesInexact(arrayArgs('trapezoid', isNone(b.x) ? [b.y] : [b.y, b.x]));
    const axis = normalizeAxis(int(b.axis, -1), shapeOf(y0).length);
    const y = S.moveaxis(y0, [axis], [-1]);
    const n = shapeOf(y)[shapeOf(y).length - 1];
    const last = shapeOf(y).length - 1;
    const mids = lax.add(sliceAxis(y, last, 1, n), sliceAxis(y, last, 0, Math.max(0, n - 1)));
    let dx: Value;
    if (x0 !== undefined) {
      const xs = shapeOf(x0).length === 1 ? x0 : S.moveaxis(x0, [axis], [-1]);
      const m = shapeOf(xs)[shapeOf(xs).length - 1];
      dx = lax.sub(sliceAxis(xs, shapeOf(xs).length - 1, 1, m), sliceAxis(xs, shapeOf(xs).length - 1, 0, m - 1));
    } else dx = lax.convertElementType(arrayArg('trapezoid', isNone(b.dx) ? wrap(lax.full([], 1, 'float32', true)) : b.dx), avalOf(mids).dtype, avalOf(mids).weakType);
    const [dxb, mb] = broadcastAll([dx, mids]);
    const total = lax.reduceSum(lax.mul(dxb, mb), [shapeOf(mb).length - 1]);
    return W(lax.mul(U.constLike(total, 0.5), total));
  }),
  fn(M, 'searchsorted', ['a', 'v', 'side?', 'sorter?', 'method?'], (b) => {
    if (!isNone(b.sorter)) throw notSupported('jnp.searchsorted with sorter');
    const side = isNone(b.side) ? 'left' : (b.side as PyStr).value;
    if (side !== 'left' && side !== 'right') throw valueError(`${JSON.stringify(side)} is an invalid value for keyword 'side'`);
    const [a, v] = arrayArgs('searchsorted', [b.a, b.v]);
    return W(searchsorted(a, v, side));
  }),
  fn(M, 'digitize', ['x', 'bins', 'right?', 'method?'], (b) => {
    const [x, bins] = arrayArgs('digitize', [b.x, b.bins]);
    if (shapeOf(bins).length !== 1) throw valueError(`digitize: bins must be a 1-dimensional array; got bins=${shapeOf(bins)}`);
    const n = shapeOf(bins)[0];
    if (n === 0) return W(lax.full(shapeOf(x), 0, indexDtype()));
    const side = flag(b.right) ? 'left' : 'right';
    const rising = searchsorted(bins, x, side);
    const falling = lax.sub(U.constLike(rising, n), searchsorted(lax.rev(bins, [0]), x, side));
    const up = lax.ge(lax.slice(bins, [n - 1], [n]), lax.slice(bins, [0], [1]));
    return W(lax.select(broadcastTo(lax.reshape(up, []), shapeOf(rising)), rising, falling));
  }),
  fn(M, 'interp', ['x', 'xp', 'fp', 'left?', 'right?', 'period?'], (b) => W(interp(b))),
  fn(M, 'cross', ['a', 'b', 'axisa?', 'axisb?', 'axisc?', 'axis?'], (b) => {
    if (!isNone(b.axisa) || !isNone(b.axisb) || !isNone(b.axisc) || !isNone(b.axis)) throw notSupported('jnp.cross with axis arguments');
    return W(cross(b.a, b.b));
  }),
  fn(M, 'cov', ['m', 'y?', 'rowvar?', 'bias?', 'ddof?', 'fweights?', 'aweights?'], (b) => W(cov(b))),
  fn(M, 'corrcoef', ['x', 'y?', 'rowvar?'], (b) => W(corrcoef(b))),
  fn(M, 'triu_indices', ['n', 'k?', 'm?'], (b) => triIndices(toIndexNumber(b.n), int(b.k, 0), int(b.m, toIndexNumber(b.n)), false)),
  fn(M, 'tril_indices', ['n', 'k?', 'm?'], (b) => triIndices(toIndexNumber(b.n), int(b.k, 0), int(b.m, toIndexNumber(b.n)), true)),
  fn(M, 'diag_indices', ['n', 'ndim?'], (b) => {
    const n = toIndexNumber(b.n);
    const idx = W(lax.iota(indexDtype(), [n], 0));
    return pyTuple(new Array<PyObject>(int(b.ndim, 2)).fill(idx));
  }),
  fn(M, 'indices', ['dimensions', 'dtype?', 'sparse?'], (b) => {
    const dims = S.shapeArg(b.dimensions);
    const d = dtypeArgument(b.dtype, 'indices') ?? indexDtype();
    const grids = dims.map((_, i) =>
      flag(b.sparse) ? lax.iota(d, dims.map((n, j) => (j === i ? n : 1)), i) : lax.iota(d, dims, i),
    );
    if (flag(b.sparse)) return pyTuple(grids.map(W));
    return W(lax.concatenate(grids.map((g) => lax.reshape(g, [1, ...dims])), 0));
  }),
];

function infTest(o: PyObject, which: number): Value {
  const x = arrayArg(which > 0 ? 'isposinf' : 'isneginf', o);
  const k = DTYPES[avalOf(x).dtype].kind;
  if (k === 'complex') throw valueError('isposinf/isneginf are not well defined for complex types');
  if (k !== 'float') return lax.full(shapeOf(x), false, 'bool');
  return lax.eq(x, U.constLike(x, which));
}

