// jnp.bincount and jnp.unique. Oracles: NumPy's documented examples; JAX's documented
// differences (bincount's static `length` under jit, negative values in bin 0, values past
// `length` dropped; unique's `size`/`fill_value` padding with the smallest value by default).

import { strict as assert } from 'node:assert';
import { close, err, val, values } from './helpers';

describe('jnp.bincount', () => {
  it('counts and weighted sums (NumPy docs)', () => {
    assert.deepEqual(val('jnp.bincount(jnp.arange(5))').value, [1, 1, 1, 1, 1]);
    assert.deepEqual(val('jnp.bincount(jnp.array([0, 1, 1, 3, 2, 1, 7]))').value, [1, 3, 1, 1, 0, 0, 0, 1]);
    close(val('jnp.bincount(jnp.array([0, 1, 1, 2, 2, 2]), weights=jnp.array([0.3, 0.5, 0.2, 0.7, 1., -0.6]))').value, [0.3, 0.7, 1.1]);
    assert.deepEqual(val('jnp.bincount(jnp.array([1]), minlength=4)').value, [0, 1, 0, 0]);
  });
  it('length: values past it are dropped, negatives count in bin 0; it makes bincount traceable', () => {
    assert.deepEqual(val('jnp.bincount(jnp.array([0, 1, 9, -2]), length=3)').value, [2, 1, 0]);
    assert.deepEqual(val('jax.jit(lambda x: jnp.bincount(x, length=3))(jnp.array([1, 1]))').value, [0, 2, 0]);
    assert.equal(err('jax.jit(lambda x: jnp.bincount(x))(jnp.array([1]))')[0], 'ConcretizationTypeError');
    assert.equal(err('jnp.bincount(jnp.array([1.5]))')[0], 'TypeError');
  });
});

describe('jnp.unique', () => {
  it('sorted distinct values of the flattened array, with counts and first indices (NumPy docs)', () => {
    assert.deepEqual(val('jnp.unique(jnp.array([1, 1, 2, 2, 3, 3]))').value, [1, 2, 3]);
    assert.deepEqual(val('jnp.unique(jnp.array([[1, 1], [2, 3]]))').value, [1, 2, 3]);
    assert.deepEqual(values('jnp.unique(jnp.array([1, 2, 6, 4, 2, 3, 2]), return_counts=True)'), [[1, 2, 3, 4, 6], [1, 3, 1, 1, 1]]);
    assert.deepEqual(values('jnp.unique(jnp.array([5, 3, 5, 1]), return_index=True)'), [[1, 3, 5], [3, 1, 0]]);
  });
  it('NaNs come last and count once (equal_nan); size pads with the smallest value or fill_value', () => {
    assert.deepEqual(val('jnp.unique(jnp.array([1., jnp.nan, 2., jnp.nan]))').value, [1, 2, 'nan']);
    assert.deepEqual(val('jnp.unique(jnp.array([3, 1, 3]), size=4)').value, [1, 3, 1, 1]);
    assert.deepEqual(val('jnp.unique(jnp.array([3, 1, 3]), size=4, fill_value=0)').value, [1, 3, 0, 0]);
  });
});
