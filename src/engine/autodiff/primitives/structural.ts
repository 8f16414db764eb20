// Shape primitives: broadcast_in_dim, reshape, squeeze, expand_dims, transpose, rev, slice,
// pad, concatenate, iota. All are linear in their array operands, so the JVP applies the
// primitive to the tangent and the VJP is the transpose map (sum over broadcast dims, reshape
// back, inverse permutation, pad back a slice, slice back a pad, split a concatenation).

import type { AVal } from '../../array/dtype';
import * as K from '../../array/kernels';
import { type NDArray, sizeOf } from '../../array/ndarray';
import { typeError, valueError } from '../../errors';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { checkNoFloat0, range, shapeRepr } from '../shapes';
import { batchToFront, instantiate, mapZ, moveAxis, shiftAxes } from './common';
import type { PrimitiveName, PrimitiveRules, ParamsOf } from './types';

const tuple = (xs: readonly number[]) => shapeRepr(xs);

/** Rules of a one-operand linear primitive given its shape rule, transpose and batch rule. */
function linearUnary<P extends PrimitiveName>(
  name: P,
  spec: {
    impl: (x: NDArray, p: ParamsOf<P>) => NDArray;
    shape: (x: AVal, p: ParamsOf<P>) => readonly number[];
    transpose: (ct: Value, x: AVal, p: ParamsOf<P>) => Value;
    /** Params for the batch-first operand (batch dim at 0, size `size`). */
    batchParams: (p: ParamsOf<P>, size: number) => ParamsOf<P>;
  },
): PrimitiveRules<ParamsOf<P>> {
  return {
    impl: ([x], p) => [spec.impl(x, p)],
    abstractEval([x], p) {
      return [{ shape: spec.shape(x, p), dtype: x.dtype, weakType: x.weakType }];
    },
    jvp: ([x], [t], p) => ({
      primalsOut: [bind1(name, [x], p)],
      tangentsOut: [mapZ(t, (g) => bind1(name, [g], p))],
    }),
    vjp: ([ct], [x], _o, p) => [mapZ(ct, (g) => spec.transpose(g, avalOf(x), p))],
    batch([x], [d], p, size) {
      return { outs: [bind1(name, [moveAxis(x, d as number, 0)], spec.batchParams(p, size))], dims: [0] };
    },
  };
}

export const BROADCAST_IN_DIM_RULES = linearUnary('broadcast_in_dim', {
  impl: (x, p) => K.broadcastInDim(x, p.shape, p.broadcastDimensions),
  shape(x, { shape, broadcastDimensions: bd }) {
    const ok =
      bd.length === x.shape.length &&
      bd.every((d, i) => Number.isInteger(d) && d >= 0 && d < shape.length && (i === 0 || d > bd[i - 1])) &&
      x.shape.every((s, i) => s === 1 || s === shape[bd[i]]);
    if (!ok) {
      throw typeError(
        `broadcast_in_dim operand dimension sizes must either be 1, or be equal to their ` +
          `corresponding dimensions in the target broadcast shape; got operand of shape ` +
          `${tuple(x.shape)}, target broadcast shape ${tuple(shape)}, broadcast_dimensions ${tuple(bd)} `,
      );
    }
    return shape;
  },
  transpose(ct, x, { shape, broadcastDimensions: bd }) {
    const newDims = range(shape.length).filter((d) => !bd.includes(d));
    const expanded = bd.filter((d, i) => x.shape[i] === 1 && shape[d] !== 1);
    const summed = lax.reduceSum(ct, [...newDims, ...expanded].sort((a, b) => a - b));
    return lax.reshape(summed, x.shape);
  },
  batchParams: (p, size) => ({ shape: [size, ...p.shape], broadcastDimensions: [0, ...shiftAxes(p.broadcastDimensions)] }),
});

export const RESHAPE_RULES = linearUnary('reshape', {
  impl: (x, p) => K.reshape(x, p.newSizes),
  shape(x, { newSizes }) {
    if (newSizes.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(newSizes) !== sizeOf(x.shape)) {
      throw typeError(
        `reshape total size must be unchanged, got new_sizes ${tuple(newSizes)} (of total size ` +
          `${sizeOf(newSizes)}) for shape ${tuple(x.shape)} (of total size ${sizeOf(x.shape)}).`,
      );
    }
    return newSizes;
  },
  transpose: (ct, x) => lax.reshape(ct, x.shape),
  batchParams: (p, size) => ({ newSizes: [size, ...p.newSizes] }),
});

export const SQUEEZE_RULES = linearUnary('squeeze', {
  impl: (x, p) => K.squeeze(x, p.dimensions),
  shape(x, { dimensions }) {
    for (const d of dimensions) {
      if (x.shape[d] !== 1) {
        throw valueError(
          `cannot select an axis to squeeze out which has size not equal to one, got shape=${tuple(x.shape)} and dimensions=${tuple(dimensions)}`,
        );
      }
    }
    return x.shape.filter((_, i) => !dimensions.includes(i));
  },
  transpose: (ct, x) => lax.reshape(ct, x.shape),
  batchParams: (p) => ({ dimensions: shiftAxes(p.dimensions) }),
});

export const EXPAND_DIMS_RULES = linearUnary('expand_dims', {
  impl: (x, p) => K.expandDims(x, p.dimensions),
  shape(x, { dimensions }) {
    const rank = x.shape.length + dimensions.length;
    const out: number[] = [];
    let k = 0;
    for (let i = 0; i < rank; i++) out.push(dimensions.includes(i) ? 1 : x.shape[k++]);
    return out;
  },
  transpose: (ct, x) => lax.reshape(ct, x.shape),
  batchParams: (p) => ({ dimensions: shiftAxes(p.dimensions) }),
});

export const TRANSPOSE_RULES = linearUnary('transpose', {
  impl: (x, p) => K.transpose(x, p.permutation),
  shape(x, { permutation }) {
    const sorted = [...permutation].sort((a, b) => a - b);
    if (permutation.length !== x.shape.length || sorted.some((p, i) => p !== i)) {
      throw typeError(
        `transpose permutation isn't a permutation of operand dimensions, got permutation ` +
          `${tuple(permutation)} for operand shape ${tuple(x.shape)}.`,
      );
    }
    return permutation.map((p) => x.shape[p]);
  },
  transpose: (ct, _x, { permutation }) => lax.transpose(ct, permutation.map((_, i) => permutation.indexOf(i))),
  batchParams: (p) => ({ permutation: [0, ...shiftAxes(p.permutation)] }),
});

export const REV_RULES = linearUnary('rev', {
  impl: (x, p) => K.rev(x, p.dimensions),
  shape: (x) => x.shape,
  transpose: (ct, _x, { dimensions }) => lax.rev(ct, dimensions),
  batchParams: (p) => ({ dimensions: shiftAxes(p.dimensions) }),
});

export const SLICE_RULES = linearUnary('slice', {
  impl: (x, p) => K.slice(x, p.start, p.limit, p.strides ?? undefined),
  shape(x, { start, limit, strides }) {
    const n = x.shape.length;
    if (start.length !== n || limit.length !== n || (strides && strides.length !== n)) {
      throw typeError(
        `slice start_indices must have length equal to the number of dimensions of the operand, ` +
          `got start_indices ${tuple(start)} and limit_indices ${tuple(limit)} for operand shape ${tuple(x.shape)}.`,
      );
    }
    return x.shape.map((d, i) => {
      if (start[i] < 0 || limit[i] > d || limit[i] < start[i]) {
        throw typeError(
          `slice limit_indices must be less than or equal to operand shape and start_indices must ` +
            `be less than or equal to limit_indices, got start_indices ${tuple(start)}, ` +
            `limit_indices ${tuple(limit)} for operand shape ${tuple(x.shape)}.`,
        );
      }
      const s = strides ? strides[i] : 1;
      return Math.max(0, Math.ceil((limit[i] - start[i]) / s));
    });
  },
  transpose(ct, x, { start, strides }) {
    const out = avalOf(ct).shape;
    const config = x.shape.map((d, i): [number, number, number] => {
      const s = strides ? strides[i] : 1;
      const used = out[i] === 0 ? 0 : (out[i] - 1) * s + 1;
      return out[i] === 0 ? [d, 0, 0] : [start[i], d - start[i] - used, s - 1];
    });
    return lax.pad(ct, lax.scalarLike(ct, 0), config);
  },
  batchParams: (p, size) => ({
    start: [0, ...p.start],
    limit: [size, ...p.limit],
    strides: p.strides ? [1, ...p.strides] : null,
  }),
});

type PadConfig = readonly (readonly [number, number, number])[];

export const PAD_RULES: PrimitiveRules<{ config: PadConfig }> = {
  impl: ([x, v], { config }) => [K.pad(x, v, config as [number, number, number][])],
  abstractEval([x, v], { config }) {
    checkNoFloat0('pad', [x, v]);
    if (v.shape.length !== 0) throw typeError(`pad padding_value must be a scalar, got ${tuple(v.shape)}.`);
    if (v.dtype !== x.dtype) {
      throw typeError(`pad operand and padding_value must be same dtype: got ${x.dtype} and ${v.dtype}.`);
    }
    if (config.length !== x.shape.length) {
      throw typeError(`length of padding_config must equal the number of axes of operand, got padding_config ${JSON.stringify(config)} for operand shape ${tuple(x.shape)}`);
    }
    const shape = x.shape.map((d, i) => {
      const [lo, hi, interior] = config[i];
      return lo + hi + d + Math.max(0, d - 1) * interior;
    });
    return [{ shape, dtype: x.dtype, weakType: x.weakType && v.weakType }];
  },
  jvp([x, v], [tx, tv], p) {
    const ans = bind1('pad', [x, v], p);
    if (tx === null && tv === null) return { primalsOut: [ans], tangentsOut: [null] };
    return { primalsOut: [ans], tangentsOut: [lax.pad(instantiate(tx, x), instantiate(tv, v), p.config)] };
  },
  vjp([ct], [x], _o, { config }) {
    if (ct === null) return [null, null];
    const shape = avalOf(x).shape;
    const outShape = avalOf(ct).shape;
    if (config.some(([lo, hi]) => lo < 0 || hi < 0)) {
      // Negative padding crops: first pad the cotangent back out by the cropped amounts.
      const grown = lax.pad(ct, lax.scalarLike(ct, 0), config.map(([lo, hi]) => [Math.max(-lo, 0), Math.max(-hi, 0), 0] as [number, number, number]));
      const clipped = config.map(([lo, hi, i]) => [Math.max(lo, 0), Math.max(hi, 0), i] as [number, number, number]);
      return PAD_RULES.vjp([grown], [x, lax.scalarLike(x, 0)], [], { config: clipped });
    }
    const tx = shape.some((d) => d === 0)
      ? lax.zerosLike(x)
      : lax.slice(
          ct,
          config.map(([lo]) => lo),
          config.map(([, hi], i) => outShape[i] - hi),
          config.map(([, , interior]) => interior + 1),
        );
    const all = (v: Value) => lax.reduceSum(v, range(avalOf(v).shape.length));
    const tv = lax.sub(all(ct), all(tx));
    return [tx, tv];
  },
  batch([x, v], [dx, dv], p, size) {
    if (dv === null) {
      return { outs: [bind1('pad', [moveAxis(x, dx as number, 0), v], { config: [[0, 0, 0], ...p.config] })], dims: [0] };
    }
    // A batched padding value: pad with zeros, then select the per-example value where padded.
    const xs = batchToFront(x, dx, size);
    const vs = moveAxis(v, dv, 0);
    const config = [[0, 0, 0] as const, ...p.config];
    const zero = lax.scalarLike(xs, 0);
    const padded = lax.pad(xs, zero, config);
    const shape = avalOf(padded).shape;
    const mask = lax.pad(lax.full(avalOf(xs).shape, true, 'bool'), lax.full([], false, 'bool'), config);
    return { outs: [lax.select(mask, padded, lax.broadcastInDim(vs, shape, [0]))], dims: [0] };
  },
};

export const CONCATENATE_RULES: PrimitiveRules<{ dimension: number }> = {
  impl: (xs, { dimension }) => [K.concatenate(xs, dimension)],
  abstractEval(avals, { dimension }) {
    if (avals.length === 0) throw typeError('concatenate requires at least one operand');
    checkNoFloat0('concatenate', avals);
    const first = avals[0];
    if (dimension < 0 || dimension >= first.shape.length) {
      throw typeError(`concatenate dimension out of bounds: dimension ${dimension} for shapes ${avals.map((a) => tuple(a.shape)).join(', ')}.`);
    }
    for (const a of avals) {
      if (a.dtype !== first.dtype) {
        throw typeError(`concatenate requires arguments to have the same dtypes, got ${avals.map((b) => b.dtype).join(', ')}.`);
      }
      if (a.shape.length !== first.shape.length || a.shape.some((d, i) => i !== dimension && d !== first.shape[i])) {
        throw typeError(
          `Cannot concatenate arrays with shapes that differ in dimensions other than the one being ` +
            `concatenated: concatenating along dimension ${dimension} for shapes ${avals.map((b) => tuple(b.shape)).join(', ')}.`,
        );
      }
    }
    const shape = first.shape.map((d, i) => (i === dimension ? avals.reduce((s, a) => s + a.shape[i], 0) : d));
    return [{ shape, dtype: first.dtype, weakType: avals.every((a) => a.weakType) }];
  },
  jvp(xs, ts, p) {
    const ans = bind1('concatenate', xs, p);
    if (ts.every((t) => t === null)) return { primalsOut: [ans], tangentsOut: [null] };
    return { primalsOut: [ans], tangentsOut: [lax.concatenate(ts.map((t, i) => instantiate(t, xs[i])), p.dimension)] };
  },
  vjp([ct], xs, _o, { dimension }) {
    if (ct === null) return xs.map(() => null);
    const shape = avalOf(ct).shape;
    let offset = 0;
    return xs.map((x) => {
      const n = avalOf(x).shape[dimension];
      const start = shape.map((_, i) => (i === dimension ? offset : 0));
      const limit = shape.map((d, i) => (i === dimension ? offset + n : d));
      offset += n;
      return lax.slice(ct, start, limit);
    });
  },
  batch(xs, dims, { dimension }, size) {
    const moved = xs.map((x, i) => batchToFront(x, dims[i], size));
    return { outs: [bind1('concatenate', moved, { dimension: dimension + 1 })], dims: [0] };
  },
};

export const IOTA_RULES: PrimitiveRules<ParamsOf<'iota'>> = {
  impl: (_a, { dtype, shape, dimension }) => [K.iota(dtype, shape, dimension)],
  abstractEval(_a, { dtype, shape, dimension }) {
    if (dimension < 0 || dimension >= shape.length) {
      throw typeError(`iota dimension must be between 0 and len(shape), got dimension=${dimension} for shape=${tuple(shape)}`);
    }
    return [{ shape, dtype, weakType: false }];
  },
  // iota has no operands, so it is never seen by a trace; these rules exist for completeness.
  jvp: (_p, _t, params) => ({ primalsOut: [bind1('iota', [], params)], tangentsOut: [null] }),
  vjp: () => [],
  batch: (_a, _d, params) => ({ outs: [bind1('iota', [], params)], dims: [null] }),
};

