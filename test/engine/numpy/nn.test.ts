// jax.nn additions: values against the closed forms of JAX's definitions
// (jax/_src/nn/functions.py), logsumexp's b/return_sign/where, and the weak-type rules.

import { strict as assert } from 'node:assert';
import { close, err, val } from './helpers';

const xs = [-7.5, -2.5, -0.5, 0.3, 2.5, 5.5, 8];
const X = `jnp.array(${JSON.stringify(xs)})`;
const nn = (name: string, extra = '') => val(`jax.nn.${name}(${X}${extra})`, true).value;
const relu6 = (x: number) => Math.min(Math.max(x, 0), 6);
const softplus = (x: number) => Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);

describe('jax.nn activations (closed forms, float64)', () => {
  it('relu6, hard_sigmoid, hard_silu, hard_tanh', () => {
    close(nn('relu6'), xs.map(relu6), 1e-15);
    close(nn('hard_sigmoid'), xs.map((x) => relu6(x + 3) / 6), 1e-15);
    close(nn('hard_silu'), xs.map((x) => (x * relu6(x + 3)) / 6), 1e-15);
    close(nn('hard_tanh'), xs.map((x) => Math.max(-1, Math.min(1, x))), 1e-15);
  });
  it('soft_sign, celu (alpha 1 and 2), selu', () => {
    close(nn('soft_sign'), xs.map((x) => x / (Math.abs(x) + 1)), 1e-15);
    close(nn('celu'), xs.map((x) => Math.max(x, 0) + Math.expm1(Math.min(x, 0))), 1e-15);
    close(nn('celu', ', alpha=2.0'), xs.map((x) => Math.max(x, 0) + 2 * Math.expm1(Math.min(x, 0) / 2)), 1e-15);
    const [alpha, scale] = [1.6732632423543772, 1.0507009873554805];
    close(nn('selu'), xs.map((x) => scale * (x > 0 ? x : alpha * Math.expm1(x))), 1e-15);
  });
  it('mish, squareplus, sparse_plus', () => {
    close(nn('mish'), xs.map((x) => x * Math.tanh(softplus(x))), 1e-15);
    close(nn('squareplus'), xs.map((x) => (x + Math.sqrt(x * x + 4)) / 2), 1e-15);
    close(nn('squareplus', ', b=1.0'), xs.map((x) => (x + Math.sqrt(x * x + 1)) / 2), 1e-15);
    close(nn('sparse_plus'), xs.map((x) => (x <= -1 ? 0 : x >= 1 ? x : (x + 1) ** 2 / 4)), 1e-15);
  });
  it('glu splits the axis in halves; an odd size is an AssertionError', () => {
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    close(val('jax.nn.glu(jnp.array([1., 2., 0., 3.]))', true).value, [1 * sig(0), 2 * sig(3)], 1e-15);
    assert.deepEqual(val('jax.nn.glu(jnp.ones((4, 2)), axis=0)').shape, [2, 2]);
    assert.deepEqual(err('jax.nn.glu(jnp.ones(3))'), ['AssertionError', 'axis size must be divisible by 2']);
  });
  it('standardize: zero mean, unit variance (up to epsilon)', () => {
    const s = 1 / Math.sqrt(2 / 3 + 1e-5);
    close(val('jax.nn.standardize(jnp.array([1., 2., 3.]))', true).value, [-s, 0, s], 1e-15);
    // Both columns have mean m and variance 0.25: entries are ±0.5 / sqrt(0.25 + eps).
    const h = 0.5 / Math.sqrt(0.25 + 1e-5);
    close(val('jax.nn.standardize(jnp.array([[1., 3.], [2., 2.]]), axis=0)', true).value, [[-h, h], [h, -h]], 1e-12);
  });
  it('weak types: Python scalars give weak float32 results, int arrays strong float32', () => {
    const w = val('jax.nn.relu6(3)');
    assert.deepEqual([w.value, w.dtype, w.weak_type], [3, 'float32', true]);
    const s = val('jax.nn.selu(jnp.array([1, 2]))');
    assert.deepEqual([s.dtype, s.weak_type], ['float32', false]);
    assert.equal(val('jax.nn.hard_tanh(jnp.array([3, -3]))').dtype, 'int32');
  });
});

describe('jax.nn.logsumexp', () => {
  const lse = (a: number[], b?: number[]) => Math.log(a.reduce((s, x, i) => s + (b ? b[i] : 1) * Math.exp(x), 0));
  it('b scales the terms; keepdims', () => {
    close(val('jax.nn.logsumexp(jnp.arange(3.), b=2.)', true).value, lse([0, 1, 2], [2, 2, 2]), 1e-15);
    close(val('jax.nn.logsumexp(jnp.arange(6.).reshape(2, 3), axis=1, keepdims=True)', true).value, [[lse([0, 1, 2])], [lse([3, 4, 5])]], 1e-15);
  });
  it('a negative weighted sum: NaN, or (log|sum|, sign) with return_sign', () => {
    assert.equal(val('jax.nn.logsumexp(jnp.array([1., 2.]), b=jnp.array([1., -1.]))').value, 'nan');
    const [out, sign] = val('jax.nn.logsumexp(jnp.array([1., 2.]), b=jnp.array([1., -1.]), return_sign=True)', true).tuple!;
    close(out.value, Math.log(Math.exp(2) - Math.exp(1)), 1e-15);
    assert.equal(sign.value, -1);
  });
  it('where masks terms out; b == 0 drops a term even at inf', () => {
    close(val('jax.nn.logsumexp(jnp.array([0., 1., 2.]), where=jnp.array([True, True, False]))', true).value, lse([0, 1]), 1e-15);
    close(val('jax.nn.logsumexp(jnp.array([0., jnp.inf]), b=jnp.array([1., 0.]))', true).value, 0, 1e-15);
  });
});

describe('jax.nn.one_hot', () => {
  it('classes on the last axis by default, or at `axis`; out-of-range classes are all zeros', () => {
    assert.deepEqual(val('jax.nn.one_hot(jnp.array([0, 2, 5]), 3)').value, [[1, 0, 0], [0, 0, 1], [0, 0, 0]]);
    assert.deepEqual(val('jax.nn.one_hot(jnp.array([0, 2]), 3, axis=0)').value, [[1, 0], [0, 0], [0, 1]]);
  });
  it('the default dtype is the default float (float64 with x64), else dtype=', () => {
    assert.equal(val('jax.nn.one_hot(jnp.array([1]), 2)').dtype, 'float32');
    assert.equal(val('jax.nn.one_hot(jnp.array([1]), 2)', true).dtype, 'float64');
    assert.equal(val('jax.nn.one_hot(jnp.array([1]), 2, dtype=jnp.int32)').dtype, 'int32');
  });
});
