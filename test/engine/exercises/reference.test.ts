// End to end through the real engine (issue #6, "How it is checked"): every reference solution
// passes all of its tests, every starter file fails, and each classic mistake of the quadratic
// exercise fails with its own feedback. Until `checkSource` is assembled these tests are
// reported as PENDING (skipped), never as passes; likewise a reference solution whose transform
// the engine does not provide yet (AttributeError "module 'jax' has no attribute ...") is
// pending, with the missing name in its title.

import assert from 'node:assert/strict';
import { checkSource } from '../../../src/engine';
import { CATALOG, exerciseById } from '../../../src/exercises/catalog';
import { runExercise, type RunResult } from '../../../src/exercises/runner';
import type { Exercise } from '../../../src/exercises/types';

function engineAssembled(): boolean {
  try {
    checkSource('1\n', { finiteDifferences: false });
    return true;
  } catch (e) {
    return !(e instanceof Error && /not assembled/.test(e.message));
  }
}

function summary(result: RunResult): string {
  const bad = result.outcomes.filter((o) => o.status !== 'passed').map((o) => `${o.id}: ${o.reason}`);
  return JSON.stringify({ internalError: result.internalError, fileErrors: result.fileErrors.map((d) => d.message), bad, mistakes: result.mistakes.map((m) => m.id) }, null, 1);
}

const HEADER = 'import jax\nimport jax.numpy as jnp\n\n\n';

/** Wrong solutions of grad_of_quadratic and the mistake each must be recognised as. */
const QUADRATIC_MISTAKES: [name: string, source: string, mistake: string][] = [
  [
    'differentiates b instead of w',
    'def loss(w, b, x):\n    return jnp.sum((w * x + b) ** 2)\n\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(loss, argnums=1)(float(w), float(b), x)\n',
    'wrong-argument',
  ],
  [
    'returns the un-summed vector',
    'def loss(w, b, x):\n    return (w * x + b) ** 2\n\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(loss)(float(w), b, x)\n',
    'non-scalar-output',
  ],
  [
    'uses the closed form without jax.grad',
    'def grad_of_quadratic(w, b, x):\n    return jnp.sum(2 * (w * x + b) * x)\n',
    'not-using-api',
  ],
  [
    'calls the loss instead of passing it',
    'def loss(w, b, x):\n    return jnp.sum((w * x + b) ** 2)\n\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(loss(w, b, x))(w, b, x)\n',
    'call-instead-of-function',
  ],
  [
    'renames a parameter',
    'def grad_of_quadratic(w, b, xs):\n    return jax.grad(lambda v: jnp.sum((v * xs + b) ** 2))(float(w))\n',
    'signature-differs',
  ],
  [
    'names the function differently',
    'def quadratic_grad(w, b, x):\n    return jax.grad(lambda v: jnp.sum((v * x + b) ** 2))(float(w))\n',
    'missing-function',
  ],
  [
    'does not convert an integer w',
    'def loss(w, b, x):\n    return jnp.sum((w * x + b) ** 2)\n\n\ndef grad_of_quadratic(w, b, x):\n    return jax.grad(loss)(w, b, x)\n',
    'integer-input',
  ],
];

/** The jax attributes a run found missing, when that is why tests errored. */
function missingJaxApi(result: RunResult): string[] {
  const messages = [
    ...result.outcomes.map((o) => o.reason ?? ''),
    ...result.fileErrors.map((d) => `${d.errorType}: ${d.message}`),
  ];
  const names = messages.map((m) => /^AttributeError: module 'jax(?:\.\w+)*' has no attribute '(\w+)'$/.exec(m)?.[1]);
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/** Wrong solutions of the other exercises: [exercise, what it does, body, mistake expected]. */
const OTHER_MISTAKES: [exercise: string, name: string, source: string, mistake: string][] = [
  [
    'value_and_grad',
    'sums instead of averaging',
    'def loss_and_grad(w, x, y):\n    return jax.value_and_grad(lambda v: jnp.sum((v * x - y) ** 2))(w)\n',
    'sum-instead-of-mean',
  ],
  [
    'value_and_grad',
    'returns (gradient, value)',
    'def loss_and_grad(w, x, y):\n    v, g = jax.value_and_grad(lambda t: jnp.mean((t * x - y) ** 2))(w)\n    return g, v\n',
    'swapped-pair',
  ],
  [
    'value_and_grad',
    'returns the gradient only',
    'def loss_and_grad(w, x, y):\n    return jax.grad(lambda t: jnp.mean((t * x - y) ** 2))(w)\n',
    'gradient-only',
  ],
  [
    'argnums_tuple',
    'forgets argnums',
    'def loss(w, b, X, y):\n    return 0.5 * jnp.sum((X @ w + b - y) ** 2)\n\n\ndef linear_grads(w, b, X, y):\n    return jax.grad(loss)(w, b, X, y)\n',
    'default-argnums',
  ],
  [
    'argnums_tuple',
    'lists argnums backwards',
    'def loss(w, b, X, y):\n    return 0.5 * jnp.sum((X @ w + b - y) ** 2)\n\n\ndef linear_grads(w, b, X, y):\n    return jax.grad(loss, argnums=(1, 0))(w, b, X, y)\n',
    'swapped-argnums',
  ],
  [
    'has_aux',
    'returns a pair without has_aux',
    'def loss(w, x, y):\n    p = jnp.tanh(w * x)\n    return jnp.mean((p - y) ** 2), p\n\n\ndef grad_with_predictions(w, x, y):\n    return jax.grad(loss)(w, x, y)\n',
    'missing-has-aux',
  ],
  [
    'has_aux',
    'returns three things with has_aux',
    'def loss(w, x, y):\n    p = jnp.tanh(w * x)\n    return jnp.mean((p - y) ** 2), p, w\n\n\ndef grad_with_predictions(w, x, y):\n    return jax.grad(loss, has_aux=True)(w, x, y)\n',
    'aux-not-a-pair',
  ],
  [
    'jacobian',
    'uses jax.grad on the vector function',
    'def curve(theta, t):\n    return theta[0] * jnp.exp(-theta[1] * t)\n\n\ndef decay_jacobian(theta, t):\n    return jax.grad(curve)(theta, t)\n',
    'grad-of-vector-function',
  ],
  [
    'hessian',
    'returns the gradient',
    'def f(theta, x):\n    return jnp.sum(jnp.exp(theta[0] + theta[1] * x))\n\n\ndef exp_hessian(theta, x):\n    return jax.grad(f)(theta, x)\n',
    'gradient-not-hessian',
  ],
  [
    'per_example_grads',
    'returns the batch gradient',
    'def per_example_grads(w, X, y):\n    return jax.grad(lambda v: jnp.sum(0.5 * (X @ v - y) ** 2))(w)\n',
    'batch-gradient',
  ],
  [
    'stop_gradient',
    'differentiates the target too',
    'def td_gradient(w, s, r, s_next, gamma):\n    loss = lambda v: 0.5 * (r + gamma * jnp.dot(v, s_next) - jnp.dot(v, s)) ** 2\n    return jax.grad(loss)(w)\n',
    'target-differentiated',
  ],
  [
    'stop_gradient',
    'stops the whole loss',
    'def td_gradient(w, s, r, s_next, gamma):\n    loss = lambda v: jax.lax.stop_gradient(0.5 * (r + gamma * jnp.dot(v, s_next) - jnp.dot(v, s)) ** 2)\n    return jax.grad(loss)(w)\n',
    'everything-stopped',
  ],
  [
    'custom_jvp',
    'uses the textbook formula',
    'def softplus(x):\n    return jnp.log1p(jnp.exp(x))\n\n\ndef softplus_value_and_grad(x):\n    return jax.value_and_grad(lambda v: jnp.sum(softplus(v)))(x)\n',
    'overflow',
  ],
  [
    'custom_jvp',
    'differentiates the stable formula by autodiff',
    'def softplus(x):\n    return jnp.maximum(x, 0.0) + jnp.log1p(jnp.exp(-jnp.abs(x)))\n\n\ndef softplus_value_and_grad(x):\n    return jax.value_and_grad(lambda v: jnp.sum(softplus(v)))(x)\n',
    'kink-at-zero',
  ],
  [
    'sgd_step',
    'climbs the gradient',
    "def loss(params, x, y):\n    return jnp.mean((x @ params['w'] + params['b'] - y) ** 2)\n\n\ndef sgd_step(params, x, y, lr):\n    g = jax.grad(loss)(params, x, y)\n    return {k: params[k] + lr * g[k] for k in params}\n",
    'gradient-ascent',
  ],
  [
    'sgd_step',
    'returns the gradients',
    "def loss(params, x, y):\n    return jnp.mean((x @ params['w'] + params['b'] - y) ** 2)\n\n\ndef sgd_step(params, x, y, lr):\n    return jax.grad(loss)(params, x, y)\n",
    'returned-gradients',
  ],
  [
    'sgd_step',
    'sums instead of averaging',
    "def loss(params, x, y):\n    return jnp.sum((x @ params['w'] + params['b'] - y) ** 2)\n\n\ndef sgd_step(params, x, y, lr):\n    g = jax.grad(loss)(params, x, y)\n    return {k: params[k] - lr * g[k] for k in params}\n",
    'sum-instead-of-mean',
  ],
];

describe('exercises: reference solutions through the engine', function () {
  // A run evaluates every test of an exercise (1000-element ones included).
  this.timeout(20000);
  before(function () {
    if (!engineAssembled()) this.skip();
  });

  for (const exercise of CATALOG) {
    it(`${exercise.id}: the reference solution passes every test`, function () {
      const result = runExercise(exercise, exercise.solution);
      const missing = missingJaxApi(result);
      if (missing.length > 0 && this.test) {
        this.test.title += ` (PENDING: the engine has no jax.${missing.join(', jax.')} yet)`;
        this.skip();
      }
      assert.ok(result.passed, summary(result));
      assert.deepEqual(result.mistakes, []);
    });

    it(`${exercise.id}: the starter code does not pass`, () => {
      assert.equal(runExercise(exercise, exercise.starterCode).passed, false);
    });
  }

  it("grad_of_quadratic: the starter's `pass` shows as None with a question about return", () => {
    const result = runExercise(exerciseById('grad_of_quadratic') as Exercise, (exerciseById('grad_of_quadratic') as Exercise).starterCode);
    for (const o of result.outcomes) {
      assert.equal(o.got, 'None', summary(result));
      assert.match(o.reason ?? '', /does the function return its result\?$/);
    }
  });

  for (const [id, name, body, mistake] of OTHER_MISTAKES) {
    it(`${id}: a solution that ${name} fails with the '${mistake}' feedback`, function () {
      const result = runExercise(exerciseById(id) as Exercise, HEADER + body);
      const missing = missingJaxApi(result);
      if (missing.length > 0 && this.test) {
        this.test.title += ` (PENDING: the engine has no jax.${missing.join(', jax.')} yet)`;
        this.skip();
      }
      assert.equal(result.passed, false, summary(result));
      assert.ok(result.mistakes.some((m) => m.id === mistake), summary(result));
    });
  }

  for (const [name, body, mistake] of QUADRATIC_MISTAKES) {
    it(`grad_of_quadratic: a solution that ${name} fails with the '${mistake}' feedback`, () => {
      const result = runExercise(exerciseById('grad_of_quadratic') as Exercise, HEADER + body);
      assert.equal(result.passed, false, summary(result));
      assert.ok(result.mistakes.some((m) => m.id === mistake), summary(result));
    });
  }
});
