// Products: dot, matmul (`@`), vdot, inner, outer, and linalg.norm, on lax.dotGeneral.
// A contraction mismatch is reported by the dot_general primitive itself
// (`dot_general requires contracting dimensions to have the same shape, got (3,) and (4,).`).

import { broadcastShapes, incompatibleShapesMessage } from '../../array/broadcast';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { valueError } from '../../errors';
import { type PyObject } from '../../interp/object';
import { arrayArgs } from '../coerce';
import { broadcastTo, promoteDtypes } from '../promote';
import { ravel } from './shape';

function promoted(fnName: string, a: PyObject, b: PyObject): [Value, Value] {
  const [x, y] = promoteDtypes(arrayArgs(fnName, [a, b]));
  return [x, y];
}

export function dot(a: PyObject, b: PyObject): Value {
  const [x, y] = promoted('dot', a, b);
  const nx = avalOf(x).shape.length;
  const ny = avalOf(y).shape.length;
  if (nx === 0 || ny === 0) return lax.mul(...bcast(x, y));
  const contractY = ny === 1 ? 0 : ny - 2;
  return lax.dotGeneral(x, y, { contracting: [[nx - 1], [contractY]], batch: [[], []] });
}

/** Equal-rank operands for an elementwise primitive (scalars broadcast). */
function bcast(x: Value, y: Value): [Value, Value] {
  const shape = broadcastShapes(avalOf(x).shape, avalOf(y).shape)!;
  return [broadcastTo(x, shape), broadcastTo(y, shape)];
}

export function matmul(a: PyObject, b: PyObject): Value {
  let [x, y] = promoted('matmul', a, b);
  const sx = avalOf(x).shape;
  const sy = avalOf(y).shape;
  if (sx.length === 0 || sy.length === 0) {
    throw valueError(`matmul: Input operand ${sx.length === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`);
  }
  const xVec = sx.length === 1;
  const yVec = sy.length === 1;
  if (xVec) x = lax.reshape(x, [1, sx[0]]);
  if (yVec) y = lax.reshape(y, [sy[0], 1]);
  const ax = avalOf(x).shape;
  const ay = avalOf(y).shape;
  const bx = ax.slice(0, -2);
  const by = ay.slice(0, -2);
  const batch = broadcastShapes(bx, by);
  if (!batch) throw valueError(incompatibleShapesMessage([bx, by]));
  x = broadcastTo(x, [...batch, ...ax.slice(-2)]);
  y = broadcastTo(y, [...batch, ...ay.slice(-2)]);
  const nb = batch.length;
  const batchDims = [...Array(nb).keys()];
  let r = lax.dotGeneral(x, y, { contracting: [[nb + 1], [nb]], batch: [batchDims, batchDims] });
  const rs = avalOf(r).shape;
  if (xVec || yVec) {
    const out = [...rs.slice(0, nb)];
    if (!xVec) out.push(rs[nb]);
    if (!yVec) out.push(rs[nb + 1]);
    r = lax.reshape(r, out);
  }
  return r;
}

export function vdot(a: PyObject, b: PyObject): Value {
  let [x, y] = promoted('vdot', a, b);
  if (avalOf(x).dtype.startsWith('complex')) x = lax.conj(x);
  return lax.dotGeneral(ravel(x), ravel(y), { contracting: [[0], [0]], batch: [[], []] });
}

export function inner(a: PyObject, b: PyObject): Value {
  const [x, y] = promoted('inner', a, b);
  const nx = avalOf(x).shape.length;
  const ny = avalOf(y).shape.length;
  if (nx === 0 || ny === 0) return lax.mul(...bcast(x, y));
  return lax.dotGeneral(x, y, { contracting: [[nx - 1], [ny - 1]], batch: [[], []] });
}

export function outer(a: PyObject, b: PyObject): Value {
  const [x, y] = promoted('outer', a, b);
  const fx = ravel(x);
  const fy = ravel(y);
  const n = avalOf(fx).shape[0];
  const m = avalOf(fy).shape[0];
  return lax.mul(lax.broadcastInDim(fx, [n, m], [0]), lax.broadcastInDim(fy, [n, m], [1]));
}
