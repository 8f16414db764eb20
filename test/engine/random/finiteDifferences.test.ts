// The finite-difference check evaluates the user's function in float64; random draws inside it
// must still be the user's float32 draws, or the check differentiates another function. Found
// by the jax.random work: grad 15.98 against a "finite difference" of 6.93 on the loss below.
import assert from 'node:assert/strict';
import { checkSource } from '../../../src/engine/index';

describe('jax.random inside the finite-difference check', () => {
  it('a loss that draws normal samples passes the check, and its gradient is 2·w·n² (closed form)', () => {
    const src = [
      'import jax',
      'import jax.numpy as jnp',
      'k = jax.random.PRNGKey(0)',
      'def loss(w):',
      '    return jnp.sum((w * jax.random.normal(k, (3,))) ** 2)',
      'jax.grad(loss)(jnp.array([1.0, 2.0, 3.0]))',
      '2 * jnp.array([1.0, 2.0, 3.0]) * jax.random.normal(k, (3,)) ** 2',
      '',
    ].join('\n');
    const r = checkSource(src, {});
    assert.deepEqual(r.diagnostics.map((d) => d.code), []);
    const [grad, closed] = r.values;
    assert.equal(grad.finiteDifference?.ok, true, JSON.stringify(grad.finiteDifference));
    assert.equal(grad.text, closed.text);
  });

  it('the user x64 setting still decides the draws after the check (the probe restores it)', () => {
    const src = 'import jax\nk = jax.random.PRNGKey(0)\njax.grad(lambda w: w * jax.random.uniform(k))(1.0)\njax.random.uniform(k).dtype\n';
    const r = checkSource(src, {});
    assert.equal(r.values[1].text, 'float32');
  });
});

describe('jax.grad of a typed key', () => {
  it("is refused naming the key's extended dtype, as JAX's _check_input_dtype_revderiv does", () => {
    // JAX raises for extended dtypes exactly as for integers, printing aval.dtype.name (key<fry>).
    const r = checkSource('import jax\njax.grad(lambda k: 1.0)(jax.random.key(0))\njax.grad(lambda k: 1.0)(jax.random.PRNGKey(0))\n', {});
    assert.deepEqual(
      r.diagnostics.map((d) => d.message),
      ['key<fry>', 'uint32'].map(
        (d) =>
          `grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got ${d}. ` +
          'If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.',
      ),
    );
  });
});
