// Helpers shared by the rule families: null-aware linear algebra on (co)tangents, the
// `unbroadcast` of elementwise VJPs, and the batch-dimension moves of vmap rules. Everything
// here is written with lax functions, so it is differentiable again.

import type { AVal } from '../../array/dtype';
import { avalOf, type Value } from '../core';
import * as lax from '../lax';
import { range, sameShape } from '../shapes';
import type { MaybeZero } from './types';

/** A symbolic zero made concrete with `like`'s aval. */
export function instantiate(t: MaybeZero, like: Value | AVal): Value {
  return t ?? lax.zerosLike(like);
}

/** Sum of (co)tangents where null is zero. */
export function addAny(a: MaybeZero, b: MaybeZero): MaybeZero {
  if (a === null) return b;
  if (b === null) return a;
  return lax.add(a, b);
}

/** Applies `f` unless the (co)tangent is a symbolic zero. */
export function mapZ(t: MaybeZero, f: (t: Value) => Value): MaybeZero {
  return t === null ? null : f(t);
}

/**
 * Brings an elementwise result back to an operand's aval: sums over the dimensions the operand
 * broadcast along (size-1 dims, or all of them for a 0-d operand), and restores its weak type.
 * This is autograd's `unbroadcast` (and lax's `_unbroadcast`).
 */
export function unbroadcast(ct: Value, target: AVal): Value {
  const shape = avalOf(ct).shape;
  let out = ct;
  if (!sameShape(shape, target.shape)) {
    const axes =
      target.shape.length === 0 ? range(shape.length) : range(shape.length).filter((i) => shape[i] !== target.shape[i]);
    out = lax.reshape(lax.reduceSum(out, axes), target.shape);
  }
  return matchWeakType(out, target);
}

/** Restores `target`'s weak type on a value of the same dtype (a cotangent takes its primal's). */
export function matchWeakType(v: Value, target: AVal): Value {
  const a = avalOf(v);
  if (a.dtype !== target.dtype || a.weakType === target.weakType) return v;
  return lax.convertElementType(v, a.dtype, target.weakType);
}

/** Broadcasts `v` (0-d, or same rank with size-1 dims) to `shape`. */
export function broadcastTo(v: Value, shape: readonly number[]): Value {
  const s = avalOf(v).shape;
  if (sameShape(s, shape)) return v;
  if (s.length === 0) return lax.broadcastInDim(v, shape, []);
  return lax.broadcastInDim(v, shape, range(shape.length));
}

/** `v` gathered along `axis` at integer positions `idx` (same shape as v): take_along_axis. */
export function takeAlongAxis(v: Value, idx: Value, axis: number): Value {
  const shape = avalOf(idx).shape;
  const indexDtype = avalOf(idx).dtype;
  const indices = shape.map((_, d) => (d === axis ? idx : lax.iota(indexDtype, shape, d)));
  return lax.gather(v, indices, 0, 'clip');
}

// ---- vmap helpers -------------------------------------------------------------------------

/** Moves axis `from` of `v` to position `to`. */
export function moveAxis(v: Value, from: number, to: number): Value {
  if (from === to) return v;
  const perm = range(avalOf(v).shape.length).filter((d) => d !== from);
  perm.splice(to, 0, from);
  return lax.transpose(v, perm);
}

/** Puts the batch dimension first, materialising it (size `axisSize`) when `v` is unbatched. */
export function batchToFront(v: Value, dim: number | null, axisSize: number): Value {
  if (dim !== null) return moveAxis(v, dim, 0);
  const shape = avalOf(v).shape;
  return lax.broadcastInDim(v, [axisSize, ...shape], range(shape.length).map((d) => d + 1));
}

/**
 * Prepares the operands of an elementwise primitive under vmap: batched operands get their batch
 * dimension first, unbatched ones a leading size-1 dimension (0-d ones stay 0-d), and every
 * non-0-d operand gets the same rank, so the primitive's size-1 broadcasting does the rest.
 */
export function alignElementwise(args: readonly Value[], dims: readonly (number | null)[]): Value[] {
  const exampleRank = Math.max(
    ...args.map((a, i) => avalOf(a).shape.length - (dims[i] === null ? 0 : 1)),
  );
  return args.map((a, i) => {
    const shape = avalOf(a).shape;
    const d = dims[i];
    if (d === null) {
      if (shape.length === 0) return a;
      return lax.reshape(a, [1, ...shape]);
    }
    const moved = moveAxis(a, d, 0);
    if (shape.length - 1 === exampleRank) return moved;
    // A batched 0-d operand among higher-rank ones: [B] -> [B, 1, ..., 1].
    return lax.reshape(moved, [shape[d], ...Array(exampleRank).fill(1)]);
  });
}

/** Maps axes of the per-example array to axes of the batch-first array. */
export function shiftAxes(axes: readonly number[]): number[] {
  return axes.map((a) => a + 1);
}
