// Exercise 1 (DESIGN §1): d/dw Σᵢ (w·xᵢ + b)² with jax.grad, with respect to w only.
// Closed form: Σᵢ 2(w·xᵢ + b)·xᵢ. DESIGN's facts: 6.0 at (0, 1, [1, 2]); 30.0 at (1, 2, [3]).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar } from '../expected';
import { callingInsteadOfPassing, integerInput, nonScalarOutput, notUsing, resultEquals, USES_GRAD } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, num, pyFloat, pyInt, vec } from '../values';
import { sum } from './math';

/** d/dw Σᵢ (w·xᵢ + b)². */
export function quadraticGradW({ w, b, x }: Args): number {
  return sum(vec(x).map((xi) => 2 * (num(w) * xi + num(b)) * xi));
}

/** d/db Σᵢ (w·xᵢ + b)²: what comes out when the wrong argument is differentiated. */
function quadraticGradB({ w, b, x }: Args): number {
  return sum(vec(x).map((xi) => 2 * (num(w) * xi + num(b))));
}

export const gradOfQuadratic: Exercise = {
  id: 'grad_of_quadratic',
  title: 'Gradient of a quadratic loss',
  level: 1,
  summary: 'Differentiate a summed squared loss with jax.grad, with respect to one argument.',
  statement: String.raw`Write \`grad_of_quadratic(w, b, x)\`. It returns the derivative of

$$L(w, b, x) = \sum_i (w\,x_i + b)^2$$

with respect to $w$ only, at the given point. Here $w$ and $b$ are numbers and $x$ is a 1-D array.

Let JAX do the calculus: write $L$ as an ordinary Python function that returns one number, turn it
into its derivative with \`jax.grad\`, and call that derivative at $(w, b, x)$. You can check a
result by hand: the derivative is $\sum_i 2(w\,x_i + b)\,x_i$, so $w = 0$, $b = 1$,
$x = [1, 2]$ gives $2\cdot 1\cdot 1 + 2\cdot 1\cdot 2 = 6$.

The tests sometimes pass \`w\` as a Python int such as \`2\`, and sometimes \`x\` as an integer
array. The result must still be the (floating-point) derivative.`,
  starterCode: `import jax
import jax.numpy as jnp


def grad_of_quadratic(w, b, x):
    """The derivative of sum((w * x + b) ** 2) with respect to w, computed with jax.grad."""
    # 1. Write the loss as a function of w, b and x that returns a single number.
    # 2. Differentiate it with respect to w and evaluate the result at (w, b, x).
    pass
`,
  entry: { name: 'grad_of_quadratic', params: ['w', 'b', 'x'] },
  expected: (args) => scalar(quadraticGradW(args)),
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    { id: 'two-points', description: 'the worked example', args: { w: pyFloat(0), b: pyFloat(1), x: floats([1, 2]) } },
    {
      id: 'one-point',
      description: 'a single data point',
      args: { w: pyFloat(1), b: pyFloat(2), x: floats([3]) },
      edgeCases: ['length-1'],
    },
  ],
  hiddenTests: [
    { id: 'all-zero', description: 'zero parameters and zero data', args: { w: pyFloat(0), b: pyFloat(0), x: floats([0, 0, 0]) }, edgeCases: ['zeros'] },
    {
      id: 'negative',
      description: 'negative parameters and data',
      args: { w: pyFloat(-1.5), b: pyFloat(0.5), x: floats([-2, 1, 3]) },
      edgeCases: ['negative'],
    },
    {
      id: 'one-negative-point',
      description: 'a single negative data point',
      args: { w: pyFloat(0.5), b: pyFloat(-3), x: floats([-4]) },
      edgeCases: ['length-1', 'negative'],
    },
    {
      id: 'thousand-points',
      description: '1000 evenly spaced points in [-1, 1]',
      args: { w: pyFloat(0.5), b: pyFloat(-0.25), x: linspace(-1, 1, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-data',
      description: 'x is an integer array',
      args: { w: pyFloat(2), b: pyFloat(1), x: ints([1, 2, 3]) },
      edgeCases: ['integer-valued'],
    },
    {
      id: 'integer-w',
      description: 'w is a Python int',
      args: { w: pyInt(2), b: pyFloat(1), x: floats([1, -1]) },
      edgeCases: ['integer-input'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued', 'integer-input'],
  hints: [
    'Start with the loss alone: `def loss(w, b, x): return jnp.sum((w * x + b) ** 2)`. Check that `loss(0.0, 1.0, jnp.array([1.0, 2.0]))` is 2.0: each term is (0·x + 1)² = 1.',
    '`jax.grad(loss)` is a new function with the same parameters as `loss` that returns the derivative. Pass the function itself: `jax.grad(loss)`, not `jax.grad(loss(w, b, x))`.',
    '`jax.grad` differentiates with respect to the first positional argument (`argnums=0` by default). Keep `w` first, or say `argnums=0` explicitly.',
    'The function you differentiate must return a single number: without `jnp.sum`, JAX refuses with "Gradient only defined for scalar-output functions".',
    'JAX does not differentiate with respect to integers. When `w` arrives as `2`, convert it first: `jax.grad(loss)(float(w), b, x)`.',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    # float(w): jax.grad refuses an integer w, so make it a float first.
    return jax.grad(loss)(float(w), b, x)
`,
  mistakes: [
    resultEquals(
      'wrong-argument',
      'every failed result equals the derivative with respect to b, Σᵢ 2(w·xᵢ + b)',
      (args) => scalar(quadraticGradB(args)),
      'Your result is the derivative with respect to `b`, not `w`. `jax.grad` differentiates with ' +
        'respect to the first positional argument unless told otherwise (`argnums=0`). Put `w` ' +
        "first in your loss's parameters, or pass `argnums=` the position of `w`.",
    ),
    {
      id: 'per-element-derivatives',
      description: 'a failed result has shape (n,) instead of ()',
      detect: [{ kind: 'result-shape', shape: ({ x }) => [vec(x).length] }],
      feedback:
        'Your result has one entry per element of `x`: the derivatives of the separate terms ' +
        '$(w x_i + b)^2$. The loss is their sum, so its derivative is one number: sum the terms ' +
        'inside the function you give `jax.grad`.',
    },
    nonScalarOutput('jnp.sum'),
    callingInsteadOfPassing('grad'),
    integerInput('grad'),
    notUsing('jax.grad', USES_GRAD, 'Let JAX derive the derivative instead of working it out by hand.'),
  ],
};

