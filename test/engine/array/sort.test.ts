// Oracles: NumPy/JAX sort order (ascending, NaN last, stable) on hand-made arrays.
import * as assert from 'node:assert/strict';
import { argsort, sort } from '../../../src/engine/array/kernels';
import { arr, vals } from './helpers';

describe('sort / argsort', () => {
  it('sorts ascending with NaN last; descending reverses', () => {
    assert.deepEqual(vals(sort(arr([3, NaN, 1, 2]), 0)), [1, 2, 3, NaN]);
    assert.deepEqual(vals(sort(arr([3, NaN, 1, 2]), 0, true)), [NaN, 3, 2, 1]);
    assert.deepEqual(vals(sort(arr([[3, 1], [2, 4]], 'int32'), 0)), [[2, 1], [3, 4]]);
    assert.deepEqual(vals(sort(arr([[3, 1], [2, 4]], 'int32'), 1)), [[1, 3], [2, 4]]);
  });

  it('argsort is stable', () => {
    assert.deepEqual(vals(argsort(arr([2, 1, 2, 1], 'int32'), 0, 'int32')), [1, 3, 0, 2]);
    assert.deepEqual(vals(argsort(arr([0, -0, NaN, -1]), 0, 'int32')), [3, 0, 1, 2]);
    assert.deepEqual(vals(argsort(arr([[3, 1, 2]]), 1, 'int32')), [[1, 2, 0]]);
  });

  it('complex values order by real then imaginary part', () => {
    const z = arr([{ re: 1, im: 2 }, { re: 1, im: -1 }, { re: 0, im: 5 }], 'complex64');
    assert.deepEqual(vals(sort(z, 0)), [{ re: 0, im: 5 }, { re: 1, im: -1 }, { re: 1, im: 2 }]);
  });
});
