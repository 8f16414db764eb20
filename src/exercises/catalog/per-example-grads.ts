// Exercise 7: per-example gradients with jax.vmap(jax.grad(...)).
// ℓ(w; x, y) = ½(x·w − y)², so ∇ℓᵢ = (xᵢ·w − yᵢ)·xᵢ; the result stacks them: shape (n, d).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, matrix, vector } from '../expected';
import { callingInsteadOfPassing, nonScalarOutput, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, mat, vec } from '../values';
import { dot, sum } from './math';

function perExample({ w, X, y }: Args): number[][] {
  return mat(X).map((xi, i) => {
    const r = dot(xi, vec(w)) - vec(y)[i];
    return xi.map((xij) => r * xij);
  });
}

function columnSums(rows: number[][]): number[] {
  return rows[0].map((_, j) => sum(rows.map((row) => row[j])));
}

export const perExampleGrads: Exercise = {
  id: 'per_example_grads',
  title: 'Per-example gradients with vmap',
  level: 2,
  summary: 'Vectorise a single-example gradient over a batch with jax.vmap and in_axes.',
  statement: String.raw`\`jax.grad\` of a batch loss gives one gradient for the whole batch. Some
methods (differential privacy, influence estimates, gradient-noise diagnostics) need one gradient
**per example**. Write the gradient for one example, then let \`jax.vmap\` map it over the batch.

For one example $(x, y)$ with $x \in \mathbb{R}^d$, the loss is

$$\ell(w; x, y) = \tfrac12 (x \cdot w - y)^2$$

Write \`per_example_grads(w, X, y)\` returning an array of shape \`(n, d)\` whose row $i$ is
$\nabla_w \ell(w; X_i, y_i)$. The same \`w\` is shared by every example; \`X\` has shape
\`(n, d)\` and \`y\` shape \`(n,)\`. \`X\` may be an integer array.`,
  starterCode: `import jax
import jax.numpy as jnp


def per_example_grads(w, X, y):
    """Row i: the gradient with respect to w of 0.5 * (X[i] @ w - y[i]) ** 2."""
    pass
`,
  entry: { name: 'per_example_grads', params: ['w', 'X', 'y'] },
  expected: (args) => matrix(perExample(args)),
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    {
      id: 'three-examples',
      description: 'three examples, two features',
      args: { w: floats([1, 0]), X: floats([[1, 2], [0, 1], [2, -1]]), y: floats([0, 1, 2]) },
    },
  ],
  hiddenTests: [
    {
      id: 'all-zero',
      description: 'zero weights and zero data',
      args: { w: floats([0, 0, 0]), X: floats([[0, 0, 0], [0, 0, 0]]), y: floats([0, 0]) },
      edgeCases: ['zeros'],
    },
    {
      id: 'negative',
      description: 'negative weights and data',
      args: { w: floats([-1, 0.5]), X: floats([[-2, 1], [0.5, -3], [-1, -1]]), y: floats([-1, 2, -0.5]) },
      edgeCases: ['negative'],
    },
    { id: 'one-example', description: 'a batch of one', args: { w: floats([0.5, -1]), X: floats([[2, -1]]), y: floats([0.5]) }, edgeCases: ['length-1'] },
    {
      id: 'thousand-examples',
      description: '1000 examples, three features',
      args: { w: floats([0.5, -1, 0.25]), X: linspace(-1, 1, 3000, [1000, 3]), y: linspace(-1, 1, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-features',
      description: 'X is an integer array',
      args: { w: floats([0.5, 1.5]), X: ints([[1, 2], [3, 0], [-1, 1]]), y: floats([1, -1, 0]) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write the loss for ONE example: `def loss(w, x, y): return 0.5 * (jnp.dot(x, w) - y) ** 2`, where `x` has shape `(d,)` and `y` is a number.',
    '`jax.grad(loss)` is the gradient for one example. `jax.vmap` turns it into a function over a batch.',
    '`vmap` maps axis 0 of every argument unless told otherwise. `w` is shared, so: `in_axes=(None, 0, 0)`.',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss(w, x, y):
    return 0.5 * (jnp.dot(x, w) - y) ** 2


def per_example_grads(w, X, y):
    return jax.vmap(jax.grad(loss), in_axes=(None, 0, 0))(w, X, y)
`,
  mistakes: [
    resultEquals(
      'batch-gradient',
      'every failed result equals the gradient of the summed loss, Σᵢ ∇ℓᵢ (shape (d,))',
      (args) => vector(columnSums(perExample(args))),
      'That is the gradient of the *total* loss: the per-example gradients added together. ' +
        'Differentiate the loss of one example and map it over the batch with `jax.vmap`.',
    ),
    resultEquals(
      'mean-gradient',
      'every failed result equals the gradient of the mean loss, (1/n) Σᵢ ∇ℓᵢ',
      (args) => {
        const rows = perExample(args);
        return vector(columnSums(rows).map((s) => s / rows.length));
      },
      'That is the gradient of the *mean* loss over the batch. The exercise asks for one gradient ' +
        'per example: `jax.vmap(jax.grad(loss), in_axes=(None, 0, 0))`.',
    ),
    {
      id: 'mapped-weights',
      description: "a test raised ValueError 'vmap got inconsistent sizes for array axes to be mapped'",
      detect: [{ kind: 'raises', errorType: 'ValueError', messageIncludes: 'vmap got inconsistent sizes for array axes to be mapped' }],
      feedback:
        '`vmap` maps axis 0 of *every* argument by default, including `w`, whose length is the ' +
        'number of features, not of examples. Mark `w` as shared: `in_axes=(None, 0, 0)`.',
    },
    nonScalarOutput('jnp.sum'),
    callingInsteadOfPassing('grad'),
    notUsing('jax.vmap', /\bvmap\b/, '`jax.vmap` turns the gradient of one example into a batched function, without a Python loop.'),
  ],
};
