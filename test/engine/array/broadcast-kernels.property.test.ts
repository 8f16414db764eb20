// Oracle: NumPy's broadcasting definition evaluated element by element in the test (a
// multi-index walk), compared with the kernels' index-map and fast paths on random shapes.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { binary, broadcastInDim, reduce, transpose } from '../../../src/engine/array/kernels';
import { NDArray } from '../../../src/engine/array/ndarray';

function filled(shape: number[], seed: number): NDArray {
  const x = NDArray.zeros('float64', shape);
  for (let i = 0; i < x.size; i++) x.data[i] = ((i * 7919 + seed * 104729) % 1000) / 10 - 50;
  return x;
}

function* multiIndices(shape: readonly number[]): Generator<number[]> {
  const n = shape.reduce((p, d) => p * d, 1);
  for (let flat = 0; flat < n; flat++) {
    const idx: number[] = [];
    let r = flat;
    for (let k = shape.length - 1; k >= 0; k--) {
      idx.unshift(r % shape[k]);
      r = Math.floor(r / shape[k]);
    }
    yield idx;
  }
}

function at(x: NDArray, idx: readonly number[]): number {
  let flat = 0;
  for (let k = 0; k < x.ndim; k++) flat = flat * x.shape[k] + idx[k];
  return x.data[flat];
}

/** Two equal-rank shapes where each dimension is shared, or 1 on one side. */
const shapePair = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('both', 'left1', 'right1')), { maxLength: 4 })
  .map((dims) => [
    dims.map(([d, k]) => (k === 'left1' ? 1 : d)),
    dims.map(([d, k]) => (k === 'right1' ? 1 : d)),
  ]);

describe('kernels on random shapes (property tests)', () => {
  it('binary broadcasting matches the element-by-element definition', () => {
    fc.assert(
      fc.property(shapePair, ([sa, sb]) => {
        const a = filled(sa, 1);
        const b = filled(sb, 2);
        const out = binary('sub', a, b);
        const shape = sa.map((d, i) => Math.max(d, sb[i]));
        assert.deepEqual(out.shape, shape);
        let flat = 0;
        for (const idx of multiIndices(shape)) {
          const want = at(a, idx.map((v, k) => (sa[k] === 1 ? 0 : v))) - at(b, idx.map((v, k) => (sb[k] === 1 ? 0 : v)));
          assert.equal(out.data[flat++], want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('broadcast_in_dim then sum over the new axes recovers size × the input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (shape, extra) => {
        const x = filled(shape, 3);
        const big = broadcastInDim(x, [extra, ...shape], shape.map((_, i) => i + 1));
        const back = reduce('sum', big, [0]);
        for (let i = 0; i < x.size; i++) assert.equal(back.data[i], extra * x.data[i]);
      }),
      { numRuns: 200 },
    );
  });

  it('transpose moves every element to its permuted position', () => {
    const shapeAndPerm = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }).chain((shape) =>
      fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }).map((perm) => [shape, perm] as const));
    fc.assert(
      fc.property(shapeAndPerm, ([shape, perm]) => {
        const x = filled(shape, 4);
        const t = transpose(x, perm);
        let flat = 0;
        for (const idx of multiIndices(t.shape)) {
          const src = new Array<number>(shape.length);
          perm.forEach((p, i) => (src[p] = idx[i]));
          assert.equal(t.data[flat++], at(x, src));
        }
      }),
      { numRuns: 300 },
    );
  });
});
