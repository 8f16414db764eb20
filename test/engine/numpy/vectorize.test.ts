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
