// jnp.linalg.slogdet (from det's elimination) and jnp.linalg.cholesky (column by column, with
// lax ops, so gradients need no new rule). As in JAX, cholesky symmetrises its input first and
// a matrix that is not positive definite gives a matrix of NaNs. slogdet returns a plain
// (sign, logabsdet) tuple where JAX returns the SlogdetResult named tuple.

import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { pythonShape } from '../../array/broadcast';
import { valueError } from '../../errors';
import { pyTuple, truthy } from '../../interp/protocol';
import { fn, isNone } from '../args';
import { JaxArray, wrap } from '../array';
import { promoteArgsInexact } from '../promote';
import { checkSquare, det, mapBatch } from './solve';

const LA = 'jax.numpy.linalg';
const shapeOf = (v: Value) => avalOf(v).shape;

/** lax.linalg.cholesky's shape rule sees the last two dimensions (JAX's text); fewer than two is our own text. */
function checkCholeskyShape(a: Value): void {
  const s = shapeOf(a);
  if (s.length < 2) throw valueError(`Argument to jax.numpy.linalg.cholesky must have shape [..., n, n], got ${pythonShape(s)}.`);
  const core = s.slice(-2);
  if (core[0] !== core[1]) throw valueError(`The input to cholesky must be a square matrix. Got shape ${pythonShape(core)}.`);
}

const conjT = (m: Value) => {
  const t = lax.transpose(m, [1, 0]);
  return avalOf(m).dtype.startsWith('complex') ? lax.conj(t) : t;
};

/** Lower Cholesky factor of one n x n matrix. */
function choleskyCore(a0: Value): Value {
  const n = shapeOf(a0)[0];
  const d = avalOf(a0).dtype;
  const a = lax.div(lax.add(a0, conjT(a0)), lax.full([n, n], 2, d));
  const rows = lax.iota('int32', [n], 0);
  const cols: Value[] = [];
  for (let j = 0; j < n; j++) {
    let v = lax.reshape(lax.slice(a, [0, j], [n, j + 1]), [n]);
    for (let k = 0; k < j; k++) {
      const ljk = lax.reshape(lax.slice(cols[k], [j], [j + 1]), []);
      const c = avalOf(a0).dtype.startsWith('complex') ? lax.conj(ljk) : ljk;
      v = lax.sub(v, lax.mul(cols[k], lax.broadcastInDim(c, [n], [])));
    }
    const pivot = lax.sqrt(lax.reshape(lax.slice(v, [j], [j + 1]), []));
    const below = lax.ge(rows, lax.full([n], j, 'int32'));
    cols.push(lax.select(below, lax.div(v, lax.broadcastInDim(pivot, [n], [])), lax.full([n], 0, d)));
  }
  const l = lax.concatenate(cols.map((c) => lax.reshape(c, [n, 1])), 1);
  // Not positive definite (a NaN or non-positive pivot): the whole factor is NaN, as LAPACK's
  // failure is reported by JAX.
  const diag = cols.map((c, j) => lax.reshape(lax.slice(c, [j], [j + 1]), [1]));
  const diagV = n ? lax.concatenate(diag, 0) : lax.full([0], 1, d);
  const real = d.startsWith('complex') ? lax.real(diagV) : diagV;
  const ok = lax.reduceAnd(lax.gt(real, lax.full([n], 0, avalOf(real).dtype)), [0]);
  return lax.select(lax.broadcastInDim(ok, [n, n], []), l, lax.full([n, n], NaN, d));
}

export const cholesky = fn(LA, 'cholesky', ['a', 'upper?', 'symmetrize_input?'], (b) => {
  const [a] = promoteArgsInexact('cholesky', [b.a]);
  checkCholeskyShape(a);
  const upper = !isNone(b.upper) && truthy(b.upper);
  return wrap(mapBatch([a], [2], ([m]) => {
    const l = choleskyCore(m);
    return [upper ? conjT(l) : l];
  })[0]);
});

export const slogdet = fn(LA, 'slogdet', ['a', 'method?'], (b) => {
  const [a] = promoteArgsInexact('slogdet', [b.a]);
  checkSquare(a, (s) => `Argument to slogdet() must have shape [..., n, n], got ${s}`);
  const dt = (det.fn([wrap(a)], new Map()) as JaxArray).value;
  const mag = lax.abs(dt);
  const sign = avalOf(dt).dtype.startsWith('complex')
    ? lax.div(dt, lax.convertElementType(lax.select(lax.eq(mag, lax.full(shapeOf(mag), 0, avalOf(mag).dtype)), lax.full(shapeOf(mag), 1, avalOf(mag).dtype), mag), avalOf(dt).dtype, false))
    : lax.sign(dt);
  // A singular matrix has sign +0 (JAX's LU path selects 0 there), whatever zero's sign.
  const isZero = lax.eq(mag, lax.full(shapeOf(mag), 0, avalOf(mag).dtype));
  const signOut = lax.select(isZero, lax.full(shapeOf(sign), 0, avalOf(sign).dtype), sign);
  return pyTuple([wrap(signOut), wrap(lax.log(mag))]);
});

