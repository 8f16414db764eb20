// The threefry2x32 PRNG on raw key data (jax/_src/prng.py, in our own words): a key is a
// uint32 array of shape (2,); seeding, splitting, folding in and drawing random bits are
// compositions of lax operations around the `threefry2x32` primitive, so they run on concrete
// arrays and under jit, vmap and grad alike.
//
// Two counter layouts exist, chosen by `jax_threefry_partitionable`. Its default became True
// in JAX 0.5.0, and that is our default too; setting it to False gives the older layout:
//   partitionable: element i of a draw hashes the counter pair (hi32(i), lo32(i)) once, and the
//     two output words are combined (32 bits: y0 ^ y1; 64 bits: y0 << 32 | y1);
//   original: the draw hashes the flat counters 0..n-1 split into two halves (threefry_2x32),
//     and 8/16-bit draws unpack each 32-bit word little end first.

import type { DType } from '../../array/dtype';
import { avalOf, bind, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';

export type BitWidth = 8 | 16 | 32;

const u32 = (shape: readonly number[], v: number) => lax.full(shape, v, 'uint32');
const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Word `i` (0 or 1) of a (2,)-shaped key, as a 0-d uint32 value. */
function keyWord(key: Value, i: number): Value {
  return lax.reshape(lax.slice(key, [i], [i + 1], null), []);
}

function broadcastScalar(x: Value, shape: readonly number[]): Value {
  return shape.length === 0 ? x : lax.broadcastInDim(x, shape, []);
}

/** The primitive on equal-shape operands, the key words broadcast to the counters' shape. */
function hash(key: Value, x0: Value, x1: Value): [Value, Value] {
  const shape = avalOf(x0).shape;
  const k0 = broadcastScalar(keyWord(key, 0), shape);
  const k1 = broadcastScalar(keyWord(key, 1), shape);
  const [y0, y1] = bind('threefry2x32', [k0, k1, x0, x1], {});
  return [y0, y1];
}

/**
 * JAX's `threefry_2x32(key, count)`: the flat counts, padded with a zero to even length, are
 * split into two halves hashed pairwise; the outputs are concatenated and unpadded.
 */
export function threefry2x32(key: Value, count: Value): Value {
  const shape = avalOf(count).shape;
  const n = sizeOf(shape);
  let flat = lax.reshape(count, [n]);
  if (n % 2 === 1) flat = lax.concatenate([flat, u32([1], 0)], 0);
  const half = (n + (n % 2)) / 2;
  const [y0, y1] = hash(key, lax.slice(flat, [0], [half], null), lax.slice(flat, [half], [2 * half], null));
  const out = lax.concatenate([y0, y1], 0);
  return lax.reshape(n % 2 === 1 ? lax.slice(out, [0], [n], null) : out, shape);
}

/** Counter pairs (hi, lo) of the row-major index of each element of `shape`. */
function indexCounters(shape: readonly number[]): [Value, Value] {
  // Draws above 2**32 elements exceed any element budget, so the high word is always zero.
  const lo = lax.reshape(lax.iota('uint32', [sizeOf(shape)], 0), shape);
  return [u32(shape, 0), lo];
}

/** A key from an integer seed value: [seed >> 32, seed & 0xFFFFFFFF] as uint32 (logical shift). */
export function seedKey(seed: Value): Value {
  const a = avalOf(seed);
  const hi = lax.convertElementType(lax.shiftRightLogical(seed, lax.full([], 32, a.dtype)), 'uint32', false);
  const lo = lax.convertElementType(seed, 'uint32', false);
  return lax.concatenate([lax.reshape(hi, [1]), lax.reshape(lo, [1])], 0);
}

/** `split(key, shape)`: keys of shape (*shape, 2). */
export function splitKey(key: Value, shape: readonly number[], partitionable: boolean): Value {
  if (!partitionable) {
    return lax.reshape(threefry2x32(key, lax.iota('uint32', [2 * sizeOf(shape)], 0)), [...shape, 2]);
  }
  const [hi, lo] = indexCounters(shape);
  const [y0, y1] = hash(key, hi, lo);
  const last = shape.length;
  return lax.concatenate([lax.expandDims(y0, [last]), lax.expandDims(y1, [last])], last);
}

/** `fold_in(key, data)` for a 0-d uint32 `data`: threefry_2x32(key, [0, data]) (both layouts). */
export function foldInKey(key: Value, data: Value): Value {
  return threefry2x32(key, lax.concatenate([u32([1], 0), lax.reshape(data, [1])], 0));
}

/** Uniform random bits of `width` (8, 16 or 32) bits and `shape`, as uint8/16/32. */
export function randomBits(key: Value, width: BitWidth, shape: readonly number[], partitionable: boolean): Value {
  const dtype: DType = width === 8 ? 'uint8' : width === 16 ? 'uint16' : 'uint32';
  if (partitionable) {
    const [y0, y1] = hash(key, ...indexCounters(shape));
    const words = lax.xor(y0, y1);
    return width === 32 ? words : lax.convertElementType(words, dtype, false);
  }
  const size = sizeOf(shape);
  const nWords = Math.ceil((width * size) / 32);
  const words = threefry2x32(key, lax.iota('uint32', [nWords], 0));
  if (width === 32) return lax.reshape(words, shape);
  // Each word holds 32/width values, the least significant first (a little-endian view).
  const per = 32 / width;
  const shifts = lax.full([nWords, per], 0, 'uint32');
  const shiftData = shifts.data as Uint32Array;
  for (let i = 0; i < shiftData.length; i++) shiftData[i] = width * (i % per);
  const spread = lax.broadcastInDim(words, [nWords, per], [0]);
  const parts = lax.and(lax.shiftRightLogical(spread, shifts), u32([nWords, per], width === 8 ? 0xff : 0xffff));
  const flat = lax.slice(lax.reshape(parts, [nWords * per]), [0], [size], null);
  return lax.reshape(lax.convertElementType(flat, dtype, false), shape);
}

/**
 * 64 random bits per element as two uint32 words (high, low): the engine stores uint64 only
 * exactly up to 2**53, so 64-bit consumers (float64 uniform) combine the words themselves.
 */
export function randomBits64(key: Value, shape: readonly number[], partitionable: boolean): [Value, Value] {
  if (partitionable) return hash(key, ...indexCounters(shape));
  const size = sizeOf(shape);
  // The original layout draws 2n words and takes the first half as high words.
  const words = threefry2x32(key, lax.iota('uint32', [2 * size], 0));
  return [lax.reshape(lax.slice(words, [0], [size], null), shape), lax.reshape(lax.slice(words, [size], [2 * size], null), shape)];
}
