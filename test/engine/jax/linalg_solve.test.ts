// jnp.linalg.solve / inv / det and their derivatives. Oracles: closed forms for 2x2 and 3x3
// matrices (cofactor expansion, adjugate inverse), d det A = det(A) A^-T, and
// d sum(A^-1) = -A^-T 1 1^T A^-T.
import * as assert from 'node:assert/strict';
import { JaxArray } from '../../../src/engine/jax/array';
import * as K from '../../../src/engine/array/kernels';
import { runPython } from './run';

const PRE = 'import jax\nimport jax.numpy as jnp\nA = jnp.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [4.0, -3.0, 8.0]])\n';

function nums(src: string): number[] {
  const r = runPython(PRE + src);
  if (r.error) assert.fail(`${r.error.pyType}: ${r.error.message}`);
  const c = (r.value as JaxArray).concrete!;
  const n = c.shape.reduce((p, d) => p * d, 1);
  return Array.from({ length: n }, (_, i) => Number(K.getScalar(c, i)));
}

function close(actual: number[], expected: number[], tol = 1e-5): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= tol * (1 + Math.abs(expected[i])), `[${i}] ${a} vs ${expected[i]}`));
}

// A needs a row swap at the first step (A[0,0] = 0): pivoting is exercised.
const A = [[0, 1, 2], [1, 0, 3], [4, -3, 8]];
const detA = 0 * (0 * 8 - 3 * -3) - 1 * (1 * 8 - 3 * 4) + 2 * (1 * -3 - 0 * 4); // -2
function cofactor(i: number, j: number): number {
  const m = A.filter((_, r) => r !== i).map((row) => row.filter((_, c) => c !== j));
  return (-1) ** (i + j) * (m[0][0] * m[1][1] - m[0][1] * m[1][0]);
}
const invA = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => cofactor(j, i) / detA));

describe('jnp.linalg solve/inv/det', () => {
  it('det by cofactor expansion, also batched and under vmap; singular gives exactly 0', () => {
    close(nums('jnp.linalg.det(A)\n'), [detA]);
    close(nums('jnp.linalg.det(jnp.stack([A, 2 * A]))\n'), [detA, 8 * detA]);
    close(nums('jax.vmap(jnp.linalg.det)(jnp.stack([A, 2 * A]))\n'), [detA, 8 * detA]);
    assert.deepEqual(nums('jnp.linalg.det(jnp.ones((3, 3)))\n'), [0]);
  });

  it('inv is the adjugate over the determinant; solve(A, b) = A^-1 b', () => {
    close(nums('jnp.linalg.inv(A)\n'), invA);
    const b = [1, 2, 3];
    const x = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + invA[3 * i + j] * b[j], 0));
    close(nums('jnp.linalg.solve(A, jnp.array([1.0, 2.0, 3.0]))\n'), x);
    close(nums('jnp.linalg.solve(A, jnp.eye(3))\n'), invA);
  });

  it('grad det A = det(A) A^-T; grad of sum(inv A) = -A^-T 1 1^T A^-T', () => {
    close(nums('jax.grad(jnp.linalg.det)(A)\n'), [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => detA * invA[3 * j + i])));
    const u = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, k) => s + invA[3 * k + i], 0)); // A^-T 1
    const v = [0, 1, 2].map((j) => [0, 1, 2].reduce((s, k) => s + invA[3 * j + k], 0)); // A^-1 1
    close(nums('jax.grad(lambda M: jnp.sum(jnp.linalg.inv(M)))(A)\n'), [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => -u[i] * v[j])), 1e-4);
  });

  it('non-square input is a ValueError', () => {
    const r = runPython('import jax.numpy as jnp\njnp.linalg.inv(jnp.ones((2, 3)))\n');
    assert.equal(r.error?.pyType, 'ValueError');
    assert.equal(r.error?.message, 'Argument to inv must have shape [..., n, n], got (2, 3).');
  });
});
