// jnp.linalg.norm with NumPy's ord/axis rules (the examples of numpy.linalg.norm's documentation),
// vector_norm, matrix_norm, matrix_power, multi_dot, linalg.trace.

import { strict as assert } from 'node:assert';
import { close, err, val } from './helpers';

// NumPy docs: a = np.arange(9) - 4; b = a.reshape((3, 3)).
const A = 'a = jnp.arange(9.) - 4\nb = a.reshape((3, 3))\n';
const norm = (expr: string) => val(A + `jnp.linalg.norm(${expr})`, true).value as number;

describe('jnp.linalg.norm (NumPy docs)', () => {
  it('vector orders', () => {
    close(norm('a'), 7.745966692414834, 1e-15);
    close(norm('a, jnp.inf'), 4);
    close(norm('a, -jnp.inf'), 0);
    close(norm('a, 1'), 20);
    close(norm('a, 2'), 7.745966692414834, 1e-15);
    close(norm('a, 3'), 5.848035476425731, 1e-14);
    close(norm('a, -4'), 0);
    close(norm('a, 0'), 8);
  });
  it('matrix orders', () => {
    close(norm('b'), 7.745966692414834, 1e-15);
    close(norm("b, 'fro'"), 7.745966692414834, 1e-15);
    close(norm('b, jnp.inf'), 9);
    close(norm('b, -jnp.inf'), 2);
    close(norm('b, 1'), 7);
    close(norm('b, -1'), 6);
  });
  it('axis and keepdims', () => {
    const c = 'c = jnp.array([[1., 2., 3.], [-1., 1., 4.]])\n';
    close(val(c + 'jnp.linalg.norm(c, axis=0)', true).value, [Math.SQRT2, 2.23606797749979, 5], 1e-15);
    close(val(c + 'jnp.linalg.norm(c, axis=1)', true).value, [3.7416573867739413, 4.242640687119285], 1e-15);
    close(val(c + 'jnp.linalg.norm(c, ord=1, axis=1)', true).value, [6, 6]);
    assert.deepEqual(val(c + 'jnp.linalg.norm(c, axis=1, keepdims=True)').shape, [2, 1]);
    const m = 'm = jnp.arange(8.).reshape(2, 2, 2)\n';
    close(val(m + 'jnp.linalg.norm(m, axis=(1, 2))', true).value, [3.7416573867739413, 11.224972160321824], 1e-15);
  });
  it('errors: a string order for a vector, >2-D without axis', () => {
    assert.deepEqual(err("jnp.linalg.norm(jnp.ones(3), 'fro')"), ['ValueError', "Invalid order 'fro' for vector norm."]);
    assert.deepEqual(err('jnp.linalg.norm(jnp.ones((2, 2, 2)), 1)'), ['ValueError', 'Improper number of dimensions to norm.']);
  });
});

describe('jnp.linalg extras', () => {
  it('vector_norm flattens by default; matrix_norm is Frobenius', () => {
    close(val(A + 'jnp.linalg.vector_norm(b)', true).value, 7.745966692414834, 1e-15);
    close(val(A + 'jnp.linalg.vector_norm(b, ord=1)', true).value, 20);
    close(val(A + 'jnp.linalg.matrix_norm(b)', true).value, 7.745966692414834, 1e-15);
  });
  it('matrix_power (NumPy docs: i**n for the quarter-turn matrix)', () => {
    const i = 'i = jnp.array([[0, 1], [-1, 0]])\n';
    assert.deepEqual(val(i + 'jnp.linalg.matrix_power(i, 3)').value, [[0, -1], [1, 0]]);
    assert.deepEqual(val(i + 'jnp.linalg.matrix_power(i, 0)').value, [[1, 0], [0, 1]]);
    assert.deepEqual(val('jnp.linalg.matrix_power(jnp.array([[1., 1.], [0., 1.]]), 5)').value, [[1, 5], [0, 1]]);
  });
  it('multi_dot equals chained matmul; linalg.trace sums the last two axes', () => {
    assert.deepEqual(val('jnp.linalg.multi_dot([jnp.eye(2), jnp.ones((2, 3)), jnp.ones(3)])').value, [3, 3]);
    assert.deepEqual(val('jnp.linalg.trace(jnp.arange(8).reshape(2, 2, 2))').value, [3, 11]);
  });
});
