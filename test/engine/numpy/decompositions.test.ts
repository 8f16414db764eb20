// jnp.linalg.cholesky and slogdet. Oracles: hand-computed factors and determinants (closed
// forms), L @ L.T reconstructing A, LAPACK's failure reported as NaNs (JAX's documented
// behaviour for matrices that are not positive definite), d log|det A| = A^-T.

import { strict as assert } from 'node:assert';
import { close, f64, gradCheck, val } from './helpers';

describe('jnp.linalg.cholesky', () => {
  it('factors [[4, 2], [2, 3]] as [[2, 0], [1, sqrt 2]]; upper=True gives the transpose', () => {
    close(val('jnp.linalg.cholesky(jnp.array([[4., 2.], [2., 3.]]))', true).value, [[2, 0], [1, Math.SQRT2]], 1e-15);
    close(val('jnp.linalg.cholesky(jnp.array([[4., 2.], [2., 3.]]), upper=True)', true).value, [[2, 1], [0, Math.SQRT2]], 1e-15);
  });
  it('reconstructs a 4 x 4 SPD matrix and maps over batch dimensions', () => {
    const src = 'b = jnp.array([[2., 0.5, 0., 1.], [0.1, 3., 0.2, 0.], [1., 0., 1.5, 0.3], [0., 0.4, 0.2, 2.5]])\na = b @ b.T\nl = jnp.linalg.cholesky(a)\n';
    const [a, llt] = val(src + '(a, l @ l.T)', true).tuple!;
    close(llt.value, a.value, 1e-13);
    assert.deepEqual(val(src + 'jnp.triu(l, 1)', true).value, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    close(val('jnp.linalg.cholesky(jnp.stack([4 * jnp.eye(2), 9 * jnp.eye(2)]))').value, [[[2, 0], [0, 2]], [[3, 0], [0, 3]]]);
  });
  it('a matrix that is not positive definite gives NaNs', () => {
    assert.deepEqual(val('jnp.linalg.cholesky(jnp.array([[1., 2.], [2., 1.]]))').value, [['nan', 'nan'], ['nan', 'nan']]);
  });
  it('is differentiable (finite differences, float64)', () => {
    gradCheck('jax.numpy.linalg', 'cholesky', [f64([[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]])]);
  });
});

describe('jnp.linalg.slogdet', () => {
  it('(sign, log|det|) for negative, positive and singular matrices', () => {
    const [s, l] = val('jnp.linalg.slogdet(jnp.array([[1., 2.], [3., 4.]]))', true).tuple!;
    assert.equal(s.value, -1);
    close(l.value, Math.log(2), 1e-15);
    const [s2, l2] = val('jnp.linalg.slogdet(jnp.array([[2., 1.], [1., 3.]]))', true).tuple!;
    assert.equal(s2.value, 1);
    close(l2.value, Math.log(5), 1e-15);
    assert.deepEqual(val('jnp.linalg.slogdet(jnp.array([[1., 2.], [2., 4.]]))').tuple!.map((t) => t.value), [0, '-inf']);
  });
  it('d log|det A| / dA = inv(A).T', () => {
    close(val('jax.grad(lambda a: jnp.linalg.slogdet(a)[1])(jnp.array([[2., 1.], [0., 3.]]))', true).value, [[0.5, 0], [-1 / 6, 1 / 3]], 1e-15);
  });
});
