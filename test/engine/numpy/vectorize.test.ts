// jnp.vectorize (no signature): elementwise application over the broadcast arguments by nested
// vmap. Oracles: the closed forms of the functions vectorized; JAX's documented behaviour that
// the function sees 0-d arrays (so Python control flow on them is a tracer error, as under vmap).

import { strict as assert } from 'node:assert';
import { close, err, val, values } from './helpers';

describe('jnp.vectorize', () => {
  it('broadcasts its arguments and applies the function per element', () => {
    const f = 'def f(a, b):\n    return jnp.where(a > b, a - b, a + b)\n';
    assert.deepEqual(val(f + 'jnp.vectorize(f)(jnp.arange(3.), jnp.array([[1.], [2.]]))').value, [[1, 2, 1], [2, 3, 4]]);
  });
  it('works as a decorator; call keywords pass through unmapped; tuple results', () => {
    const g = '@jnp.vectorize\ndef g(x, p=2):\n    return x ** p\n';
    assert.deepEqual(val(g + 'g(jnp.arange(3.), p=3)').value, [0, 1, 8]);
    assert.deepEqual(values('jnp.vectorize(lambda x: (x, 2 * x))(jnp.arange(2))'), [[0, 1], [0, 2]]);
  });
  it('the function sees 0-d values: shape () inside', () => {
    assert.deepEqual(val('jnp.vectorize(lambda x: jnp.ones(2) * jnp.ndim(x))(jnp.arange(3.))').value, [[0, 0], [0, 0], [0, 0]]);
  });
  it('is differentiable (d/dx sum sin x = cos x)', () => {
    close(val('jax.grad(lambda x: jnp.sum(jnp.vectorize(jnp.sin)(x)))(jnp.array([0., 1., 2.]))', true).value, [1, Math.cos(1), Math.cos(2)], 1e-15);
  });
  it('Python control flow on the traced element fails as under vmap', () => {
    assert.equal(err('jnp.vectorize(lambda x: x if x > 0 else -x)(jnp.arange(3.))')[0], 'TracerBoolConversionError');
  });
});

describe('jnp.piecewise', () => {
  const x = 'x = jnp.linspace(-2.5, 2.5, 6)\n';
  it('constants and functions per condition (NumPy docs)', () => {
    assert.deepEqual(val(x + 'jnp.piecewise(x, [x < 0, x >= 0], [-1, 1])').value, [-1, -1, -1, 1, 1, 1]);
    assert.deepEqual(val(x + 'jnp.piecewise(x, [x < 0, x >= 0], [lambda x: -x, lambda x: x])').value, [2.5, 1.5, 0.5, 0.5, 1.5, 2.5]);
  });
  it('an extra function is the otherwise value; the result has x dtype and is strong', () => {
    const r = val('x = jnp.arange(6.)\njnp.piecewise(x, [x < 2, x > 3], [lambda t: t * 10, 7, lambda t: -t])');
    assert.deepEqual([r.value, r.dtype, r.weak_type], [[0, 10, -2, -3, 7, 7], 'float32', false]);
    assert.equal(err('x = jnp.arange(3.)\njnp.piecewise(x, [x < 1], [1, 2, 3])')[1], 'with 1 condition(s), either 1 or 2 functions are expected; got 3');
  });
  it('differentiates through the selected piece', () => {
    assert.equal(val('jax.grad(lambda x: jnp.piecewise(x, [x < 0], [lambda t: t**2, lambda t: 3*t]))(2.0)').value, 3);
    assert.equal(val('jax.grad(lambda x: jnp.piecewise(x, [x < 0], [lambda t: t**2, lambda t: 3*t]))(-2.0)').value, -4);
  });
});
