// Shape kernels: transpose, reshape, broadcast_in_dim, squeeze, expand_dims, rev,
// concatenate, pad. Reshapes share data (arrays are immutable); the others copy through an
// index map.

import { typeError, valueError } from '../../errors';
import { pythonShape } from '../broadcast';
import { NDArray, type Shape, sizeOf } from '../ndarray';
import { uniformArray } from './uniform';
import { broadcastIndexMap, gatherByMap, isComplexDtype, stridedIndexMap, stridesOf } from './util';

/** Output axis i is input axis permutation[i]. */
export function transpose(x: NDArray, permutation: readonly number[]): NDArray {
  if (permutation.every((p, i) => p === i)) return x;
  const inStrides = stridesOf(x.shape);
  const shape = permutation.map((p) => x.shape[p]);
  const map = stridedIndexMap(shape, permutation.map((p) => inStrides[p]), 0);
  return gatherByMap(x, shape, map);
}

/** The same elements in row-major order under a new shape of the same size (no copy). */
export function reshape(x: NDArray, shape: Shape): NDArray {
  if (sizeOf(shape) !== x.size) {
    throw typeError(
      `cannot reshape array of shape ${pythonShape(x.shape)} (size ${x.size}) into shape ${pythonShape(shape)} (size ${sizeOf(shape)})`,
    );
  }
  return new NDArray(x.dtype, [...shape], x.data, x.weakType);
}

/** x's dimension i goes to output axis broadcastDimensions[i] (size equal, or 1 to stretch). */
export function broadcastInDim(x: NDArray, shape: Shape, broadcastDimensions: readonly number[]): NDArray {
  if (x.ndim === shape.length && x.shape.every((d, i) => d === shape[i])) return x;
  const n = sizeOf(shape);
  // One value everywhere (the cotangent of a sum, say): large ones share a filled buffer.
  if (x.size === 1 && !isComplexDtype(x.dtype)) return uniformArray(x.dtype, shape, x.data[0], x.weakType);
  if (n === 0) return NDArray.zeros(x.dtype, shape, x.weakType);
  return gatherByMap(x, shape, broadcastIndexMap(x.shape, shape, broadcastDimensions));
}

export function squeeze(x: NDArray, axes: readonly number[]): NDArray {
  return reshape(x, x.shape.filter((_, i) => !axes.includes(i)));
}

/** Inserts size-1 axes so that they sit at positions `axes` of the result. */
export function expandDims(x: NDArray, axes: readonly number[]): NDArray {
  const rank = x.ndim + axes.length;
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) shape.push(axes.includes(i) ? 1 : x.shape[k++]);
  return reshape(x, shape);
}

/** Reverses the order of elements along `axes`. */
export function rev(x: NDArray, axes: readonly number[]): NDArray {
  if (axes.length === 0) return x;
  const strides = stridesOf(x.shape);
  let offset = 0;
  const stride = strides.map((s, i) => {
    if (!axes.includes(i)) return s;
    offset += (x.shape[i] - 1) * s;
    return -s;
  });
  return gatherByMap(x, x.shape, stridedIndexMap(x.shape, stride, x.size === 0 ? 0 : offset));
}

/** Joins arrays of one dtype along `axis` (other dimensions equal). */
export function concatenate(xs: readonly NDArray[], axis: number): NDArray {
  if (xs.length === 0) throw valueError('Need at least one array to concatenate.');
  const first = xs[0];
  const shape = [...first.shape];
  shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
  const out = NDArray.zeros(first.dtype, shape, xs.every((x) => x.weakType));
  const slots = isComplexDtype(first.dtype) ? 2 : 1;
  const outer = sizeOf(shape.slice(0, axis));
  const innerOut = sizeOf(shape.slice(axis)) * slots;
  let pos = 0;
  for (const x of xs) {
    const inner = sizeOf(x.shape.slice(axis)) * slots;
    for (let o = 0; o < outer; o++) {
      out.data.set(x.data.subarray(o * inner, (o + 1) * inner), o * innerOut + pos);
    }
    pos += inner;
  }
  return out;
}

/**
 * lax.pad: per axis (lo, hi, interior) — `interior` padding values between elements, `lo`/`hi`
 * at the ends (negative values crop). `padValue` is 0-d.
 */
export function pad(x: NDArray, padValue: NDArray, config: readonly (readonly [number, number, number])[]): NDArray {
  const shape = x.shape.map((d, i) => {
    const [lo, hi, interior] = config[i];
    return Math.max(0, lo + hi + d + Math.max(0, d - 1) * interior);
  });
  const out = NDArray.zeros(x.dtype, shape, x.weakType && padValue.weakType);
  const complex = isComplexDtype(x.dtype);
  const n = out.size;
  if (complex) {
    for (let i = 0; i < n; i++) {
      out.data[2 * i] = padValue.data[0];
      out.data[2 * i + 1] = padValue.data[1];
    }
  } else {
    out.data.fill(padValue.data[0]);
  }
  const outStrides = stridesOf(shape);
  const rank = x.ndim;
  const idx = new Array<number>(rank).fill(0);
  for (let i = 0; i < x.size; i++) {
    let dst = 0;
    let inside = true;
    for (let k = 0; k < rank; k++) {
      const p = config[k][0] + idx[k] * (config[k][2] + 1);
      if (p < 0 || p >= shape[k]) {
        inside = false;
        break;
      }
      dst += p * outStrides[k];
    }
    if (inside) {
      if (complex) {
        out.data[2 * dst] = x.data[2 * i];
        out.data[2 * dst + 1] = x.data[2 * i + 1];
      } else {
        out.data[dst] = x.data[i];
      }
    }
    for (let k = rank - 1; k >= 0; k--) {
      if (++idx[k] < x.shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}
