// Exercise 3: gradients with respect to two arguments at once, argnums=(0, 1).
// L(w, b) = ½ Σᵢ (Xᵢ·w + b − yᵢ)², so with r = Xw + b − y: dL/dw = Xᵀr, dL/db = Σᵢ rᵢ.

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar, tuple, vector } from '../expected';
import { callingInsteadOfPassing, nonScalarOutput, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, mat, num, pyFloat, vec } from '../values';
import { matTvec, matvec, sum } from './math';

function linearGrads({ w, b, X, y }: Args): { gw: number[]; gb: number } {
  const r = matvec(mat(X), vec(w)).map((p, i) => p + num(b) - vec(y)[i]);
  return { gw: matTvec(mat(X), r), gb: sum(r) };
}

export const argnumsTuple: Exercise = {
  id: 'argnums_tuple',
  title: 'Two gradients at once with argnums',
  level: 1,
  summary: 'Differentiate with respect to several arguments by passing a tuple to argnums.',
  statement: String.raw`A linear model $\hat y = X w + b$ has two parameters: a weight vector $w$
(shape \`(d,)\`) and a bias $b$ (a number). Its half squared error over $n$ examples
$X$ (shape \`(n, d)\`) with targets $y$ (shape \`(n,)\`) is

$$L(w, b) = \tfrac12 \sum_{i=1}^{n} (X_i \cdot w + b - y_i)^2$$

Write \`linear_grads(w, b, X, y)\` returning the tuple \`(dL/dw, dL/db)\` from a **single**
\`jax.grad\` call that differentiates with respect to both \`w\` and \`b\`.

\`X\` may be an integer array.`,
  starterCode: `import jax
import jax.numpy as jnp


def linear_grads(w, b, X, y):
    """(dL/dw, dL/db) for L = 0.5 * sum((X @ w + b - y) ** 2), from one jax.grad call."""
    pass
`,
  entry: { name: 'linear_grads', params: ['w', 'b', 'X', 'y'] },
  expected: (args) => {
    const { gw, gb } = linearGrads(args);
    return tuple(vector(gw), scalar(gb));
  },
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    {
      id: 'two-examples',
      description: 'two examples, two features',
      args: { w: floats([1, -1]), b: pyFloat(0.5), X: floats([[1, 2], [3, 4]]), y: floats([0, 1]) },
    },
  ],
  hiddenTests: [
    {
      id: 'all-zero',
      description: 'zero parameters and zero data',
      args: { w: floats([0, 0, 0]), b: pyFloat(0), X: floats([[0, 0, 0], [0, 0, 0]]), y: floats([0, 0]) },
      edgeCases: ['zeros'],
    },
    {
      id: 'negative',
      description: 'negative parameters and data',
      args: { w: floats([-0.5, 2]), b: pyFloat(-1), X: floats([[-1, -2], [3, -0.5], [-4, 1]]), y: floats([-3, 0.25, -1]) },
      edgeCases: ['negative'],
    },
    {
      id: 'one-example',
      description: 'a single example with a single feature',
      args: { w: floats([2]), b: pyFloat(-1), X: floats([[3]]), y: floats([4]) },
      edgeCases: ['length-1'],
    },
    {
      id: 'thousand-examples',
      description: '1000 examples, two features',
      args: { w: floats([0.5, -0.25]), b: pyFloat(0.1), X: linspace(-1, 1, 2000, [1000, 2]), y: linspace(0, 1, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-features',
      description: 'X is an integer array',
      args: { w: floats([1.5, -0.5]), b: pyFloat(0.25), X: ints([[1, 0], [0, 1], [1, 1]]), y: floats([1, 2, 3]) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write the loss with the parameters first: `def loss(w, b, X, y): return 0.5 * jnp.sum((X @ w + b - y) ** 2)`.',
    '`argnums` says which positional arguments to differentiate. An int gives one gradient; a tuple gives a tuple of gradients, in the order you list them.',
    '`jax.grad(loss, argnums=(0, 1))(w, b, X, y)` returns `(dL/dw, dL/db)`.',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss(w, b, X, y):
    return 0.5 * jnp.sum((X @ w + b - y) ** 2)


def linear_grads(w, b, X, y):
    return jax.grad(loss, argnums=(0, 1))(w, b, X, y)
`,
  mistakes: [
    resultEquals(
      'default-argnums',
      'every failed result equals dL/dw alone',
      (args) => vector(linearGrads(args).gw),
      'You got only the gradient with respect to `w`: without `argnums`, `jax.grad` differentiates ' +
        'the first argument only. Pass `argnums=(0, 1)` to get both, as a tuple.',
    ),
    resultEquals(
      'swapped-argnums',
      'every failed result equals (dL/db, dL/dw)',
      (args) => {
        const { gw, gb } = linearGrads(args);
        return tuple(scalar(gb), vector(gw));
      },
      'The gradients come back in the order of `argnums`: `argnums=(1, 0)` gives `(dL/db, dL/dw)`. ' +
        'List them as `(0, 1)`.',
    ),
    nonScalarOutput('jnp.sum'),
    callingInsteadOfPassing('grad'),
    notUsing('argnums', /\bargnums\b/, 'One `jax.grad(loss, argnums=(0, 1))` call gives both gradients.'),
  ],
};
