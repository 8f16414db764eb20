// Static and dynamic slicing.

import { NDArray } from '../ndarray';
import { gatherByMap, isComplexDtype, stridedIndexMap, stridesOf } from './util';

/** lax.slice: elements start[i], start[i]+strides[i], ... below limit[i] on every axis. */
export function slice(x: NDArray, start: readonly number[], limit: readonly number[], strides?: readonly number[]): NDArray {
  const step = strides ?? start.map(() => 1);
  const shape = start.map((s, i) => Math.max(0, Math.ceil((limit[i] - s) / step[i])));
  const inStrides = stridesOf(x.shape);
  const offset = start.reduce((acc, s, i) => acc + s * inStrides[i], 0);
  const map = stridedIndexMap(shape, inStrides.map((s, i) => s * step[i]), offset);
  return gatherByMap(x, shape, map);
}

/** Start indices clamped so that the window of `sizes` fits, as lax does. */
function clampStart(shape: readonly number[], start: readonly number[], sizes: readonly number[]): number[] {
  return start.map((s, i) => Math.min(Math.max(Math.trunc(s), 0), shape[i] - sizes[i]));
}

export function dynamicSlice(x: NDArray, start: readonly number[], sizes: readonly number[]): NDArray {
  const s = clampStart(x.shape, start, sizes);
  return slice(x, s, s.map((v, i) => v + sizes[i]));
}

/** A copy of x with `update` written at `start` (clamped so that it fits). */
export function dynamicUpdateSlice(x: NDArray, update: NDArray, start: readonly number[]): NDArray {
  const s = clampStart(x.shape, start, update.shape);
  const out = NDArray.zeros(x.dtype, x.shape, x.weakType && update.weakType);
  out.data.set(x.data);
  const strides = stridesOf(x.shape);
  const offset = s.reduce((acc, v, i) => acc + v * strides[i], 0);
  const map = stridedIndexMap(update.shape, strides, offset);
  if (isComplexDtype(x.dtype)) {
    for (let i = 0; i < map.length; i++) {
      out.data[2 * map[i]] = update.data[2 * i];
      out.data[2 * map[i] + 1] = update.data[2 * i + 1];
    }
  } else {
    for (let i = 0; i < map.length; i++) out.data[map[i]] = update.data[i];
  }
  return out;
}
