// Rearranging functions of jax.numpy (jax/_src/numpy/lax_numpy.py): split, array_split, tile,
// repeat, roll, flip, pad, diff, meshgrid, atleast_*d, dstack, column_stack. Each is written with
// slices, concatenations, broadcasts and reshapes, so every transformation sees plain lax ops
// and the dtype and weak type of the input pass through unchanged.

import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as K from '../../array/kernels';
import { type NDArray } from '../../array/ndarray';
import * as lax from '../../autodiff/lax';
import { notSupported, valueError } from '../../errors';
import { PyList, type PyNativeFunction, type PyObject, PyStr, PyTuple } from '../../interp/object';
import { pyList, toArray, toIndexNumber, truthy } from '../../interp/protocol';
import { type Bound, fn, isNone, varFn } from '../args';
import { JaxArray, wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { promoteDtypes } from '../promote';
import { normalizeAxis } from './axes';
import * as S from './shape';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const int = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toIndexNumber(o));
const shapeOf = (v: Value) => avalOf(v).shape;

/** `x[lo:hi]` along one axis. */
export function sliceAxis(x: Value, axis: number, lo: number, hi: number): Value {
  const s = shapeOf(x);
  const start = s.map(() => 0);
  const stop = [...s];
  start[axis] = lo;
  stop[axis] = hi;
  return lax.slice(x, start, stop);
}

/** A Python int, list/tuple of ints, or concrete integer array, as numbers. */
function intList(o: PyObject): number[] {
  if (o instanceof JaxArray) {
    const c = concreteValue(o.value);
    if (!c) throw notSupported('split or repeat with traced (non-concrete) indices');
    return flatNumbers(c);
  }
  return o instanceof PyList || o instanceof PyTuple ? toArray(o).map(toIndexNumber) : [toIndexNumber(o)];
}

function flatNumbers(c: NDArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.size; i++) out.push(Number(K.getScalar(c, i)));
  return out;
}

// ---------------------------------------------------------------- split

function split(op: 'split' | 'array_split', b: Bound): PyObject {
  return splitArray(op, arrayArg(op, b.ary), b.indices_or_sections, int(b.axis, 0));
}

/** The parts of `x` along `axisArg`: `spec` is a number of sections or a list of split points. */
export function splitArray(op: 'split' | 'array_split', x: Value, spec: PyObject, axisArg: number): PyObject {
  const axis = normalizeAxis(axisArg, shapeOf(x).length);
  const size = shapeOf(x)[axis];
  let bounds: number[];
  if (spec instanceof PyList || spec instanceof PyTuple || (spec instanceof JaxArray && spec.aval.shape.length > 0)) {
    // Explicit split points, clamped into [0, size] as NumPy's slicing does.
    const clamp = (i: number) => Math.min(size, Math.max(0, i < 0 ? i + size : i));
    bounds = [0, ...intList(spec).map(clamp), size];
  } else {
    const n = intList(spec)[0];
    if (n <= 0) throw valueError('number sections must be larger than 0.');
    const part = Math.floor(size / n);
    const rest = size % n;
    if (rest !== 0 && op === 'split') throw valueError(`array split does not result in an equal division: rest is ${rest}`);
    // array_split: the first `rest` parts get one extra element.
    bounds = [0];
    for (let i = 0; i < n; i++) bounds.push(bounds[i] + part + (i < rest ? 1 : 0));
  }
  const parts: PyObject[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) parts.push(W(sliceAxis(x, axis, bounds[i], Math.max(bounds[i], bounds[i + 1]))));
  return pyList(parts);
}

// ---------------------------------------------------------------- tile, repeat, roll, flip

export function tile(x: Value, reps: number[]): Value {
  const s = shapeOf(x);
  const nd = Math.max(s.length, reps.length);
  const shape = [...new Array<number>(nd - s.length).fill(1), ...s];
  const r = [...new Array<number>(nd - reps.length).fill(1), ...reps];
  // Broadcast to (r0, s0, r1, s1, ...) and merge each pair.
  const inter = shape.flatMap((d, i) => [r[i], d]);
  const y = lax.broadcastInDim(lax.reshape(x, shape), inter, shape.map((_, i) => 2 * i + 1));
  return lax.reshape(y, shape.map((d, i) => d * r[i]));
}

export function repeat(x0: Value, repeats: PyObject, axisObj: PyObject): Value {
  let x = x0;
  if (isNone(axisObj)) x = S.ravel(x);
  const axis = isNone(axisObj) ? 0 : normalizeAxis(toIndexNumber(axisObj), shapeOf(x).length);
  const s = shapeOf(x);
  const counts = intList(repeats);
  if (counts.some((c) => c < 0)) throw valueError('repeats may not contain negative values.');
  if (counts.length === 1) {
    // Every element the same number of times: insert an axis, broadcast, merge.
    const c = counts[0];
    const inter = [...s.slice(0, axis + 1), c, ...s.slice(axis + 1)];
    const dims = s.map((_, i) => (i <= axis ? i : i + 1));
    const y = lax.broadcastInDim(x, inter, dims);
    return lax.reshape(y, s.map((d, i) => (i === axis ? d * c : d)));
  }
  if (counts.length !== s[axis]) {
    throw valueError(`repeats has ${counts.length} elements, but the axis has length ${s[axis]}`);
  }
  const positions = counts.flatMap((c, i) => new Array<number>(c).fill(i));
  const idx = K.fromNested(positions, 'int32', false);
  return lax.gather(x, [idx], axis, 'clip');
}

export function roll(x0: Value, shifts: number[], axes: number[] | undefined): Value {
  if (!axes) return lax.reshape(roll(S.ravel(x0), shifts.slice(0, 1), [0]), shapeOf(x0));
  if (shifts.length !== axes.length) {
    if (shifts.length !== 1 && axes.length !== 1) throw valueError("'shift' and 'axis' must have the same length");
  }
  const n = Math.max(shifts.length, axes.length);
  let x = x0;
  for (let k = 0; k < n; k++) {
    const axis = normalizeAxis(axes[axes.length === 1 ? 0 : k], shapeOf(x).length);
    const size = shapeOf(x)[axis];
    if (size === 0) continue;
    const shift = (((shifts[shifts.length === 1 ? 0 : k] % size) + size) % size);
    if (shift === 0) continue;
    x = lax.concatenate([sliceAxis(x, axis, size - shift, size), sliceAxis(x, axis, 0, size - shift)], axis);
  }
  return x;
}

export function flip(x: Value, axes: number[] | undefined): Value {
  const nd = shapeOf(x).length;
  const dims = axes ? axes.map((a) => normalizeAxis(a, nd)) : [...Array(nd).keys()];
  return dims.length ? lax.rev(x, dims) : x;
}

// ---------------------------------------------------------------- pad

/** pad_width in every NumPy spelling: n, (n,), (before, after), ((b0, a0), (b1, a1), ...). */
function padWidths(o: PyObject, nd: number): [number, number][] {
  const rows: number[][] = o instanceof PyList || o instanceof PyTuple ? toArray(o).map((r) => intList(r)) : [[toIndexNumber(o)]];
  let pairs: [number, number][];
  if (rows.every((r) => r.length === 1) && rows.length <= 2 && !(o instanceof PyTuple && toArray(o).some((r) => r instanceof PyTuple || r instanceof PyList))) {
    const flat = rows.map((r) => r[0]);
    const pair: [number, number] = flat.length === 1 ? [flat[0], flat[0]] : [flat[0], flat[1]];
    pairs = Array.from({ length: nd }, () => pair);
  } else {
    const asPairs = rows.map((r): [number, number] => (r.length === 1 ? [r[0], r[0]] : [r[0], r[1]]));
    if (asPairs.length === 1) pairs = Array.from({ length: nd }, () => asPairs[0]);
    else if (asPairs.length === nd) pairs = asPairs;
    else throw valueError(`jnp.pad: pad_width with nd=${asPairs.length} has unsupported shape (${asPairs.length}, 2). Valid shapes are (${nd}, 2), (1, 2), (2,), (1,), or ().`);
  }
  if (pairs.some(([a, c]) => a < 0 || c < 0)) throw valueError(`index can't contain negative values`);
  return pairs;
}

export function pad(x0: Value, widths: [number, number][], mode: string, constant: PyObject): Value {
  let x = x0;
  if (mode === 'constant') {
    const a = avalOf(x);
    let scalar: Value = lax.full([], 0, a.dtype, a.weakType);
    if (!isNone(constant)) {
      const fill = arrayArg('pad', constant);
      if (shapeOf(fill).reduce((p, d) => p * d, 1) !== 1) throw notSupported('jnp.pad with per-axis constant_values');
      scalar = lax.convertElementType(lax.reshape(fill, []), a.dtype, a.weakType);
    }
    return lax.pad(x, scalar, widths.map(([lo, hi]) => [lo, hi, 0] as const));
  }
  widths.forEach(([before, after], axis) => {
    const n = shapeOf(x)[axis];
    if (before === 0 && after === 0) return;
    const pieces = edgePieces(x, axis, n, before, after, mode);
    x = lax.concatenate([pieces[0], x, pieces[1]].filter((p) => shapeOf(p)[axis] > 0), axis);
  });
  return x;
}

/** The `before` and `after` blocks that the non-constant modes attach along `axis`. */
function edgePieces(x: Value, axis: number, n: number, before: number, after: number, mode: string): [Value, Value] {
  const tooWide = (limit: number) => {
    if (before > limit || after > limit) throw notSupported(`jnp.pad mode='${mode}' with a pad wider than the array`);
  };
  const repeatEdge = (lo: number, count: number) => {
    const e = sliceAxis(x, axis, lo, lo + 1);
    const s = [...shapeOf(e)];
    s[axis] = count;
    return lax.broadcastInDim(lax.reshape(e, shapeOf(e)), s, s.map((_, i) => i));
  };
  if (n === 0) throw valueError(`can't extend empty axis ${axis} using modes other than 'constant' or 'empty'`);
  switch (mode) {
    case 'edge':
      return [repeatEdge(0, before), repeatEdge(n - 1, after)];
    case 'wrap':
      tooWide(n);
      return [sliceAxis(x, axis, n - before, n), sliceAxis(x, axis, 0, after)];
    case 'reflect':
      tooWide(n - 1);
      return [flip(sliceAxis(x, axis, 1, before + 1), [axis]), flip(sliceAxis(x, axis, n - 1 - after, n - 1), [axis])];
    case 'symmetric':
      tooWide(n);
      return [flip(sliceAxis(x, axis, 0, before), [axis]), flip(sliceAxis(x, axis, n - after, n), [axis])];
    default:
      throw notSupported(`jnp.pad with mode='${mode}'`);
  }
}

// ---------------------------------------------------------------- diff, meshgrid, atleast

export function diff(x0: Value, n: number, axisArg: number, prepend: PyObject, append: PyObject): Value {
  if (n < 0) throw valueError(`order must be non-negative but got ${n}`);
  const nd = shapeOf(x0).length;
  if (nd === 0) throw valueError('diff requires input that is at least one dimensional; got a 0-d array');
  const axis = normalizeAxis(axisArg, nd);
  let x = x0;
  const attach = (o: PyObject, where: 'before' | 'after') => {
    let v = arrayArg('diff', o);
    if (shapeOf(v).length === 0) {
      const s = [...shapeOf(x)];
      s[axis] = 1;
      v = lax.broadcastInDim(v, s, []);
    }
    const [a, c] = promoteDtypes(where === 'before' ? [v, x] : [x, v]);
    x = S.concatenate([a, c], axis);
  };
  if (!isNone(prepend)) attach(prepend, 'before');
  if (!isNone(append)) attach(append, 'after');
  for (let k = 0; k < n; k++) {
    const len = shapeOf(x)[axis];
    const hi = sliceAxis(x, axis, Math.min(1, len), len);
    const lo = sliceAxis(x, axis, 0, Math.max(0, len - 1));
    x = avalOf(x).dtype === 'bool' ? lax.ne(hi, lo) : lax.sub(hi, lo);
  }
  return x;
}

function meshgrid(args: PyObject[], kw: Bound): PyObject {
  const xs = arrayArgs('meshgrid', args);
  const indexing = isNone(kw.indexing) ? 'xy' : (kw.indexing as PyStr).value;
  if (indexing !== 'xy' && indexing !== 'ij') throw valueError(`Valid values for indexing are 'xy' and 'ij', got ${indexing}`);
  if (xs.some((x) => shapeOf(x).length !== 1)) {
    const shapes = xs.map((x) => `(${shapeOf(x).join(', ')}${shapeOf(x).length === 1 ? ',' : ''})`);
    throw valueError(`Arguments to jax.numpy.meshgrid must be 1D, got shapes [${shapes.join(', ')}]`);
  }
  const sparse = !isNone(kw.sparse) && truthy(kw.sparse);
  const sizes = xs.map((x) => shapeOf(x)[0]);
  // 'xy' swaps the roles of the first two inputs' axes (Cartesian indexing).
  const place = (i: number) => (indexing === 'xy' && xs.length >= 2 && i < 2 ? 1 - i : i);
  const out = sizes.map((_, j) => sizes[place(j)]);
  return pyList(
    xs.map((x, i) => {
      const shape = sparse ? out.map((d, j) => (j === place(i) ? d : 1)) : out;
      return W(lax.broadcastInDim(x, shape, [place(i)]));
    }),
  );
}

export function atLeast3d(v: Value): Value {
  const s = shapeOf(v);
  if (s.length === 0) return lax.reshape(v, [1, 1, 1]);
  if (s.length === 1) return lax.reshape(v, [1, s[0], 1]);
  if (s.length === 2) return lax.reshape(v, [s[0], s[1], 1]);
  return v;
}

function atLeastFn(name: string, f: (v: Value) => Value): PyNativeFunction {
  return varFn(M, name, [], (args) => {
    const vs = arrayArgs(name, args).map(f);
    return vs.length === 1 ? W(vs[0]) : pyList(vs.map(W));
  });
}

/** Axes argument: None → undefined, else a list of ints. */
const optAxes = (o: PyObject) => (isNone(o) ? undefined : intList(o));

export const REARRANGE: PyNativeFunction[] = [
  fn(M, 'split', ['ary', 'indices_or_sections', 'axis?'], (b) => split('split', b)),
  fn(M, 'array_split', ['ary', 'indices_or_sections', 'axis?'], (b) => split('array_split', b)),
  fn(M, 'tile', ['A', 'reps'], (b) => W(tile(arrayArg('tile', b.A), intList(b.reps)))),
  fn(M, 'repeat', ['a', 'repeats', 'axis?', 'total_repeat_length?'], (b) => W(repeat(arrayArg('repeat', b.a), b.repeats, b.axis))),
  fn(M, 'roll', ['a', 'shift', 'axis?'], (b) => W(roll(arrayArg('roll', b.a), intList(b.shift), optAxes(b.axis)))),
  fn(M, 'flip', ['m', 'axis?'], (b) => W(flip(arrayArg('flip', b.m), optAxes(b.axis)))),
  fn(M, 'fliplr', ['m'], (b) => {
    const x = arrayArg('fliplr', b.m);
    if (shapeOf(x).length < 2) throw valueError('fliplr requires an array of at least 2 dimensions');
    return W(flip(x, [1]));
  }),
  fn(M, 'flipud', ['m'], (b) => {
    const x = arrayArg('flipud', b.m);
    if (shapeOf(x).length < 1) throw valueError('flipud requires an array of at least 1 dimension');
    return W(flip(x, [0]));
  }),
  fn(M, 'pad', ['array', 'pad_width', 'mode?', 'constant_values?', 'stat_length?', 'end_values?', 'reflect_type?'], (b) => {
    const x = arrayArg('pad', b.array);
    const mode = isNone(b.mode) ? 'constant' : (b.mode as PyStr).value;
    return W(pad(x, padWidths(b.pad_width, shapeOf(x).length), mode, b.constant_values));
  }),
  fn(M, 'diff', ['a', 'n?', 'axis?', 'prepend?', 'append?'], (b) =>
    W(diff(arrayArg('diff', b.a), int(b.n, 1), int(b.axis, -1), b.prepend, b.append)),
  ),
  varFn(M, 'meshgrid', ['copy', 'sparse', 'indexing'], meshgrid),
  atLeastFn('atleast_1d', (v) => S.atLeast(v, 1)),
  atLeastFn('atleast_2d', (v) => S.atLeast(v, 2)),
  atLeastFn('atleast_3d', atLeast3d),
  fn(M, 'dstack', ['tup', 'dtype?'], (b) => W(S.concatenate(S.sequenceArg('dstack', b.tup).map(atLeast3d), 2))),
  fn(M, 'column_stack', ['tup'], (b) => {
    // 0-d and 1-d inputs become columns (atleast_2d(x).T in JAX).
    const column = (v: Value) => (shapeOf(v).length < 2 ? lax.reshape(v, [shapeOf(v).reduce((p, d) => p * d, 1), 1]) : v);
    const cols = S.sequenceArg('column_stack', b.tup).map(column);
    return W(S.concatenate(cols, 1));
  }),
];
