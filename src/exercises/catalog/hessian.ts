// Exercise 6: the Hessian of a scalar function of two parameters, over a data set.
// f(θ) = Σᵢ exp(θ₀ + θ₁·xᵢ), so with eᵢ = exp(θ₀ + θ₁xᵢ):
// ∇f = [Σ eᵢ, Σ eᵢxᵢ] and H = [[Σ eᵢ, Σ eᵢxᵢ], [Σ eᵢxᵢ, Σ eᵢxᵢ²]].

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, matrix, vector } from '../expected';
import { callingInsteadOfPassing, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, vec } from '../values';
import { sum } from './math';

function moments({ theta, x }: Args): { s0: number; s1: number; s2: number } {
  const [a, k] = vec(theta);
  const xs = vec(x);
  const e = xs.map((xi) => Math.exp(a + k * xi));
  return { s0: sum(e), s1: sum(e.map((ei, i) => ei * xs[i])), s2: sum(e.map((ei, i) => ei * xs[i] * xs[i])) };
}

export const hessian: Exercise = {
  id: 'hessian',
  title: 'Second derivatives with jax.hessian',
  level: 2,
  summary: 'Compute the matrix of second derivatives of a scalar function.',
  statement: String.raw`The **Hessian** of a scalar function collects its second derivatives:
$H_{jk} = \partial^2 f / \partial\theta_j\,\partial\theta_k$. Newton's method and curvature
estimates need it.

For data $x_1, \dots, x_n$ and parameters $\theta = (\theta_0, \theta_1)$, let

$$f(\theta) = \sum_{i=1}^{n} e^{\theta_0 + \theta_1 x_i}$$

Write \`exp_hessian(theta, x)\` returning the $2 \times 2$ Hessian of $f$ with respect to
$\theta$, computed with \`jax.hessian\`.

At $\theta = (0, 0)$ every term is 1, so for $x = [1, 2]$ the Hessian is
$[[2, 3], [3, 5]]$ (the sums of $1$, $x_i$ and $x_i^2$). \`x\` may be an integer array.`,
  starterCode: `import jax
import jax.numpy as jnp


def exp_hessian(theta, x):
    """The 2x2 Hessian of sum(exp(theta[0] + theta[1] * x)) with respect to theta."""
    pass
`,
  entry: { name: 'exp_hessian', params: ['theta', 'x'] },
  expected: (args) => {
    const { s0, s1, s2 } = moments(args);
    return matrix([
      [s0, s1],
      [s1, s2],
    ]);
  },
  tolerance: FLOAT32_TOLERANCE,
  examples: [{ id: 'at-origin', description: 'at theta = (0, 0)', args: { theta: floats([0, 0]), x: floats([1, 2]) } }],
  hiddenTests: [
    { id: 'all-zero', description: 'zero parameters and zero data', args: { theta: floats([0, 0]), x: floats([0, 0, 0]) }, edgeCases: ['zeros'] },
    {
      id: 'negative',
      description: 'negative parameters and data',
      args: { theta: floats([-1, 0.5]), x: floats([-2, 0, 3]) },
      edgeCases: ['negative'],
    },
    { id: 'one-point', description: 'a single data point', args: { theta: floats([0.2, -0.4]), x: floats([1.5]) }, edgeCases: ['length-1'] },
    {
      id: 'thousand-points',
      description: '1000 points in [-2, 2]',
      args: { theta: floats([-0.5, 1]), x: linspace(-2, 2, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    { id: 'integer-data', description: 'x is an integer array', args: { theta: floats([0.1, -0.2]), x: ints([0, 1, 2]) }, edgeCases: ['integer-valued'] },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write $f$ as a function of `theta` that returns one number: `jnp.sum(jnp.exp(theta[0] + theta[1] * x))`.',
    '`jax.grad(f)` gives the gradient, shape `(2,)`. The Hessian is one more derivative: `jax.hessian(f)`.',
    "`jax.hessian` differentiates the first argument; its result's shape is `theta.shape + theta.shape`.",
  ],
  solution: `import jax
import jax.numpy as jnp


def f(theta, x):
    return jnp.sum(jnp.exp(theta[0] + theta[1] * x))


def exp_hessian(theta, x):
    return jax.hessian(f)(theta, x)
`,
  mistakes: [
    resultEquals(
      'gradient-not-hessian',
      'every failed result equals the gradient [Σ eᵢ, Σ eᵢxᵢ]',
      (args) => {
        const { s0, s1 } = moments(args);
        return vector([s0, s1]);
      },
      'That is the gradient (first derivatives). The Hessian differentiates once more: use ' +
        '`jax.hessian(f)`, or `jax.jacfwd(jax.grad(f))`.',
    ),
    {
      id: 'wrong-argument',
      description: 'a failed result has shape (n, n): the Hessian with respect to x',
      detect: [{ kind: 'result-shape', shape: ({ x }) => [vec(x).length, vec(x).length] }],
      feedback:
        'Your Hessian is taken with respect to `x`, not `theta`. `jax.hessian` differentiates the ' +
        'first argument by default: put `theta` first or pass `argnums=`.',
    },
    callingInsteadOfPassing('hessian'),
    notUsing('jax.hessian', /\b(hessian|jacfwd|jacrev|jacobian)\b/, '`jax.hessian` (or `jax.jacfwd(jax.jacrev(f))`) builds the matrix of second derivatives for you.'),
  ],
};
