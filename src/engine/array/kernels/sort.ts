// lax.sort along one axis (stable; NaN last) and argsort. Like JAX's sort comparator, -0 and
// +0 compare equal and every NaN sorts after every number. Complex values order by real part,
// then imaginary part.

import type { DType } from '../dtype';
import { NDArray } from '../ndarray';
import { rev, transpose } from './shape';
import { isComplexDtype } from './util';

function compareReal(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable ascending order of each run along `axis`, as permutations of run positions. */
function sortedOrder(x: NDArray, axis: number, apply: (xt: NDArray, order: Int32Array, run: number, m: number) => void): void {
  const perm = [...x.shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const xt = transpose(x, perm);
  const m = x.shape[axis];
  const runs = m === 0 ? 0 : xt.size / m;
  const complex = isComplexDtype(x.dtype);
  const a = xt.data;
  const order = new Int32Array(m);
  const idx = Array.from({ length: m }, (_, i) => i);
  for (let j = 0; j < runs; j++) {
    const base = j * m;
    idx.forEach((_, i) => (idx[i] = i));
    idx.sort(complex
      ? (p, q) => compareReal(a[2 * (base + p)], a[2 * (base + q)]) || compareReal(a[2 * (base + p) + 1], a[2 * (base + q) + 1])
      : (p, q) => compareReal(a[base + p], a[base + q]));
    order.set(idx);
    apply(xt, order, j, m);
  }
}

/** Sorted copy along `axis`; `descending` reverses the ascending result (NaN first then). */
export function sort(x: NDArray, axis: number, descending = false): NDArray {
  let result: NDArray | undefined;
  const complex = isComplexDtype(x.dtype);
  const perm = [...x.shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const inverse = new Array<number>(x.ndim);
  perm.forEach((p, i) => (inverse[p] = i));
  sortedOrder(x, axis, (xt, order, run, m) => {
    result ??= NDArray.zeros(x.dtype, xt.shape, x.weakType);
    const base = run * m;
    for (let i = 0; i < m; i++) {
      if (complex) {
        result.data[2 * (base + i)] = xt.data[2 * (base + order[i])];
        result.data[2 * (base + i) + 1] = xt.data[2 * (base + order[i]) + 1];
      } else {
        result.data[base + i] = xt.data[base + order[i]];
      }
    }
  });
  const sorted = result ? transpose(result, inverse) : x;
  return descending ? rev(sorted, [axis]) : sorted;
}

/** Stable ascending argsort along `axis`. */
export function argsort(x: NDArray, axis: number, indexDtype: DType): NDArray {
  let result: NDArray | undefined;
  const perm = [...x.shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const inverse = new Array<number>(x.ndim);
  perm.forEach((p, i) => (inverse[p] = i));
  sortedOrder(x, axis, (xt, order, run, m) => {
    result ??= NDArray.zeros(indexDtype, xt.shape);
    for (let i = 0; i < m; i++) result.data[run * m + i] = order[i];
  });
  return result ? transpose(result, inverse) : NDArray.zeros(indexDtype, x.shape);
}
