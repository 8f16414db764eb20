// Oracle: a naive quadruple loop over the definition of dot_general written in the test, and
// hand-computed matrix products.
import * as assert from 'node:assert/strict';
import { dotGeneral } from '../../../src/engine/array/kernels';
import { arr, vals } from './helpers';

const none = { batch: [[], []] as [number[], number[]] };

describe('dot_general', () => {
  it('matrix-vector, vector-vector and matrix-matrix products', () => {
    const a = arr([[1, 2], [3, 4]]);
    assert.deepEqual(vals(dotGeneral(a, a, { contracting: [[1], [0]], ...none }, 'float32')), [[7, 10], [15, 22]]);
    assert.deepEqual(vals(dotGeneral(a, arr([1, 1]), { contracting: [[1], [0]], ...none }, 'float32')), [3, 7]);
    assert.deepEqual(vals(dotGeneral(arr([1, 2, 3]), arr([4, 5, 6]), { contracting: [[0], [0]], ...none }, 'float32')), 32);
    // contracting x's first axis: x^T y
    assert.deepEqual(vals(dotGeneral(a, a, { contracting: [[0], [0]], ...none }, 'float32')), [[10, 14], [14, 20]]);
    // outer product: no contraction
    assert.deepEqual(vals(dotGeneral(arr([1, 2]), arr([3, 4, 5]), { contracting: [[], []], ...none }, 'float32')), [[3, 4, 5], [6, 8, 10]]);
  });

  it('batch dims first, then x free, then y free, against the definition', () => {
    // x: [K=3, B=2, M=4], y: [B=2, N=5, K=3]
    const xs = Array.from({ length: 3 }, (_, k) => Array.from({ length: 2 }, (_, b) => Array.from({ length: 4 }, (_, m) => k * 7 + b * 3 - m)));
    const ys = Array.from({ length: 2 }, (_, b) => Array.from({ length: 5 }, (_, n) => Array.from({ length: 3 }, (_, k) => (b + 1) * (n - k))));
    const got = dotGeneral(arr(xs), arr(ys), { contracting: [[0], [2]], batch: [[1], [0]] }, 'float32');
    assert.deepEqual(got.shape, [2, 4, 5]);
    const want = Array.from({ length: 2 }, (_, b) => Array.from({ length: 4 }, (_, m) => Array.from({ length: 5 }, (_, n) => {
      let s = 0;
      for (let k = 0; k < 3; k++) s += xs[k][b][m] * ys[b][n][k];
      return s;
    })));
    assert.deepEqual(vals(got), want);
  });

  it('integer products wrap like int32; complex products; preferred result dtype', () => {
    assert.equal(vals(dotGeneral(arr([65536, 1], 'int32'), arr([65536, 5], 'int32'), { contracting: [[0], [0]], ...none }, 'int32')), 5);
    const z = arr([{ re: 1, im: 2 }], 'complex64');
    assert.deepEqual(vals(dotGeneral(z, z, { contracting: [[0], [0]], ...none }, 'complex64')), { re: -3, im: 4 });
    const r = dotGeneral(arr([100, 100], 'int8'), arr([100, 100], 'int8'), { contracting: [[0], [0]], ...none }, 'int32');
    assert.equal(r.dtype, 'int32');
    assert.equal(vals(r), 20000);
  });

  it('float32 result is rounded once from an exact accumulation', () => {
    // 1 + 2^-24 + 2^-24: float32 step by step would give 1, exact is 1 + 2^-23
    const got = dotGeneral(arr([1, 2 ** -24, 2 ** -24]), arr([1, 1, 1]), { contracting: [[0], [0]], ...none }, 'float32');
    assert.equal(vals(got), 1 + 2 ** -23);
  });
});
