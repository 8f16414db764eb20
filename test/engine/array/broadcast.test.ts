// Oracle: NumPy's broadcasting rules and JAX's error texts quoted in SEMANTICS §1.8.
import * as assert from 'node:assert/strict';
import {
  broadcastEqualRank, broadcastShapes, incompatibleShapesMessage, primitiveIncompatibleShapesMessage, pythonShape,
} from '../../../src/engine/array/broadcast';

describe('broadcasting helpers', () => {
  it('broadcasts shapes as NumPy does', () => {
    assert.deepEqual(broadcastShapes([2, 3], [3]), [2, 3]);
    assert.deepEqual(broadcastShapes([4, 1, 5], [3, 1]), [4, 3, 5]);
    assert.deepEqual(broadcastShapes([], [2]), [2]);
    assert.deepEqual(broadcastShapes(), []);
    assert.deepEqual(broadcastShapes([0], [1]), [0]);
    assert.equal(broadcastShapes([2, 3], [4]), undefined);
    assert.equal(broadcastShapes([0], [2]), undefined);
  });

  it('equal-rank broadcasting rejects rank differences', () => {
    assert.deepEqual(broadcastEqualRank([3, 1], [1, 4]), [3, 4]);
    assert.equal(broadcastEqualRank([3], [1, 3]), undefined);
  });

  it("formats JAX's two messages", () => {
    assert.equal(pythonShape([3]), '(3,)');
    assert.equal(pythonShape([]), '()');
    assert.equal(incompatibleShapesMessage([[2, 3], [4]]), 'Incompatible shapes for broadcasting: shapes=[(2, 3), (4,)]');
    assert.equal(
      primitiveIncompatibleShapesMessage('add', [[3], [4]]),
      'add got incompatible shapes for broadcasting: (3,), (4,).',
    );
  });
});
