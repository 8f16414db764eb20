// Exercise 5: the Jacobian of a vector-valued model with respect to its two parameters.
// yᵢ(θ) = θ₀·exp(−θ₁·tᵢ), so Jᵢ = [exp(−θ₁tᵢ), −θ₀·tᵢ·exp(−θ₁tᵢ)], shape (n, 2).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, matrix } from '../expected';
import { callingInsteadOfPassing, notUsing } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, vec } from '../values';

function decayJacobian({ theta, t }: Args): number[][] {
  const [a, k] = vec(theta);
  return vec(t).map((ti) => {
    const e = Math.exp(-k * ti);
    return [e, -a * ti * e];
  });
}

export const jacobian: Exercise = {
  id: 'jacobian',
  title: 'Jacobian of a vector function',
  level: 2,
  summary: 'Differentiate a function with many outputs using jax.jacobian.',
  statement: String.raw`\`jax.grad\` needs a function with one output. A model that predicts a whole
curve has many outputs, and its derivative is a matrix: the **Jacobian**, with one row per output
and one column per input.

An exponential decay with amplitude $\theta_0$ and rate $\theta_1$, sampled at times $t_i$, is

$$y_i(\theta) = \theta_0\, e^{-\theta_1 t_i}$$

Write \`decay_jacobian(theta, t)\` returning $J_{ij} = \partial y_i / \partial \theta_j$, an array of
shape \`(n, 2)\` for \`n\` times, computed with \`jax.jacobian\` (or \`jax.jacfwd\` / \`jax.jacrev\`).

For $\theta = (2, 0)$ and $t = [0, 1, 2]$ the curve is flat at 2, and
$J = [[1, 0], [1, -2], [1, -4]]$. \`t\` may be an integer array.`,
  starterCode: `import jax
import jax.numpy as jnp


def decay_jacobian(theta, t):
    """d y_i / d theta_j for y = theta[0] * exp(-theta[1] * t); shape (len(t), 2)."""
    pass
`,
  entry: { name: 'decay_jacobian', params: ['theta', 't'] },
  expected: (args) => matrix(decayJacobian(args)),
  tolerance: FLOAT32_TOLERANCE,
  examples: [{ id: 'flat-curve', description: 'a zero rate: a flat curve', args: { theta: floats([2, 0]), t: floats([0, 1, 2]) } }],
  hiddenTests: [
    { id: 'all-zero', description: 'zero parameters', args: { theta: floats([0, 0]), t: floats([0, 1, 2]) }, edgeCases: ['zeros'] },
    {
      id: 'negative',
      description: 'a negative rate and negative times',
      args: { theta: floats([1.5, -0.5]), t: floats([-2, -1, 3]) },
      edgeCases: ['negative'],
    },
    { id: 'one-time', description: 'a single time', args: { theta: floats([3, 0.4]), t: floats([0.5]) }, edgeCases: ['length-1'] },
    {
      id: 'thousand-times',
      description: '1000 times in [0, 5]',
      args: { theta: floats([1, 0.7]), t: linspace(0, 5, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    { id: 'integer-times', description: 't is an integer array', args: { theta: floats([2, 0.5]), t: ints([0, 1, 2, 3]) }, edgeCases: ['integer-valued'] },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write the model as a function of `theta` first: `def curve(theta, t): return theta[0] * jnp.exp(-theta[1] * t)`.',
    '`jax.grad(curve)` fails here: the output is a vector, not one number. `jax.jacobian` handles vector outputs.',
    "The Jacobian's shape is the output's shape followed by the input's shape: `(n,) + (2,)`.",
    '`jax.jacobian` is reverse mode (one pass per output, here n of them). With 2 inputs and n outputs, forward mode `jax.jacfwd` needs only 2 passes: same matrix, less work.',
  ],
  solution: `import jax
import jax.numpy as jnp


def curve(theta, t):
    return theta[0] * jnp.exp(-theta[1] * t)


def decay_jacobian(theta, t):
    # Two inputs, many outputs: forward mode costs one sweep per input.
    return jax.jacfwd(curve)(theta, t)
`,
  mistakes: [
    {
      id: 'grad-of-vector-function',
      description: "a test raised TypeError 'Gradient only defined for scalar-output functions. Output had shape'",
      detect: [{ kind: 'raises', errorType: 'TypeError', messageIncludes: 'Gradient only defined for scalar-output functions. Output had shape' }],
      feedback:
        '`jax.grad` only differentiates functions that return one number. This model returns one ' +
        'value per time, so its derivative is a matrix: use `jax.jacobian` (or `jax.jacfwd`).',
    },
    {
      id: 'transposed',
      description: 'a failed result has shape (2, n) instead of (n, 2)',
      detect: [{ kind: 'result-shape', shape: ({ t }) => [2, vec(t).length] }],
      feedback:
        'Your matrix is transposed: a Jacobian has one row per output ($y_i$) and one column per ' +
        'input ($\\theta_j$). `jax.jacobian(curve)(theta, t)` already has that layout.',
    },
    {
      id: 'wrong-argument',
      description: 'a failed result has shape (n, n): the derivative with respect to t',
      detect: [{ kind: 'result-shape', shape: ({ t }) => [vec(t).length, vec(t).length] }],
      feedback:
        'Your Jacobian is taken with respect to `t`, not `theta`. `jax.jacobian` differentiates the ' +
        'first argument by default; put `theta` first or pass `argnums=`.',
    },
    callingInsteadOfPassing('jacobian'),
    notUsing('jax.jacobian', /\b(jacobian|jacfwd|jacrev)\b/, '`jax.jacobian` (or `jax.jacfwd` / `jax.jacrev`) builds the whole matrix from the model function.'),
  ],
};
