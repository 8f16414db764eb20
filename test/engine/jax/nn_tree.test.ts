// jax.nn values against closed forms, and the TREE encoding (DESIGN §5) of results.

import { strict as assert } from 'node:assert';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from './run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\n';
function tree(src: string): unknown {
  const r = runPython(PRELUDE + src);
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return toTree(r.value!);
}
const num = (src: string) => (tree(src) as { value: number }).value;

describe('jax.nn', () => {
  it('relu has derivative 0 at 0 (unlike maximum, which splits 1/2)', () => {
    assert.equal(num('jax.grad(jax.nn.relu)(0.0)'), 0);
    assert.equal(num('jax.grad(lambda x: jnp.maximum(x, 0.0))(0.0)'), 0.5);
  });
  it('sigmoid, softplus, log_sigmoid, silu, gelu closed forms', () => {
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} vs ${b}`);
    close(num('jax.nn.sigmoid(0.0)'), 0.5);
    close(num('jax.nn.softplus(0.0)'), Math.LN2);
    close(num('jax.nn.log_sigmoid(0.0)'), -Math.LN2);
    close(num('jax.nn.silu(1.0)'), 1 / (1 + Math.exp(-1)));
    close(num('jax.nn.gelu(1.0, approximate=False)'), 0.8413447460685429);
  });
  it('logsumexp gradient is softmax; softmax rows sum to 1', () => {
    const g = (tree('jax.grad(jax.nn.logsumexp)(jnp.array([1.0, 2.0, 3.0]))') as { value: number[] }).value;
    const e = [1, 2, 3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    g.forEach((v, i) => assert.ok(Math.abs(v - e[i] / s) < 1e-6));
    assert.ok(Math.abs(num('jnp.sum(jax.nn.softmax(jnp.array([0.5, -1.0, 2.0])))') - 1) < 1e-6);
  });
  it('one_hot', () => {
    assert.deepEqual((tree('jax.nn.one_hot(jnp.array([0, 2]), 3)') as { value: number[][] }).value, [[1, 0, 0], [0, 0, 1]]);
  });
});

describe('TREE encoding', () => {
  it('arrays: non-finite values as strings, weak type and repr', () => {
    assert.deepEqual(tree('jnp.array([1.0, jnp.inf, -jnp.inf, jnp.nan])'), {
      value: [1, 'inf', '-inf', 'nan'],
      dtype: 'float32',
      shape: [4],
      weak_type: false,
      repr: 'Array([  1.,  inf, -inf,  nan], dtype=float32)',
    });
  });
  it('complex as {re, im}; Python scalars, None, str, dtypes, containers', () => {
    assert.deepEqual((tree('jnp.array(1+2j)') as { value: unknown }).value, { re: 1, im: 2 });
    assert.deepEqual(tree("(1.5, 2, True, None, 'a', [jnp.float32], {'k': jnp.zeros(1).dtype})"), {
      tuple: [
        { python: 'float', value: 1.5 },
        { python: 'int', value: 2 },
        { python: 'bool', value: true },
        { python: 'NoneType', value: null },
        { python: 'str', value: 'a' },
        { list: [{ python: 'type', value: "<class 'jax.numpy.float32'>" }] },
        { dict: { k: { python: 'dtype', value: 'float32' } } },
      ],
    });
  });
  it('float0 leaves', () => {
    const t = tree('jax.grad(lambda x: x + 0.0, allow_int=True)(1)') as Record<string, unknown>;
    assert.equal(t.dtype, 'float0');
    assert.equal(t.container, 'numpy.ndarray');
    assert.equal(t.value, null);
  });
});
