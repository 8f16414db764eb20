// NumPy indexing on JAX arrays (jax/_src/numpy/indexing.py), SEMANTICS §1.11.
//
// An index is split into a basic part (slices, None, Ellipsis), applied with lax.slice/rev and a
// reshape, and an advanced part (integers, integer arrays, concrete boolean masks), applied with
// one gather. Python ints count as advanced 0-d indices: the result is the same as NumPy's
// basic integer indexing, and out-of-bounds handling then lives in one place: reads clamp
// (mode 'clip', JAX's default) or fill; updates (`.at[...]`) drop out-of-bounds positions.
// When advanced indices are not adjacent, their result axes come first (NumPy's rule).

import { type DType, DTYPES } from '../array/dtype';
import { broadcastShapes, incompatibleShapesMessage } from '../array/broadcast';
import * as K from '../array/kernels';
import { canonicalizeDtype } from '../array/promotion';
import { avalOf, concreteValue, type Value } from '../autodiff/core';
import * as lax from '../autodiff/lax';
import type { ScatterCombine } from '../autodiff/primitives/types';
import { PyError, pyError, typeError, valueError } from '../errors';
import { PyBool, PyEllipsis, PyFloat, PyInt, PyList, PyNone, type PyObject, PySlice, PyTuple } from '../interp/object';
import { toPyIndex } from '../interp/protocol';
import { JaxArray } from './array';
import { array } from './numpy/creation';
import { broadcastTo } from './promote';

type Entry =
  | { kind: 'slice'; slice: PySlice }
  | { kind: 'none' }
  | { kind: 'ellipsis' }
  | { kind: 'advanced'; value: Value };

export type ReadMode = { kind: 'clip' } | { kind: 'fill'; fill: number | boolean };

const indexDtype = (): DType => canonicalizeDtype('int64');

function parseEntries(idx: PyObject, ndim: number): Entry[] {
  let items: readonly PyObject[];
  if (idx instanceof PyTuple) items = idx.items;
  else if (idx instanceof PyList) {
    throw typeError(
      'Using a non-tuple sequence for multidimensional indexing is not allowed; use `arr[array(seq)]` instead of `arr[seq]`. ' +
        'See https://github.com/jax-ml/jax/issues/4564 for more information.',
    );
  } else items = [idx];
  const entries: Entry[] = [];
  items.forEach((item, position) => {
    if (item instanceof PyNone) entries.push({ kind: 'none' });
    else if (item instanceof PyEllipsis) entries.push({ kind: 'ellipsis' });
    else if (item instanceof PySlice) entries.push({ kind: 'slice', slice: item });
    else if (item instanceof PyInt && !(item instanceof PyBool)) {
      entries.push({ kind: 'advanced', value: K.full(indexDtype(), [], Number(item.value), false) });
    } else {
      const v = item instanceof JaxArray ? item.value : item instanceof PyList || item instanceof PyTuple ? array(item, undefined) : undefined;
      if (!v) throw indexerTypeError(item, position);
      const a = avalOf(v);
      const kind = DTYPES[a.dtype].kind;
      if (kind === 'bool') entries.push(...maskEntries(v));
      else if (kind === 'int' || kind === 'uint') entries.push({ kind: 'advanced', value: v });
      else throw indexerTypeError(item, position);
    }
  });
  const ellipses = entries.filter((e) => e.kind === 'ellipsis').length;
  if (ellipses > 1) throw new PyError('IndexError', "an index can only have a single ellipsis ('...')");
  const used = entries.filter((e) => e.kind === 'slice' || e.kind === 'advanced').length;
  if (used > ndim) {
    throw new PyError('IndexError', `Too many indices: ${ndim}-dimensional array indexed with ${used} regular ${used === 1 ? 'index' : 'indices'}.`);
  }
  const fill: Entry[] = Array.from({ length: ndim - used }, () => ({ kind: 'slice', slice: fullSlice }));
  const at = entries.findIndex((e) => e.kind === 'ellipsis');
  if (at >= 0) entries.splice(at, 1, ...fill);
  else entries.push(...fill);
  return entries;
}

const fullSlice = new PySlice(new PyNone(), new PyNone(), new PyNone());

function indexerTypeError(item: PyObject, position: number): PyError {
  const t = item instanceof JaxArray ? item.aval.dtype : item.cls.name;
  const shown = item instanceof PyFloat ? String(item.value) : item.cls.name;
  return typeError(`Indexer must have integer or boolean type, got indexer with type ${t} at position ${position}, indexer value ${shown}`);
}

/** A boolean mask becomes one integer index array per mask axis (it must be concrete). */
function maskEntries(v: Value): Entry[] {
  const c = concreteValue(v);
  const a = avalOf(v);
  if (!c) {
    throw pyError('NonConcreteBooleanIndexError', `Array boolean indices must be concrete; got bool[${a.shape.join(',')}]`);
  }
  if (a.shape.length === 0) throw new PyError('NotImplementedError', 'Grad Lens does not evaluate boolean scalar indices yet');
  const strides = a.shape.map((_, i) => a.shape.slice(i + 1).reduce((p, d) => p * d, 1));
  const coords: number[][] = a.shape.map(() => []);
  for (let flat = 0; flat < c.size; flat++) {
    if (!K.getScalar(c, flat)) continue;
    a.shape.forEach((_, ax) => coords[ax].push(Math.floor(flat / strides[ax]) % a.shape[ax]));
  }
  return coords.map((list) => ({ kind: 'advanced', value: K.fromNested(list, indexDtype(), false) }));
}

/** Python's slice.indices(dim): (start, stop, step, length). */
function sliceBounds(s: PySlice, dim: number): [number, number, number, number] {
  const get = (o: PyObject) => (o instanceof PyNone ? undefined : Number(toPyIndex(o)));
  const step = get(s.step) ?? 1;
  if (step === 0) throw valueError('slice step cannot be zero');
  const clampIdx = (v: number | undefined, dflt: number, lo: number, hi: number) => {
    if (v === undefined) return dflt;
    if (v < 0) v += dim;
    return Math.min(Math.max(v, lo), hi);
  };
  const start = step > 0 ? clampIdx(get(s.start), 0, 0, dim) : clampIdx(get(s.start), dim - 1, -1, dim - 1);
  const stop = step > 0 ? clampIdx(get(s.stop), dim, 0, dim) : clampIdx(get(s.stop), -1, -1, dim - 1);
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return [start, stop, step, length];
}

function sliceAxis(x: Value, axis: number, s: PySlice): Value {
  const shape = avalOf(x).shape;
  const dim = shape[axis];
  const [start, , step, length] = sliceBounds(s, dim);
  if (start === 0 && step === 1 && length === dim) return x;
  let y = x;
  let first = start;
  let stride = step;
  if (step < 0) {
    y = lax.rev(x, [axis]);
    first = dim - 1 - start;
    stride = -step;
  }
  const lo = shape.map(() => 0);
  const hi = [...shape];
  const strides = shape.map(() => 1);
  lo[axis] = length === 0 ? 0 : first;
  hi[axis] = length === 0 ? 0 : first + (length - 1) * stride + 1;
  strides[axis] = stride;
  return lax.slice(y, lo, hi, stride === 1 ? null : strides);
}

/** `x[idx]` with `mode` for out-of-bounds advanced indices. */
export function getIndex(x: Value, idx: PyObject, mode: ReadMode = { kind: 'clip' }): Value {
  const entries = parseEntries(idx, avalOf(x).shape.length);
  let y = x;
  let axis = 0;
  const outShape: number[] = [];
  const advanced: { pos: number; value: Value }[] = [];
  for (const e of entries) {
    if (e.kind === 'none') {
      outShape.push(1);
      continue;
    }
    if (e.kind === 'slice') y = sliceAxis(y, axis, e.slice);
    if (e.kind === 'advanced') advanced.push({ pos: outShape.length, value: e.value });
    outShape.push(avalOf(y).shape[axis]);
    axis++;
  }
  y = lax.reshape(y, outShape);
  if (advanced.length === 0) return y;
  const shapes = advanced.map((a) => avalOf(a.value).shape);
  const common = broadcastShapes(...shapes);
  if (!common) throw valueError(incompatibleShapesMessage(shapes));
  const indices = advanced.map((a) => broadcastTo(lax.convertElementType(a.value, indexDtype(), false), common));
  const positions = advanced.map((a) => a.pos);
  const adjacent = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  let start = positions[0];
  if (!adjacent) {
    const rest = outShape.map((_, i) => i).filter((i) => !positions.includes(i));
    y = lax.transpose(y, [...positions, ...rest]);
    start = 0;
  }
  return mode.kind === 'clip' ? lax.gather(y, indices, start, 'clip') : lax.gather(y, indices, start, 'fill', mode.fill);
}

/** The value `.at[...].get(mode='fill')` reads out of bounds when no fill_value is given. */
export function defaultFill(d: DType): number | boolean {
  const k = DTYPES[d].kind;
  if (k === 'float' || k === 'complex') return NaN;
  if (k === 'bool') return true;
  if (k === 'uint') return 2 ** DTYPES[d].bits - 1;
  return -(2 ** (DTYPES[d].bits - 1));
}

/**
 * `x.at[idx].<combine>(updates)`: positions are found by indexing an array of flat positions
 * (out-of-bounds ones become `size`, which scatter drops; mode 'clip' clamps them instead).
 */
export function scatterIndex(x: Value, idx: PyObject, updates: Value, combine: ScatterCombine, clip: boolean): Value {
  const a = avalOf(x);
  const size = a.shape.reduce((p, d) => p * d, 1);
  const flat = lax.reshape(lax.iota(indexDtype(), [size], 0), a.shape);
  const positions = getIndex(flat, idx, clip ? { kind: 'clip' } : { kind: 'fill', fill: size });
  const ps = avalOf(positions).shape;
  const n = ps.reduce((p, d) => p * d, 1);
  const us = avalOf(updates).shape;
  if (!broadcastShapes(us, ps) || broadcastShapes(us, ps)!.length !== ps.length || broadcastShapes(us, ps)!.some((d, i) => d !== ps[i])) {
    throw valueError(`Incompatible shapes for broadcasting: ${shapeText(us)} and requested shape ${shapeText(ps)}`);
  }
  const u = broadcastTo(lax.convertElementType(updates, a.dtype, a.weakType), ps);
  const out = lax.scatter(lax.reshape(x, [size]), [lax.reshape(positions, [n])], 0, lax.reshape(u, [n]), combine);
  return lax.reshape(out, a.shape);
}

function shapeText(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;
}
