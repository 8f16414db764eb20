// select_n (the `where` primitive) and clamp: elementwise choices between operands.
// Derivatives follow the chosen operand; the other one gets a zero, which is how the `where`
// NaN leak arises (SEMANTICS §2.7: 0 · inf in the unchosen branch's own derivative).

import * as K from '../../array/kernels';
import { typeError } from '../../errors';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { checkNoFloat0, sameShape, shapeRepr } from '../shapes';
import { batchToFront, instantiate, mapZ } from './common';
import type { PrimitiveRules } from './types';

type NoParams = Record<string, never>;

/** args [pred, caseFalse, caseTrue]: pred ? caseTrue : caseFalse. */
export const SELECT_N_RULES: PrimitiveRules<NoParams> = {
  impl: ([pred, onFalse, onTrue]) => [K.select(pred, onTrue, onFalse)],
  abstractEval([pred, onFalse, onTrue]) {
    checkNoFloat0('select_n', [onFalse, onTrue]);
    if (pred.dtype !== 'bool') {
      throw typeError(`select_n \`which\` must be boolean or integer type, got ${pred.dtype}.`);
    }
    if (!sameShape(onFalse.shape, onTrue.shape)) {
      throw typeError(
        `select_n cases must have the same shapes, got [${[onFalse, onTrue].map((a) => shapeRepr(a.shape)).join(', ')}].`,
      );
    }
    if (onFalse.dtype !== onTrue.dtype) {
      throw typeError(`select_n cases must have the same dtypes, got [${onFalse.dtype}, ${onTrue.dtype}].`);
    }
    if (pred.shape.length !== 0 && !sameShape(pred.shape, onTrue.shape)) {
      throw typeError(
        `select_n \`which\` must be scalar or have the same shape as cases, got \`which\` shape ` +
          `${shapeRepr(pred.shape)} but case shape ${shapeRepr(onTrue.shape)}.`,
      );
    }
    return [{ shape: onTrue.shape, dtype: onTrue.dtype, weakType: onFalse.weakType && onTrue.weakType }];
  },
  jvp([pred, onFalse, onTrue], [, tf, tt]) {
    const ans = bind1('select_n', [pred, onFalse, onTrue], {});
    if (tf === null && tt === null) return { primalsOut: [ans], tangentsOut: [null] };
    const t = lax.select(pred, instantiate(tt, onTrue), instantiate(tf, onFalse));
    return { primalsOut: [ans], tangentsOut: [t] };
  },
  vjp([ct], [pred, onFalse, onTrue]) {
    if (ct === null) return [null, null, null];
    return [
      null,
      lax.select(pred, lax.zerosLike(onFalse), ct),
      lax.select(pred, ct, lax.zerosLike(onTrue)),
    ];
  },
  batch(args, dims, _p, size) {
    // Bring every operand to the full batched shape (a 0-d predicate broadcast to the cases').
    const cases = [args[1], args[2]].map((a, i) => batchToFront(a, dims[i + 1], size));
    const shape = avalOf(cases[0]).shape;
    let pred = batchToFront(args[0], dims[0], size);
    if (avalOf(pred).shape.length !== shape.length) {
      pred = lax.broadcastInDim(pred, shape, [0]);
    }
    return { outs: [bind1('select_n', [pred, cases[0], cases[1]], {})], dims: [0] };
  },
};

/** args [lo, x, hi]; lo and hi are 0-d or x's shape. Derivatives as lax's clamp JVP. */
export const CLAMP_RULES: PrimitiveRules<NoParams> = {
  impl: ([lo, x, hi]) => [K.clamp(lo, x, hi)],
  abstractEval([lo, x, hi]) {
    checkNoFloat0('clamp', [lo, x, hi]);
    for (const [name, b] of [['min', lo], ['max', hi]] as const) {
      if (b.shape.length !== 0 && !sameShape(b.shape, x.shape)) {
        throw typeError(
          `clamp requires ${name}.shape == operand.shape or ${name}.shape == (), got ${shapeRepr(b.shape)}.`,
        );
      }
      if (b.dtype !== x.dtype) {
        throw typeError(
          `clamp requires arguments to have the same dtypes, got ${lo.dtype}, ${x.dtype}, ${hi.dtype}.`,
        );
      }
    }
    return [{ shape: x.shape, dtype: x.dtype, weakType: lo.weakType && x.weakType && hi.weakType }];
  },
  jvp([lo, x, hi], [tlo, tx, thi]) {
    const ans = bind1('clamp', [lo, x, hi], {});
    const shape = avalOf(x).shape;
    const parts = clampMasks(lo, x, hi);
    const zero = lax.zerosLike(x);
    const contrib = [tlo, tx, thi].map((t, i) =>
      mapZ(t, (g) => lax.select(parts[i], avalOf(g).shape.length === shape.length ? g : lax.broadcastInDim(g, shape, []), zero)),
    );
    const t = contrib.reduce((a, b) => (a === null ? b : b === null ? a : lax.add(a, b)), null);
    return { primalsOut: [ans], tangentsOut: [t] };
  },
  vjp([ct], [lo, x, hi]) {
    if (ct === null) return [null, null, null];
    const parts = clampMasks(lo, x, hi);
    const zero = lax.zerosLike(ct);
    return [lo, x, hi].map((operand, i) => {
      const g = lax.select(parts[i], ct, zero);
      return avalOf(operand).shape.length === 0 && avalOf(x).shape.length > 0
        ? lax.reduceSum(g, avalOf(x).shape.map((_, d) => d))
        : g;
    });
  },
  batch(args, dims, _p, size) {
    const x = batchToFront(args[1], dims[1], size);
    const shape = avalOf(x).shape;
    const bound = (v: Value, d: number | null) =>
      d === null && avalOf(v).shape.length === 0 ? v : lax.broadcastInDim(batchToFront(v, d, size), shape, fullOrLead(v, d, shape.length));
    return { outs: [bind1('clamp', [bound(args[0], dims[0]), x, bound(args[2], dims[2])], {})], dims: [0] };
  },
};

/** Where each of lo, x, hi is the clamp's result (lax: lo where lo > x, x strictly inside, hi where hi < x). */
function clampMasks(lo: Value, x: Value, hi: Value): [Value, Value, Value] {
  return [lax.and(lax.gt(lo, x), lax.lt(lo, hi)), lax.and(lax.gt(x, lo), lax.lt(x, hi)), lax.lt(hi, x)];
}

/** broadcast_in_dim dims for a batch-first bound: all dims if per-example full, else the batch dim. */
function fullOrLead(v: Value, d: number | null, rank: number): number[] {
  const exampleRank = avalOf(v).shape.length - (d === null ? 0 : 1);
  return exampleRank === 0 ? [0] : Array.from({ length: rank }, (_, i) => i);
}
