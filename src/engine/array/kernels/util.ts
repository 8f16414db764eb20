// Helpers shared by the kernels: strides, index maps for broadcasting and permutations, and the
// per-dtype rules for storing a JS number (float64) into an array's storage.

import { type DType, DTYPES } from '../dtype';
import { roundToBfloat16, roundToFloat16 } from '../float16';
import { NDArray, type Shape, sizeOf, type Storage } from '../ndarray';

export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function isComplexDtype(d: DType): boolean {
  return DTYPES[d].kind === 'complex';
}

/** The real dtype of a complex dtype's parts (float32 for complex64), else `d` itself. */
export function realPartDtype(d: DType): DType {
  return d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d;
}

/**
 * For each output position (row-major over `outShape`), the flat index into an array of shape
 * `inShape` placed on output axes `axes` (inShape[i] sits on outShape[axes[i]], and is either
 * equal to it or 1, which broadcasts). Axes of the output not in `axes` broadcast too.
 */
export function broadcastIndexMap(inShape: Shape, outShape: Shape, axes?: readonly number[]): Int32Array {
  const rank = outShape.length;
  const inStrides = stridesOf(inShape);
  // stride of each output axis in the input (0 when broadcast)
  const stride = new Array<number>(rank).fill(0);
  const dims = axes ?? inShape.map((_, i) => i + rank - inShape.length);
  dims.forEach((axis, i) => {
    stride[axis] = inShape[i] === 1 ? 0 : inStrides[i];
  });
  return stridedIndexMap(outShape, stride, 0);
}

/** Flat indices `offset + Σ idx[k]*stride[k]` for every index of `shape`, row-major. */
export function stridedIndexMap(shape: Shape, stride: readonly number[], offset: number): Int32Array {
  const n = sizeOf(shape);
  const map = new Int32Array(n);
  const rank = shape.length;
  if (n === 0) return map;
  if (rank === 0) {
    map[0] = offset;
    return map;
  }
  // Fill the innermost axis in a tight loop; walk the outer axes with an odometer.
  const inner = shape[rank - 1];
  const innerStride = stride[rank - 1];
  const idx = new Array<number>(rank).fill(0);
  let base = offset;
  for (let o = 0; o < n; o += inner) {
    for (let j = 0; j < inner; j++) map[o + j] = base + j * innerStride;
    for (let k = rank - 2; k >= 0; k--) {
      idx[k]++;
      base += stride[k];
      if (idx[k] < shape[k]) break;
      base -= stride[k] * shape[k];
      idx[k] = 0;
    }
  }
  return map;
}

/** Copies elements `map[i]` of `src` into a new array of `shape` (complex-aware). */
export function gatherByMap(x: NDArray, shape: Shape, map: Int32Array, weakType = x.weakType): NDArray {
  const out = NDArray.zeros(x.dtype, shape, weakType);
  const src = x.data;
  const dst = out.data;
  if (isComplexDtype(x.dtype)) {
    for (let i = 0; i < map.length; i++) {
      dst[2 * i] = src[2 * map[i]];
      dst[2 * i + 1] = src[2 * map[i] + 1];
    }
  } else {
    for (let i = 0; i < map.length; i++) dst[i] = src[map[i]];
  }
  return out;
}

/** The smallest and largest value of an integer dtype (int64/uint64 as doubles). */
export function intRange(d: DType): [number, number] {
  switch (d) {
    case 'int8': return [-128, 127];
    case 'int16': return [-32768, 32767];
    case 'int32': return [-2147483648, 2147483647];
    case 'int64': return [-(2 ** 63), 2 ** 63];
    case 'uint8': return [0, 255];
    case 'uint16': return [0, 65535];
    case 'uint32': return [0, 4294967295];
    case 'uint64': return [0, 2 ** 64];
    case 'bool': return [0, 1];
    default: return [-Infinity, Infinity];
  }
}

/**
 * How a computed float64 value must be adjusted before it is stored as `d`, or null when the
 * typed-array store already does it (float32 rounds, float64 is exact, intN wraps modulo 2^N).
 */
export function storeRounder(d: DType): ((v: number) => number) | null {
  switch (d) {
    case 'bool':
      return (v) => (v !== 0 ? 1 : 0);
    case 'float16':
      return roundToFloat16;
    case 'bfloat16':
      return roundToBfloat16;
    case 'int64':
    case 'uint64':
      return Math.trunc;
    default:
      return null;
  }
}

/** Rounds a float64 value to dtype `d` as a JS number (for step-by-step emulation). */
export function roundTo(d: DType): (v: number) => number {
  switch (d) {
    case 'float32':
    case 'complex64':
      return Math.fround;
    case 'float16':
      return roundToFloat16;
    case 'bfloat16':
      return roundToBfloat16;
    case 'float64':
    case 'complex128':
      return (v) => v;
    default:
      return wrapInt(d);
  }
}

/** Wraps an integer-valued double into dtype `d`'s range as the hardware does (two's complement). */
export function wrapInt(d: DType): (v: number) => number {
  switch (d) {
    case 'bool': return (v) => (v !== 0 ? 1 : 0);
    case 'int8': return (v) => (v << 24) >> 24;
    case 'int16': return (v) => (v << 16) >> 16;
    case 'int32': return (v) => v | 0;
    case 'uint8': return (v) => v & 0xff;
    case 'uint16': return (v) => v & 0xffff;
    case 'uint32': return (v) => v >>> 0;
    case 'int64': return (v) => (Number.isFinite(v) ? Number(BigInt.asIntN(64, BigInt(Math.trunc(v)))) : 0);
    case 'uint64': return (v) => (Number.isFinite(v) ? Number(BigInt.asUintN(64, BigInt(Math.trunc(v)))) : 0);
    default: return (v) => v;
  }
}

/** Bit width of an integer or bool dtype. */
export function intBits(d: DType): number {
  return d === 'bool' ? 1 : DTYPES[d].bits;
}

export type { Storage };
