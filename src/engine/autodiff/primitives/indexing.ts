// Indexing primitives: gather/scatter (advanced indexing of k consecutive axes, see the kernel
// contract), dynamic_slice/dynamic_update_slice (start indices are 0-d integer operands, so
// they may be traced), sort/argsort. gather's VJP is a scatter-add; with repeated indices a
// scatter-set's cotangent goes to the write that survives; scatter-mul's derivatives assume
// unique indices (JAX's own restriction for scatter_mul's updates).

import type { AVal } from '../../array/dtype';
import { isInteger } from '../../array/dtype';
import * as K from '../../array/kernels';
import type { NDArray } from '../../array/ndarray';
import { typeError } from '../../errors';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { sameShape, shapeRepr } from '../shapes';
import { batchToFront, instantiate, mapZ, moveAxis, takeAlongAxis } from './common';
import type { MaybeZero, ParamsOf, PrimitiveRules } from './types';

function checkIndices(name: string, x: AVal, idx: readonly AVal[], startAxis: number): readonly number[] {
  if (idx.length === 0) throw typeError(`${name} requires at least one index array`);
  for (const i of idx) {
    if (!isInteger(i.dtype)) throw typeError(`${name} indices must be integers, got ${i.dtype}.`);
    if (!sameShape(i.shape, idx[0].shape)) {
      throw typeError(`${name} index arrays must have one shape, got ${idx.map((a) => shapeRepr(a.shape)).join(', ')}.`);
    }
  }
  if (startAxis < 0 || startAxis + idx.length > x.shape.length) {
    throw typeError(`${name} indexes ${idx.length} axes from axis ${startAxis} of an array of shape ${shapeRepr(x.shape)}.`);
  }
  return idx[0].shape;
}

function gatherShape(x: AVal, batch: readonly number[], startAxis: number, k: number): number[] {
  return [...x.shape.slice(0, startAxis), ...batch, ...x.shape.slice(startAxis + k)];
}

type GatherParams = ParamsOf<'gather'>;

export const GATHER_RULES: PrimitiveRules<GatherParams> = {
  impl: ([x, ...idx], { startAxis, mode, fillValue }) => [K.gather(x, idx, startAxis, mode, fillValue ?? undefined)],
  abstractEval([x, ...idx], { startAxis }) {
    const b = checkIndices('gather', x, idx, startAxis);
    return [{ shape: gatherShape(x, b, startAxis, idx.length), dtype: x.dtype, weakType: x.weakType }];
  },
  jvp([x, ...idx], [t], p) {
    const ans = bind1('gather', [x, ...idx], p);
    // Out-of-range reads in 'fill' mode have a constant value, hence a zero tangent.
    const tp = { ...p, fillValue: p.mode === 'fill' ? 0 : p.fillValue };
    return { primalsOut: [ans], tangentsOut: [mapZ(t, (g) => bind1('gather', [g, ...idx], tp))] };
  },
  vjp([ct], [x, ...idx], _o, { startAxis, mode }) {
    // A clip gather read the clamped positions, so its cotangent goes back to them; a fill
    // gather read the fill value at out-of-range positions, which the scatter drops.
    const at = mode === 'clip' ? clippedIndices(x, idx, startAxis) : idx;
    return [mapZ(ct, (g) => lax.scatter(lax.zerosLike(x), at, startAxis, g, 'add')), ...idx.map(() => null)];
  },
  batch([x, ...idx], [dx, ...di], p, size) {
    if (di.every((d) => d === null)) {
      const xs = moveAxis(x, dx as number, 0);
      return { outs: [bind1('gather', [xs, ...idx], { ...p, startAxis: p.startAxis + 1 })], dims: [0] };
    }
    // Batched indices: put x's batch axis just before the indexed axes and index it with iota.
    const is = idx.map((v, i) => batchToFront(v, di[i], size));
    const bshape = avalOf(is[0]).shape;
    const dtype = avalOf(is[0]).dtype;
    if (dx === null) {
      // Shared operand: the batch axis of the indices is just one more index dimension.
      return { outs: [bind1('gather', [x, ...is], p)], dims: [p.startAxis] };
    }
    const xs = moveAxis(x, dx, p.startAxis);
    return { outs: [bind1('gather', [xs, lax.iota(dtype, bshape, 0), ...is], p)], dims: [p.startAxis] };
  },
};

type ScatterParams = ParamsOf<'scatter'>;

export const SCATTER_RULES: PrimitiveRules<ScatterParams> = {
  impl: ([x, u, ...idx], { startAxis, combine }) => [K.scatter(x, idx, startAxis, u, combine)],
  abstractEval([x, u, ...idx], { startAxis }) {
    const b = checkIndices('scatter', x, idx, startAxis);
    const expected = gatherShape(x, b, startAxis, idx.length);
    if (!sameShape(u.shape, expected)) {
      throw typeError(`scatter updates must have shape ${shapeRepr(expected)}, got ${shapeRepr(u.shape)}.`);
    }
    if (u.dtype !== x.dtype) throw typeError(`scatter requires operand and updates of one dtype, got ${x.dtype}, ${u.dtype}.`);
    return [{ shape: x.shape, dtype: x.dtype, weakType: x.weakType }];
  },
  jvp([x, u, ...idx], [tx, tu], p) {
    const ans = bind1('scatter', [x, u, ...idx], p);
    if (tx === null && tu === null) return { primalsOut: [ans], tangentsOut: [null] };
    const s = p.startAxis;
    const gx = instantiate(tx, x);
    const gu = instantiate(tu, u);
    let t: Value;
    switch (p.combine) {
      case 'add':
      case 'set':
        t = lax.scatter(gx, idx, s, gu, p.combine);
        break;
      case 'mul':
        t = lax.add(lax.scatter(gx, idx, s, u, 'mul'), lax.scatter(lax.zerosLike(x), idx, s, lax.mul(gu, gatherZero(x, idx, s)), 'add'));
        break;
      case 'min':
      case 'max': {
        const { maskX, maskU, counts } = extremalMasks(x, u, idx, s, ans);
        const num = lax.add(lax.mul(gx, maskX), lax.scatter(lax.zerosLike(x), idx, s, lax.mul(gu, maskU), 'add'));
        t = lax.div(num, counts);
        break;
      }
    }
    return { primalsOut: [ans], tangentsOut: [t] };
  },
  vjp([ct], [x, u, ...idx], [ans], p) {
    const none = idx.map(() => null);
    if (ct === null) return [null, null, ...none];
    const s = p.startAxis;
    let cx: MaybeZero;
    let cu: MaybeZero;
    switch (p.combine) {
      case 'add':
        [cx, cu] = [ct, gatherZero(ct, idx, s)];
        break;
      case 'set':
        [cx, cu] = [lax.scatter(ct, idx, s, lax.zerosLike(u), 'set'), lax.mul(gatherZero(ct, idx, s), winners(x, u, idx, s))];
        break;
      case 'mul':
        [cx, cu] = [lax.scatter(ct, idx, s, u, 'mul'), gatherZero(lax.mul(ct, x), idx, s)];
        break;
      case 'min':
      case 'max': {
        const { maskX, maskU, counts } = extremalMasks(x, u, idx, s, ans);
        const shared = lax.div(ct, counts);
        [cx, cu] = [lax.mul(shared, maskX), lax.mul(gatherZero(shared, idx, s), maskU)];
        break;
      }
    }
    return [cx, cu, ...none];
  },
  batch([x, u, ...idx], [dx, du, ...di], p, size) {
    if (di.every((d) => d === null)) {
      const xs = batchToFront(x, dx, size);
      const us = batchToFront(u, du, size);
      return { outs: [bind1('scatter', [xs, us, ...idx], { ...p, startAxis: p.startAxis + 1 })], dims: [0] };
    }
    // Batched indices: index x's batch axis (placed just before the indexed axes) with iota.
    const is = idx.map((v, i) => batchToFront(v, di[i], size));
    const bshape = avalOf(is[0]).shape;
    const xs = moveAxis(batchToFront(x, dx, size), 0, p.startAxis);
    const us = moveAxis(batchToFront(u, du, size), 0, p.startAxis);
    const iota = lax.iota(avalOf(is[0]).dtype, bshape, 0);
    return { outs: [bind1('scatter', [xs, us, iota, ...is], p)], dims: [p.startAxis] };
  },
};

/** The positions a 'clip' gather reads: negatives wrapped once, then clamped into the axis. */
function clippedIndices(x: Value, idx: readonly Value[], startAxis: number): Value[] {
  const dims = avalOf(x).shape;
  return idx.map((v, k) => {
    const { shape, dtype } = avalOf(v);
    const dim = dims[startAxis + k];
    const wrapped = lax.select(lax.lt(v, lax.full(shape, 0, dtype)), lax.add(v, lax.full(shape, dim, dtype)), v);
    return lax.clamp(lax.full(shape, 0, dtype), wrapped, lax.full(shape, Math.max(dim - 1, 0), dtype));
  });
}

/** gather with out-of-range positions reading 0 (matches scatter dropping them). */
function gatherZero(v: Value, idx: readonly Value[], s: number): Value {
  return lax.gather(v, idx, s, 'fill', 0);
}

/**
 * 1 for the updates whose write survives a scatter-set (the last one at each position, as the
 * kernel orders them), 0 for those overwritten or out of range: repeated indices then give
 * their cotangent to the winner only.
 */
function winners(x: Value, u: Value, idx: readonly Value[], s: number): Value {
  const ua = avalOf(u);
  const n = ua.shape.reduce((p, d) => p * d, 1);
  const ids = lax.reshape(lax.iota('int32', [n], 0), ua.shape);
  const written = lax.scatter(lax.full(avalOf(x).shape, -1, 'int32'), idx, s, ids, 'set');
  const won = lax.eq(lax.gather(written, idx, s, 'fill', -1), ids);
  return lax.convertElementType(won, ua.dtype, ua.weakType);
}

/** Where x and where each update produced a scatter-min/max result, and how many tie there. */
function extremalMasks(x: Value, u: Value, idx: readonly Value[], s: number, ans: Value) {
  const a = avalOf(x);
  const asFloat = (b: Value) => lax.convertElementType(b, a.dtype, a.weakType);
  const maskX = asFloat(lax.eq(x, ans));
  const maskU = asFloat(lax.eq(u, lax.gather(ans, idx, s, 'fill')));
  const counts = lax.add(maskX, lax.scatter(lax.zerosLike(x), idx, s, maskU, 'add'));
  return { maskX, maskU, counts };
}

/** Reads 0-d integer start indices of dynamic_slice / dynamic_update_slice. */
function starts(idx: readonly NDArray[]): number[] {
  return idx.map((i) => Number(K.getScalar(i, 0)));
}

function checkStarts(name: string, x: AVal, idx: readonly AVal[]): void {
  if (idx.length !== x.shape.length) {
    throw typeError(
      `the number of start indices for ${name} must equal the rank of the operand, got ${idx.length} start indices for an operand of rank ${x.shape.length}.`,
    );
  }
  for (const i of idx) {
    if (i.shape.length !== 0 || !isInteger(i.dtype)) {
      throw typeError(`${name} start indices must be scalar integers, got ${i.dtype}${shapeRepr(i.shape)}.`);
    }
  }
}

/** vmap by running the primitive once per example (used only for batched start indices). */
function loopBatch<P extends 'dynamic_slice' | 'dynamic_update_slice'>(
  name: P,
  args: Value[],
  dims: (number | null)[],
  params: ParamsOf<P>,
  size: number,
) {
  const outs: Value[] = [];
  for (let b = 0; b < size; b++) {
    const ex = args.map((a, i) => {
      const d = dims[i];
      if (d === null) return a;
      const shape = avalOf(a).shape;
      const sl = lax.slice(a, shape.map((_, k) => (k === d ? b : 0)), shape.map((n, k) => (k === d ? b + 1 : n)));
      return lax.squeeze(sl, [d]);
    });
    const out = bind1(name, ex, params);
    outs.push(lax.expandDims(out, [0]));
  }
  return { outs: [lax.concatenate(outs, 0)], dims: [0] };
}

export const DYNAMIC_SLICE_RULES: PrimitiveRules<ParamsOf<'dynamic_slice'>> = {
  impl: ([x, ...idx], { sliceSizes }) => [K.dynamicSlice(x, starts(idx), sliceSizes)],
  abstractEval([x, ...idx], { sliceSizes }) {
    checkStarts('dynamic_slice', x, idx);
    if (sliceSizes.length !== x.shape.length || sliceSizes.some((s, i) => s < 0 || s > x.shape[i])) {
      throw typeError(
        `slice slice_sizes must be less than or equal to operand shape, got slice_sizes ${shapeRepr(sliceSizes)} for operand shape ${shapeRepr(x.shape)}.`,
      );
    }
    return [{ shape: sliceSizes, dtype: x.dtype, weakType: x.weakType }];
  },
  jvp([x, ...idx], [t], p) {
    const ans = bind1('dynamic_slice', [x, ...idx], p);
    return { primalsOut: [ans], tangentsOut: [mapZ(t, (g) => bind1('dynamic_slice', [g, ...idx], p))] };
  },
  vjp([ct], [x, ...idx]) {
    return [mapZ(ct, (g) => lax.dynamicUpdateSlice(lax.zerosLike(x), g, idx)), ...idx.map(() => null)];
  },
  batch(args, dims, p, size) {
    const [x, ...idx] = args;
    if (dims.slice(1).some((d) => d !== null)) return loopBatch('dynamic_slice', args, dims, p, size);
    const zero = lax.full([], 0, avalOf(idx[0] ?? lax.full([], 0, 'int32')).dtype);
    const xs = moveAxis(x, dims[0] as number, 0);
    return { outs: [bind1('dynamic_slice', [xs, zero, ...idx], { sliceSizes: [size, ...p.sliceSizes] })], dims: [0] };
  },
};

export const DYNAMIC_UPDATE_SLICE_RULES: PrimitiveRules<ParamsOf<'dynamic_update_slice'>> = {
  impl: ([x, u, ...idx]) => [K.dynamicUpdateSlice(x, u, starts(idx))],
  abstractEval([x, u, ...idx]) {
    checkStarts('dynamic_update_slice', x, idx);
    if (u.shape.length !== x.shape.length || u.shape.some((s, i) => s > x.shape[i])) {
      throw typeError(
        `dynamic_update_slice update shape must be smaller than operand shape, got update shape ${shapeRepr(u.shape)} for operand shape ${shapeRepr(x.shape)}.`,
      );
    }
    if (u.dtype !== x.dtype) {
      throw typeError(`dynamic_update_slice update dtype must match operand dtype, got ${u.dtype} and ${x.dtype}.`);
    }
    return [{ shape: x.shape, dtype: x.dtype, weakType: x.weakType }];
  },
  jvp([x, u, ...idx], [tx, tu], p) {
    const ans = bind1('dynamic_update_slice', [x, u, ...idx], p);
    if (tx === null && tu === null) return { primalsOut: [ans], tangentsOut: [null] };
    return { primalsOut: [ans], tangentsOut: [lax.dynamicUpdateSlice(instantiate(tx, x), instantiate(tu, u), idx)] };
  },
  vjp([ct], [, u, ...idx]) {
    const none = idx.map(() => null);
    if (ct === null) return [null, null, ...none];
    return [lax.dynamicUpdateSlice(ct, lax.zerosLike(u), idx), lax.dynamicSlice(ct, idx, avalOf(u).shape), ...none];
  },
  batch(args, dims, p, size) {
    const [x, u, ...idx] = args;
    if (dims.slice(2).some((d) => d !== null)) return loopBatch('dynamic_update_slice', args, dims, p, size);
    const zero = lax.full([], 0, avalOf(idx[0] ?? lax.full([], 0, 'int32')).dtype);
    const xs = batchToFront(x, dims[0], size);
    const us = batchToFront(u, dims[1], size);
    return { outs: [bind1('dynamic_update_slice', [xs, us, zero, ...idx], p)], dims: [0] };
  },
};

export const SORT_RULES: PrimitiveRules<ParamsOf<'sort'>> = {
  impl: ([x], { dimension }) => [K.sort(x, dimension)],
  abstractEval([x], { dimension }) {
    if (dimension < 0 || dimension >= x.shape.length) {
      throw typeError(`sort dimension ${dimension} out of range for operand shape ${shapeRepr(x.shape)}`);
    }
    return [x];
  },
  jvp([x], [t], p) {
    const ans = bind1('sort', [x], p);
    // The tangent follows its element to its sorted position.
    const perm = lax.argsort(x, p.dimension, 'int32');
    return { primalsOut: [ans], tangentsOut: [mapZ(t, (g) => takeAlongAxis(g, perm, p.dimension))] };
  },
  vjp([ct], [x], _o, { dimension }) {
    const perm = lax.argsort(x, dimension, 'int32');
    const inverse = lax.argsort(perm, dimension, 'int32');
    return [mapZ(ct, (g) => takeAlongAxis(g, inverse, dimension))];
  },
  batch: ([x], [d], p) => ({ outs: [bind1('sort', [moveAxis(x, d as number, 0)], { dimension: p.dimension + 1 })], dims: [0] }),
};

export const ARGSORT_RULES: PrimitiveRules<ParamsOf<'argsort'>> = {
  impl: ([x], { dimension, indexDtype }) => [K.argsort(x, dimension, indexDtype)],
  abstractEval([x], { dimension, indexDtype }) {
    if (dimension < 0 || dimension >= x.shape.length) {
      throw typeError(`argsort dimension ${dimension} out of range for operand shape ${shapeRepr(x.shape)}`);
    }
    return [{ shape: x.shape, dtype: indexDtype, weakType: false }];
  },
  jvp: ([x], _t, p) => ({ primalsOut: [bind1('argsort', [x], p)], tangentsOut: [null] }),
  vjp: () => [null],
  batch: ([x], [d], p) => ({
    outs: [bind1('argsort', [moveAxis(x, d as number, 0)], { ...p, dimension: p.dimension + 1 })],
    dims: [0],
  }),
};
