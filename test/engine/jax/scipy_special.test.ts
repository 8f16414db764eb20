// jax.scipy.special: the import paths real code uses and the values (oracles: CPython's math
// module and closed forms; digamma(1) = -γ, erfinv(1/2) = 0.4769362762..., d logit/dx = 1/(x(1-x))).
import * as assert from 'node:assert/strict';
import { checkSource } from '../../../src/engine/index';

describe('jax.scipy.special', () => {
  it('imports as a package, a module and names, and computes what scipy/JAX define', () => {
    const src = [
      'import jax',
      'import jax.numpy as jnp',
      'from jax.scipy.special import logsumexp, expit, logit, erf, gammaln',
      'import jax.scipy.special as sp',
      'logsumexp(jnp.array([1.0, 2.0]))',
      'expit(0.0)',
      'logit(0.25)',
      'erf(1.0)',
      'gammaln(5.0)',
      'sp.digamma(1.0)',
      'jax.scipy.special.erfinv(0.5)',
      'jax.grad(logit)(0.25)',
      'logit(jnp.array([0.0, 1.0, 2.0]))',
      'expit(0.0)',
      '',
    ].join('\n');
    const r = checkSource(src, {});
    assert.deepEqual(r.diagnostics, []);
    const got = r.values.map((v) => v.text);
    const f32 = (x: number) => Math.fround(x);
    const expected = [
      Math.log(Math.exp(1) + Math.exp(2)), // 2.3132616875
      0.5,
      Math.log(0.25 / 0.75),
      0.8427007929497149, // math.erf(1.0)
      Math.log(24), // lgamma(5) = log(4!)
      -0.5772156649015329, // -Euler's gamma
      0.4769362762044699, // erfinv(0.5)
      1 / 0.25 + 1 / 0.75,
    ];
    expected.forEach((e, i) => assert.ok(Math.abs(Number(got[i]) - f32(e)) <= 2e-7 * Math.max(1, Math.abs(e)), `${i}: ${got[i]} vs ${e}`));
    assert.equal(got[8], '[-inf  inf  nan]');
    // A Python scalar stays weakly typed through promote_args_inexact, as in JAX.
    assert.equal(r.values[9].repr, 'Array(0.5, dtype=float32, weak_type=True)');
  });
});
