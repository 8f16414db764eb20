// jnp.linalg.solve, inv and det by Gauss-Jordan elimination with partial pivoting, written
// with lax primitives so that every transformation (grad, jvp, vmap, jit) goes through them
// with the existing rules: the derivatives are those of the elimination, which equal the
// closed forms d(A^-1) = -A^-1 dA A^-1 and d det A = det A tr(A^-1 dA). Leading batch
// dimensions are mapped with vmap. A zero pivot is divided by 1 instead (as LAPACK's getrf
// skips it), so the determinant of a singular matrix is exactly 0, as in JAX.

import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import * as transforms from '../../autodiff/transforms';
import { broadcastShapes, incompatibleShapesMessage, pythonShape } from '../../array/broadcast';
import { valueError } from '../../errors';
import { fn } from '../args';
import { wrap } from '../array';
import { promoteArgsInexact, promoteDtypesInexact } from '../promote';
import { arrayArgs } from '../coerce';

/** JAX's square-matrix check; `message` completes "Argument to ..." with the shape (JAX's texts differ per function). */
export function checkSquare(a: Value, message: (shape: string) => string): void {
  const s = avalOf(a).shape;
  if (s.length < 2 || s[s.length - 1] !== s[s.length - 2]) throw valueError(message(pythonShape(s)));
}

const outer = (u: Value, v: Value): Value => {
  const n = avalOf(u).shape[0];
  const m = avalOf(v).shape[0];
  return lax.mul(lax.broadcastInDim(u, [n, m], [0]), lax.broadcastInDim(v, [n, m], [1]));
};

const row = (x: Value, j: number): Value => {
  const m = avalOf(x).shape[1];
  return lax.reshape(lax.slice(x, [j, 0], [j + 1, m]), [m]);
};

/** e_j of length n in `like`'s dtype (a concrete constant). */
function unit(n: number, j: number, like: Value): Value {
  const d = avalOf(like).dtype;
  return lax.convertElementType(lax.eq(lax.iota('int32', [n], 0), lax.full([], j, 'int32')), d, false);
}

/** Reduces A (n x n) to the identity; B (n x k) becomes A^-1 B. Returns it and det A. */
function eliminate(a: Value, b: Value): { x: Value; det: Value } {
  const n = avalOf(a).shape[0];
  let det: Value = lax.full([], 1, avalOf(a).dtype);
  const rows = lax.iota('int32', [n], 0);
  for (let j = 0; j < n; j++) {
    const col = lax.reshape(lax.slice(a, [0, j], [n, j + 1]), [n]);
    // Partial pivoting: the largest |entry| at or below the diagonal.
    const candidates = lax.select(lax.ge(rows, lax.full([], j, 'int32')), lax.abs(col), lax.full([n], -1, avalOf(lax.abs(col)).dtype));
    const p = lax.argmax(candidates, 0, 'int32');
    const ej = unit(n, j, a);
    const ep = lax.convertElementType(lax.eq(rows, p), avalOf(a).dtype, false);
    const pick = (x: Value) => lax.dotGeneral(ep, x, { contracting: [[0], [0]], batch: [[], []] });
    const swap = (x: Value) => lax.add(x, outer(lax.sub(ej, ep), lax.sub(pick(x), row(x, j))));
    const swapped = lax.reduceSum(lax.mul(ej, ep), [0]); // 1 when no swap happened
    det = lax.mul(det, lax.sub(lax.mul(swapped, lax.full([], 2, avalOf(a).dtype)), lax.full([], 1, avalOf(a).dtype)));
    a = swap(a);
    b = swap(b);
    const pivot = lax.reshape(lax.slice(a, [j, j], [j + 1, j + 1]), []);
    det = lax.mul(det, pivot);
    const zero = lax.eq(pivot, lax.full([], 0, avalOf(pivot).dtype));
    const safe = lax.select(zero, lax.full([], 1, avalOf(pivot).dtype), pivot);
    const rowA = lax.div(row(a, j), safe);
    const rowB = lax.div(row(b, j), safe);
    const f = lax.mul(lax.reshape(lax.slice(a, [0, j], [n, j + 1]), [n]), lax.sub(lax.full([n], 1, avalOf(a).dtype), ej));
    const keep = (x: Value, r: Value) => {
      const m = avalOf(x).shape[1];
      const elim = lax.sub(x, outer(f, r));
      const notJ = lax.broadcastInDim(lax.sub(lax.full([n], 1, avalOf(a).dtype), ej), [n, m], [0]);
      return lax.add(lax.mul(elim, notJ), outer(ej, r));
    };
    a = keep(a, rowA);
    b = keep(b, rowB);
  }
  return { x: b, det };
}

/**
 * The core-dimension checks of jnp.vectorize with a signature, in its order and with its texts,
 * then the broadcast of the leading (batch) dimensions, which it returns.
 */
function vectorizeBatch(shapes: readonly (readonly number[])[], coreDims: readonly string[][], signature: string): number[] {
  const context = `on vectorized function with excluded=frozenset() and signature='${signature}'`;
  const sizes = new Map<string, number>();
  shapes.forEach((shape, i) => {
    const dims = coreDims[i];
    if (shape.length < dims.length) {
      const tuple = dims.length === 1 ? `('${dims[0]}',)` : `(${dims.map((d) => `'${d}'`).join(', ')})`;
      throw valueError(`input with shape ${pythonShape(shape)} does not have enough dimensions for all core dimensions ${tuple} ${context}`);
    }
    dims.forEach((d, k) => {
      const size = shape[shape.length - dims.length + k];
      const known = sizes.get(d);
      if (known === undefined) sizes.set(d, size);
      else if (known !== size) throw valueError(`inconsistent size for core dimension '${d}': ${size} vs ${known} ${context}`);
    });
  });
  const batches = shapes.map((s, i) => s.slice(0, s.length - coreDims[i].length));
  const batch = broadcastShapes(...batches);
  if (!batch) throw valueError(incompatibleShapesMessage(batches));
  return batch;
}

/** `x` with its leading dimensions broadcast to `batch` (its last `core` dimensions kept). */
function broadcastBatch(x: Value, batch: readonly number[], core: number): Value {
  const s = avalOf(x).shape;
  const target = [...batch, ...s.slice(s.length - core)];
  if (target.join() === s.join()) return x;
  return lax.broadcastInDim(x, target, s.map((_, i) => target.length - s.length + i));
}

/** Maps `f` over the leading dimensions of `xs` (all with the same batch shape). */
export function mapBatch(xs: Value[], core: number[], f: (ys: Value[]) => Value[]): Value[] {
  const shape = avalOf(xs[0]).shape;
  if (shape.length === core[0]) return f(xs);
  const size = shape[0];
  return transforms.vmap((ys) => mapBatch(ys, core, f), xs, xs.map(() => 0), size, 0);
}

function identity(n: number, like: Value): Value {
  const r = lax.iota('int32', [n, n], 0);
  const c = lax.iota('int32', [n, n], 1);
  return lax.convertElementType(lax.eq(r, c), avalOf(like).dtype, false);
}

export const inv = fn('jax.numpy.linalg', 'inv', ['a'], (b) => {
  const [a] = promoteArgsInexact('inv', [b.a]);
  checkSquare(a, (s) => `Argument to inv must have shape [..., n, n], got ${s}.`);
  const n = avalOf(a).shape[avalOf(a).shape.length - 1];
  return wrap(mapBatch([a], [2], ([m]) => [eliminate(m, identity(n, m)).x])[0]);
});

export const det = fn('jax.numpy.linalg', 'det', ['a'], (b) => {
  const [a] = promoteArgsInexact('det', [b.a]);
  checkSquare(a, (s) => `Argument to _det() must have shape [..., n, n], got ${s}`);
  const n = avalOf(a).shape[avalOf(a).shape.length - 1];
  return wrap(mapBatch([a], [2], ([m]) => [eliminate(m, lax.full([n, 0], 0, avalOf(m).dtype)).det])[0]);
});

/**
 * JAX >= 0.5's rule: b is a vector exactly when it is 1-d, and the solve is
 * `jnp.vectorize(_solve, signature="(m,m),(m)->(m)")` (or "(m,m),(m,n)->(m,n)"), so leading
 * dimensions broadcast and mismatched core dimensions raise vectorize's errors.
 */
export const solve = fn('jax.numpy.linalg', 'solve', ['a', 'b'], (bd) => {
  let [a, rhs] = promoteDtypesInexact(arrayArgs('solve', [bd.a, bd.b]));
  const as = avalOf(a).shape;
  const bs = avalOf(rhs).shape;
  if (as.length < 2) throw valueError(`left hand array must be at least two dimensional; got a.shape=${pythonShape(as)}`);
  const last = (s: readonly number[], k: number) => s[s.length - k];
  if (bs.length > 1 && as.length === bs.length + 1 && last(as, 1) === last(bs, 1) && last(as, 1) !== last(bs, 2)) {
    throw valueError(
      `Invalid shapes for solve: ${pythonShape(as)}, ${pythonShape(bs)}. Prior to JAX v0.5.0, this would have been treated as a batched 1-dimensional solve. ` +
        'To recover this behavior, use solve(a, b[..., None]).squeeze(-1).',
    );
  }
  const vector = bs.length === 1;
  const batch = vectorizeBatch([as, bs], [['m', 'm'], vector ? ['m'] : ['m', 'n']], vector ? '(m,m),(m)->(m)' : '(m,m),(m,n)->(m,n)');
  const n = last(as, 1);
  a = broadcastBatch(a, batch, 2);
  rhs = broadcastBatch(rhs, batch, vector ? 1 : 2);
  return wrap(
    mapBatch([a, rhs], [2, vector ? 1 : 2], ([m, r]) => {
      const rm = vector ? lax.reshape(r, [n, 1]) : r;
      const x = eliminate(m, rm).x;
      return [vector ? lax.reshape(x, [n]) : x];
    })[0],
  );
});
