// dot_general: contraction and batch dimensions as lax.dot_general. Output axes: batch dims,
// then the lhs's free dims, then the rhs's. The VJP is lax's `_dot_general_transpose_lhs/rhs`:
// contract the cotangent with the other operand, then permute the axes back.

import type { AVal } from '../../array/dtype';
import * as K from '../../array/kernels';
import { typeError } from '../../errors';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { checkDtypes, range, shapeRepr } from '../shapes';
import { addAny, mapZ, matchWeakType, moveAxis } from './common';
import type { DotDims, ParamsOf, PrimitiveRules } from './types';

type Params = ParamsOf<'dot_general'>;

function free(rank: number, contract: readonly number[], batch: readonly number[]): number[] {
  return range(rank).filter((d) => !contract.includes(d) && !batch.includes(d));
}

function dotShape(x: AVal, y: AVal, { contracting: [xc, yc], batch: [xb, yb] }: DotDims): number[] {
  const sizes = (a: AVal, dims: readonly number[]) => dims.map((d) => a.shape[d]);
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  if (!same(sizes(x, xb), sizes(y, yb))) {
    throw typeError(
      `dot_general requires lhs batch dimensions and rhs batch dimensions to have the same shape, ` +
        `got ${shapeRepr(sizes(x, xb))} and ${shapeRepr(sizes(y, yb))}.`,
    );
  }
  if (!same(sizes(x, xc), sizes(y, yc))) {
    throw typeError(
      `dot_general requires contracting dimensions to have the same shape, got ` +
        `${shapeRepr(sizes(x, xc))} and ${shapeRepr(sizes(y, yc))}.`,
    );
  }
  return [
    ...sizes(x, xb),
    ...free(x.shape.length, xc, xb).map((d) => x.shape[d]),
    ...free(y.shape.length, yc, yb).map((d) => y.shape[d]),
  ];
}

/** Consecutive index ranges with the given lengths (lax's `ranges_like`). */
function rangesLike(...lengths: number[]): number[][] {
  let start = 0;
  return lengths.map((n) => {
    const r = range(n).map((i) => i + start);
    start += n;
    return r;
  });
}

/** Cotangent of the lhs `x` from the output cotangent `g` (lax's _dot_general_transpose_lhs). */
function transposeLhs(g: Value, x: AVal, y: Value, dims: DotDims, swapAns: boolean): Value {
  const [xc, yc] = dims.contracting;
  const [xb, yb] = dims.batch;
  const yRank = avalOf(y).shape.length;
  const xKept = free(x.shape.length, xc, xb);
  const yKept = free(yRank, yc, yb);
  const [ansBatch, ansY] = swapAns
    ? (([b, yy]) => [b, yy])(rangesLike(xb.length, yKept.length, xKept.length))
    : (([b, , yy]) => [b, yy])(rangesLike(xb.length, xKept.length, yKept.length));
  const order = range(yc.length).sort((i, j) => yc[i] - yc[j]);
  const xContractSortedByY = order.map((i) => xc[i]);
  const pre = [...xb, ...xKept, ...xContractSortedByY];
  const outAxes = range(pre.length).sort((i, j) => pre[i] - pre[j]);
  const prod = lax.dotGeneral(g, y, { contracting: [ansY, yKept], batch: [ansBatch, yb] });
  const xBar = lax.transpose(prod, outAxes);
  return matchWeakType(lax.convertElementType(xBar, x.dtype, avalOf(xBar).weakType), x);
}

function transposeRhs(g: Value, x: Value, y: AVal, dims: DotDims): Value {
  const swapped: DotDims = {
    contracting: [dims.contracting[1], dims.contracting[0]],
    batch: [dims.batch[1], dims.batch[0]],
  };
  return transposeLhs(g, y, x, swapped, true);
}

export const DOT_GENERAL_RULES: PrimitiveRules<Params> = {
  impl: ([x, y], { dims, preferredDtype }) => [
    K.dotGeneral(x, y, dims as K.DotDims, preferredDtype ?? x.dtype).withWeakType(x.weakType && y.weakType),
  ],
  abstractEval([x, y], { dims, preferredDtype }) {
    checkDtypes('dot_general', [x, y], ['bool', 'int', 'float', 'complex']);
    if (x.dtype !== y.dtype) {
      throw typeError(`dot_general requires arguments to have the same dtypes, got ${x.dtype}, ${y.dtype}.`);
    }
    return [{ shape: dotShape(x, y, dims), dtype: preferredDtype ?? x.dtype, weakType: x.weakType && y.weakType }];
  },
  jvp([x, y], [tx, ty], p) {
    const ans = bind1('dot_general', [x, y], p);
    const t = addAny(
      mapZ(tx, (g) => bind1('dot_general', [g, y], p)),
      mapZ(ty, (g) => bind1('dot_general', [x, g], p)),
    );
    return { primalsOut: [ans], tangentsOut: [t] };
  },
  vjp([ct], [x, y], _o, { dims }) {
    if (ct === null) return [null, null];
    return [transposeLhs(ct, avalOf(x), y, dims, false), transposeRhs(ct, x, avalOf(y), dims)];
  },
  batch([x, y], [dx, dy], { dims, preferredDtype }) {
    const [xc, yc] = dims.contracting;
    const [xb, yb] = dims.batch;
    const shift = (ds: readonly number[]) => ds.map((d) => d + 1);
    if (dx !== null && dy !== null) {
      // Both batched: the vmapped axis becomes a new leading dot batch dimension.
      const nd: DotDims = { contracting: [shift(xc), shift(yc)], batch: [[0, ...shift(xb)], [0, ...shift(yb)]] };
      return { outs: [lax.dotGeneral(moveAxis(x, dx, 0), moveAxis(y, dy, 0), nd, preferredDtype)], dims: [0] };
    }
    if (dx !== null) {
      // Only the lhs: the vmapped axis is its first free dim, which lands after the batch dims.
      const nd: DotDims = { contracting: [shift(xc), yc], batch: [shift(xb), yb] };
      return { outs: [lax.dotGeneral(moveAxis(x, dx, 0), y, nd, preferredDtype)], dims: [xb.length] };
    }
    const nd: DotDims = { contracting: [xc, shift(yc)], batch: [xb, shift(yb)] };
    const xFree = free(avalOf(x).shape.length, xc, xb).length;
    return { outs: [lax.dotGeneral(x, moveAxis(y, dy as number, 0), nd, preferredDtype)], dims: [xb.length + xFree] };
  },
};
