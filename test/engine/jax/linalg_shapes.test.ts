// Shape rules and errors of jnp.linalg.solve / inv / det / slogdet / cholesky as JAX >= 0.5
// has them (jax/_src/numpy/linalg.py, lax/linalg.py, numpy/vectorize.py): solve treats b as a
// vector exactly when it is 1-d and is jnp.vectorize(_solve) with signature (m,m),(m)->(m) or
// (m,m),(m,n)->(m,n), so batch dimensions broadcast; the texts are JAX's.
import * as assert from 'node:assert/strict';
import { JaxArray } from '../../../src/engine/jax/array';
import * as K from '../../../src/engine/array/kernels';
import { runPython } from './run';

const PRE = 'import jax\nimport jax.numpy as jnp\n';

function errorOf(src: string): string {
  const r = runPython(PRE + src);
  assert.ok(r.error, 'expected an error');
  return `${r.error.pyType}: ${r.error.message}`;
}

function valueOf(src: string): { shape: readonly number[]; values: number[] } {
  const r = runPython(PRE + src);
  if (r.error) assert.fail(`${r.error.pyType}: ${r.error.message}`);
  const c = (r.value as JaxArray).concrete!;
  const n = c.shape.reduce((p, d) => p * d, 1);
  return { shape: c.shape, values: Array.from({ length: n }, (_, i) => Number(K.getScalar(c, i))) };
}

const VEC = "on vectorized function with excluded=frozenset() and signature='(m,m),(m)->(m)'";
const MAT = "on vectorized function with excluded=frozenset() and signature='(m,m),(m,n)->(m,n)'";

describe('jnp.linalg shape rules (JAX >= 0.5)', () => {
  it('solve: a must be at least 2-d', () => {
    assert.equal(errorOf('jnp.linalg.solve(jnp.ones(3), jnp.ones(3))'), 'ValueError: left hand array must be at least two dimensional; got a.shape=(3,)');
  });

  it('solve: the old batched 1-d solve is refused with JAX\'s hint', () => {
    assert.equal(
      errorOf('jnp.linalg.solve(jnp.ones((2, 3, 3)), jnp.ones((2, 3)))'),
      'ValueError: Invalid shapes for solve: (2, 3, 3), (2, 3). Prior to JAX v0.5.0, this would have been treated as a batched ' +
        '1-dimensional solve. To recover this behavior, use solve(a, b[..., None]).squeeze(-1).',
    );
  });

  it("solve: vectorize's core-dimension errors, in its order", () => {
    assert.equal(errorOf('jnp.linalg.solve(jnp.ones((2, 3)), jnp.ones(2))'), `ValueError: inconsistent size for core dimension 'm': 3 vs 2 ${VEC}`);
    assert.equal(errorOf('jnp.linalg.solve(jnp.eye(3), jnp.ones(2))'), `ValueError: inconsistent size for core dimension 'm': 2 vs 3 ${VEC}`);
    assert.equal(errorOf('jnp.linalg.solve(jnp.eye(3), jnp.ones((2, 4)))'), `ValueError: inconsistent size for core dimension 'm': 2 vs 3 ${MAT}`);
    assert.equal(
      errorOf('jnp.linalg.solve(jnp.eye(3), 5.0)'),
      `ValueError: input with shape () does not have enough dimensions for all core dimensions ('m', 'n') ${MAT}`,
    );
  });

  it('solve: a 1-d b broadcasts against a batch of matrices', () => {
    // diag(2, 4) x = [2, 4] gives [1, 1]; the identity gives [2, 4].
    const r = valueOf('jnp.linalg.solve(jnp.array([[[2.0, 0.0], [0.0, 4.0]], [[1.0, 0.0], [0.0, 1.0]]]), jnp.array([2.0, 4.0]))');
    assert.deepEqual(r.shape, [2, 2]);
    assert.deepEqual(r.values, [1, 1, 2, 4]);
  });

  it('solve: a (k, m, m) with b (m, m) is a matrix solve per batch entry (b broadcast), not a batch of vectors', () => {
    // a[k] = (k + 1) I, so x[k] = B / (k + 1).
    const r = valueOf('a = jnp.stack([jnp.eye(2) * (k + 1.0) for k in range(3)])\nB = jnp.array([[6.0, 12.0], [18.0, 24.0]])\njnp.linalg.solve(a, B)');
    assert.deepEqual(r.shape, [3, 2, 2]);
    assert.deepEqual(r.values, [6, 12, 18, 24, 3, 6, 9, 12, 2, 4, 6, 8]);
  });

  it("inv, det, slogdet and cholesky name the shape as JAX does", () => {
    assert.equal(errorOf('jnp.linalg.inv(jnp.ones((2, 3)))'), 'ValueError: Argument to inv must have shape [..., n, n], got (2, 3).');
    assert.equal(errorOf('jnp.linalg.det(jnp.ones((2, 3)))'), 'ValueError: Argument to _det() must have shape [..., n, n], got (2, 3)');
    assert.equal(errorOf('jnp.linalg.slogdet(jnp.ones(3))'), 'ValueError: Argument to slogdet() must have shape [..., n, n], got (3,)');
    assert.equal(errorOf('jnp.linalg.cholesky(jnp.ones((4, 2, 3)))'), 'ValueError: The input to cholesky must be a square matrix. Got shape (2, 3).');
  });
});
