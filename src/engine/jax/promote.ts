// jax.numpy's argument promotion (jax/_src/numpy/util.py): dtypes by JAX's lattice with weak
// types (array/promotion.ts), then rank promotion. Rank promotion is where the jnp-level
// broadcasting error comes from (ValueError `Incompatible shapes for broadcasting: shapes=[...]`);
// equal-rank mismatches are left to the primitive, which raises its TypeError naming itself.

import { broadcastShapes, incompatibleShapesMessage } from '../array/broadcast';
import { resultType, toInexactDtype } from '../array/promotion';
import { avalOf, type Value } from '../autodiff/core';
import * as lax from '../autodiff/lax';
import { valueError } from '../errors';
import { type PyObject } from '../interp/object';
import { arrayArgs } from './coerce';

/** Converts every value to the common result dtype and weak type. */
export function promoteDtypes(values: readonly Value[]): Value[] {
  if (values.length === 0) return [];
  const { dtype, weakType } = resultType(...values.map(avalOf));
  return values.map((v) => lax.convertElementType(v, dtype, weakType));
}

/** `to_inexact_dtype`: the floating dtype integer and bool inputs are computed in (int8 → float32). */
export const inexactDtype = toInexactDtype;

/** Like `promoteDtypes`, then integers and bools become floating (true division, sin, mean...). */
export function promoteDtypesInexact(values: readonly Value[]): Value[] {
  if (values.length === 0) return [];
  const { dtype, weakType } = resultType(...values.map(avalOf));
  const target = inexactDtype(dtype);
  return values.map((v) => lax.convertElementType(v, target, weakType));
}

/** Left-pads lower-rank operands with size-1 axes (rank promotion), checking compatibility. */
export function promoteShapes(values: readonly Value[]): Value[] {
  const shapes = values.map((v) => avalOf(v).shape);
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  if (shapes.every((s) => s.length === rank)) return [...values];
  if (!broadcastShapes(...shapes)) throw valueError(incompatibleShapesMessage(shapes));
  return values.map((v, i) => {
    const s = shapes[i];
    return s.length === rank ? v : lax.reshape(v, [...new Array<number>(rank - s.length).fill(1), ...s]);
  });
}

/** `promote_args`: array-like and float0 checks, dtype promotion, rank promotion. */
export function promoteArgs(fnName: string, args: readonly PyObject[]): Value[] {
  return promoteShapes(promoteDtypes(arrayArgs(fnName, args)));
}

export function promoteArgsInexact(fnName: string, args: readonly PyObject[]): Value[] {
  return promoteShapes(promoteDtypesInexact(arrayArgs(fnName, args)));
}

/** Broadcasts every value to the common shape (rank promotion, then size-1 axes stretched). */
export function broadcastAll(values: readonly Value[]): Value[] {
  const shapes = values.map((v) => avalOf(v).shape);
  const target = broadcastShapes(...shapes);
  if (!target) throw valueError(incompatibleShapesMessage(shapes));
  return values.map((v) => broadcastTo(v, target));
}

/** `lax.broadcast_to`-like: `v` (already compatible) stretched to `shape`. */
export function broadcastTo(v: Value, shape: readonly number[]): Value {
  const s = avalOf(v).shape;
  if (s.length === shape.length && s.every((d, i) => d === shape[i])) return v;
  const lead = shape.length - s.length;
  // Drop the size-1 axes that stretch, then broadcast the rest into their positions.
  const keep: number[] = [];
  const dims: number[] = [];
  s.forEach((d, i) => {
    if (d === shape[lead + i]) {
      keep.push(d);
      dims.push(lead + i);
    }
  });
  const squeezed = keep.length === s.length ? v : lax.reshape(v, keep);
  return lax.broadcastInDim(squeezed, shape, dims);
}
