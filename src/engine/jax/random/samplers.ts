// The samplers of jax.random on key data (jax/_src/random.py, in our own words): bits, uniform,
// normal, randint, bernoulli. Each is a composition of lax operations over the PRNG of
// prng.ts, so outputs are bit for bit JAX's where JAX's arithmetic is exact (bits, uniform,
// randint, bernoulli) and within an ulp or two for normal (XLA's erf_inv, see erfinv.ts).

import { type DType, DTYPES, isFloating, isInteger } from '../../array/dtype';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, typeError, valueError } from '../../errors';
import { erfInvLikeXla, fmaF32 } from './erfinv';
import { randomBits, randomBits64, splitKey } from './prng';
import { shapeTuple } from './keys';

/** Mantissa bits of each float dtype (np.finfo(dtype).nmant). */
const MANTISSA: Partial<Record<DType, number>> = { float16: 10, bfloat16: 7, float32: 23, float64: 52 };

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295],
  // The engine stores 64-bit integers exactly up to 2**53 (docs/ARCHITECTURE.md).
  int64: [-(2 ** 53), 2 ** 53], uint64: [0, 2 ** 53],
};

const UNSIGNED: Record<number, DType> = { 8: 'uint8', 16: 'uint16', 32: 'uint32' };

/** lax.broadcast_to_rank: leading size-1 dimensions up to `rank`. */
function toRank(x: Value, rank: number): Value {
  const shape = avalOf(x).shape;
  return shape.length >= rank ? x : lax.reshape(x, [...new Array(rank - shape.length).fill(1), ...shape]);
}

/** _check_shape with parameter shapes: they must broadcast to exactly `shape`. */
export function checkShape(name: string, shape: readonly number[], ...paramShapes: (readonly number[])[]): void {
  if (paramShapes.length === 0) return;
  const rank = Math.max(shape.length, ...paramShapes.map((s) => s.length));
  const all = [shape, ...paramShapes].map((s) => [...new Array(rank - s.length).fill(1), ...s]);
  const result: number[] = [];
  for (let d = 0; d < rank; d++) {
    const sizes = new Set(all.map((s) => s[d]).filter((n) => n !== 1));
    if (sizes.size > 1) {
      throw valueError(`Incompatible shapes for broadcasting: shapes=[${[shape, ...paramShapes].map(shapeTuple).join(', ')}]`);
    }
    result.push(sizes.size ? [...sizes][0] : 1);
  }
  if (result.length !== shape.length || result.some((n, i) => n !== shape[i])) {
    throw valueError(
      `${name} parameter shapes must be broadcast-compatible with shape argument, and the result of broadcasting the ` +
        `shapes must equal the shape argument, but got result ${shapeTuple(result)} for shape argument ${shapeTuple(shape)}.`,
    );
  }
}

/** Uniform floats in [0, 1): random mantissa bits over the exponent of 1.0, minus 1 (exact). */
function unitFloats(key: Value, shape: readonly number[], dtype: DType, partitionable: boolean): Value {
  const nmant = MANTISSA[dtype]!;
  let mantissa: Value;
  if (dtype === 'float64') {
    // The top 52 of 64 bits: high word << 20 | low word >> 12, exact in float64.
    const [hi, lo] = randomBits64(key, shape, partitionable);
    const f = (x: Value) => lax.convertElementType(x, 'float64', false);
    const loBits = lax.shiftRightLogical(lo, lax.full(shape, 12, 'uint32'));
    mantissa = lax.add(lax.mul(f(hi), lax.full(shape, 2 ** 20, 'float64')), f(loBits));
  } else {
    // float16 draws 16 bits; bfloat16 (7 mantissa bits) draws 8 bits widened to 16, as JAX.
    const nbits = DTYPES[dtype].bits;
    const rngBits = nmant < 8 ? 8 : nbits;
    let bits = randomBits(key, rngBits as 8 | 16 | 32, shape, partitionable);
    const uint = UNSIGNED[nbits];
    if (rngBits !== nbits) bits = lax.convertElementType(bits, uint, false);
    const shifted = lax.shiftRightLogical(bits, lax.full(shape, rngBits - nmant, uint));
    mantissa = lax.convertElementType(shifted, dtype, false);
  }
  // (1.m - 1) == m * 2**-nmant exactly, which is what JAX's bitcast and subtraction give.
  return lax.mul(mantissa, lax.full(shape, 2 ** -nmant, dtype));
}

/** `uniform(key, shape, dtype, minval, maxval)`: max(minval, u * (maxval - minval) + minval). */
export function uniform(key: Value, shape: readonly number[], dtype: DType, minval: Value, maxval: Value, partitionable: boolean): Value {
  if (!isFloating(dtype)) throw typeError('uniform only accepts floating point dtypes.');
  const lo = toRank(lax.convertElementType(minval, dtype, false), shape.length);
  const hi = toRank(lax.convertElementType(maxval, dtype, false), shape.length);
  const u = unitFloats(key, shape, dtype, partitionable);
  // XLA's CPU backend fuses u * span + lo into one multiply-add (see erfinv.ts) for float32.
  const span = lax.sub(hi, lo);
  const scaled = dtype === 'float32' ? fmaF32(u, span, lo) : lax.add(lax.mul(u, span), lo);
  return lax.max(lo, scaled);
}

/** The largest float below -1 in `dtype`'s spacing: nextafter(-1, 0). */
function justAboveMinusOne(dtype: DType): number {
  return -(1 - 2 ** -(MANTISSA[dtype]! + 1));
}

/** `normal` for real dtypes: sqrt(2) * erf_inv(uniform in (nextafter(-1, 0), 1)). */
export function normal(key: Value, shape: readonly number[], dtype: DType, partitionable: boolean): Value {
  if (!isFloating(dtype)) throw notSupported(`jax.random.normal with dtype ${dtype}`);
  const lo = lax.full([], justAboveMinusOne(dtype), dtype);
  const u = uniform(key, shape, dtype, lo, lax.full([], 1, dtype), partitionable);
  return lax.mul(lax.full(shape.map(() => 1), Math.SQRT2, dtype), erfInvLikeXla(u));
}

/** JAX's _convert_and_clip_integer: clip into the target's range (in the value's dtype), then convert. */
function convertAndClip(x: Value, dtype: DType): Value {
  const from = avalOf(x).dtype;
  const [fmin, fmax] = INT_RANGE[from] ?? [-(2 ** 53), 2 ** 53];
  const [tmin, tmax] = INT_RANGE[dtype]!;
  const clipped = lax.clamp(lax.full([], Math.max(fmin, tmin), from), x, lax.full([], Math.min(fmax, tmax), from));
  return lax.convertElementType(clipped, dtype, false);
}

/**
 * `randint`: two draws of nbits each, combined as (hi mod span) * (2**nbits mod span) + (lo mod
 * span), all mod span, in unsigned arithmetic (biased when span is not a power of two, as JAX).
 */
export function randint(key: Value, shape: readonly number[], minArg: Value, maxArg: Value, dtype: DType, partitionable: boolean): Value {
  if (!isInteger(dtype)) throw typeError(`randint only accepts integer dtypes, got ${dtype}`);
  const nbits = DTYPES[dtype].bits;
  let minval = minArg;
  let maxval = maxArg;
  const asInt = (v: Value) => (isInteger(avalOf(v).dtype) ? v : lax.convertElementType(v, canonicalizeDtype('int64'), false));
  minval = asInt(minval);
  maxval = asInt(maxval);
  if (nbits === 64) return randint64(key, shape, minval, maxval, dtype, partitionable);
  const maxDtype = avalOf(maxval).dtype;
  const dtypeMax = convertAndClip(lax.full(avalOf(maxval).shape, INT_RANGE[dtype]![1], dtype), maxDtype);
  const outOfRange = lax.gt(maxval, dtypeMax);
  minval = toRank(convertAndClip(minval, dtype), shape.length);
  maxval = toRank(convertAndClip(maxval, dtype), shape.length);
  const keys = splitKey(key, [2], partitionable);
  const draw = (i: number) => randomBits(lax.reshape(lax.slice(keys, [i, 0], [i + 1, 2], null), [2]), nbits as 8 | 16 | 32, shape, partitionable);
  const higher = draw(0);
  const lower = draw(1);
  const uint = UNSIGNED[nbits];
  let span = lax.convertElementType(lax.sub(maxval, minval), uint, false);
  const spanShape = avalOf(span).shape;
  const one = lax.full(spanShape, 1, uint);
  // span = 1 when maxval <= minval (minval is always returned); one more when maxval exceeds the dtype.
  span = lax.select(lax.le(maxval, minval), one, span);
  span = lax.select(lax.and(toRank(outOfRange, shape.length), lax.gt(maxval, minval)), lax.add(span, one), span);
  const half = lax.full(spanShape, 2 ** (nbits / 2), uint);
  let multiplier = lax.rem(half, span);
  multiplier = lax.rem(lax.mul(multiplier, multiplier), span);
  let offset = lax.add(lax.mul(lax.rem(higher, span), multiplier), lax.rem(lower, span));
  offset = lax.rem(offset, span);
  return lax.add(minval, lax.convertElementType(offset, dtype, false));
}

/** `bernoulli(key, p, shape)`: uniform(key, shape, p.dtype) < p ('low'), or the two-draw 'high' mode. */
export function bernoulli(key: Value, p: Value, shape: readonly number[], mode: 'low' | 'high', partitionable: boolean): Value {
  const dtype = avalOf(p).dtype;
  const pr = toRank(lax.convertElementType(p, dtype, false), shape.length);
  const zero = lax.full([], 0, dtype);
  const oneV = lax.full([], 1, dtype);
  if (mode === 'low') return lax.lt(uniform(key, shape, dtype, zero, oneV, partitionable), pr);
  const both = uniform(key, [2, ...shape], dtype, zero, oneV, partitionable);
  const size = shape.reduce((a, b) => a * b, 1);
  const part = (i: number) => lax.reshape(lax.slice(lax.reshape(both, [2, size]), [i, 0], [i + 1, size], null), shape);
  const u2 = lax.mul(part(1), lax.full(shape, 2 ** -MANTISSA[dtype]!, dtype));
  return lax.lt(u2, lax.sub(pr, part(0)));
}

/**
 * randint for int64/uint64 (x64): the same algorithm in exact 64-bit unsigned arithmetic
 * (BigInt), which lax on the engine's 64-bit storage (exact to 2**53) cannot do. It needs
 * concrete operands, so it is refused under jit and vmap.
 */
function randint64(key: Value, shape: readonly number[], minArg: Value, maxArg: Value, dtype: DType, partitionable: boolean): Value {
  const full = (v: Value) => {
    const r = toRank(convertAndClip(v, dtype), shape.length);
    return shape.length === 0 ? r : lax.broadcastInDim(r, shape, shape.map((_, i) => i));
  };
  const keys = splitKey(key, [2], partitionable);
  const draw = (i: number) => randomBits64(lax.reshape(lax.slice(keys, [i, 0], [i + 1, 2], null), [2]), shape, partitionable);
  const parts = [...draw(0), ...draw(1), full(minArg), full(maxArg)].map(concreteValue);
  if (parts.some((p) => p === undefined) || !concreteValue(key)) {
    throw notSupported('jax.random.randint with a 64-bit dtype under jit or vmap');
  }
  const [hh, hl, lh, ll, lo, hi] = parts.map((p) => p!.data);
  const U64 = (x: bigint) => BigInt.asUintN(64, x);
  const word = (h: number, l: number) => (BigInt(h) << 32n) | BigInt(l);
  const out = lax.full(shape, 0, dtype);
  const o = out.data as Float64Array;
  for (let i = 0; i < o.length; i++) {
    const mn = BigInt(lo[i]);
    const mx = BigInt(hi[i]);
    const span = mx <= mn ? 1n : U64(mx - mn);
    const mult0 = (1n << 32n) % span;
    const mult = U64(mult0 * mult0) % span;
    const offset = U64(U64((word(hh[i], hl[i]) % span) * mult) + (word(lh[i], ll[i]) % span)) % span;
    o[i] = Number(dtype === 'int64' ? BigInt.asIntN(64, mn + offset) : U64(mn + offset));
  }
  return out;
}
