// Exercise 2: the loss and its gradient in one pass with jax.value_and_grad.
// L(w) = mean((w·xᵢ − yᵢ)²), dL/dw = (2/n) Σᵢ (w·xᵢ − yᵢ)·xᵢ.

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar, tuple } from '../expected';
import { callingInsteadOfPassing, nonScalarOutput, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, num, pyFloat, vec } from '../values';
import { mean } from './math';

/** [L, dL/dw] for the mean squared error of y ≈ w·x. */
function lossAndGrad({ w, x, y }: Args): [number, number] {
  const xs = vec(x);
  const r = xs.map((xi, i) => num(w) * xi - vec(y)[i]);
  return [mean(r.map((ri) => ri * ri)), mean(r.map((ri, i) => 2 * ri * xs[i]))];
}

export const valueAndGrad: Exercise = {
  id: 'value_and_grad',
  title: 'Loss and gradient together',
  level: 1,
  summary: 'Get a loss value and its gradient from one call of jax.value_and_grad.',
  statement: String.raw`Training code needs both the loss (to watch it go down) and its gradient (to
take a step). \`jax.value_and_grad\` gives both from a single evaluation.

Write \`loss_and_grad(w, x, y)\` for the mean squared error of the one-parameter model
$\hat y_i = w\,x_i$:

$$L(w) = \frac{1}{n}\sum_{i=1}^{n} (w\,x_i - y_i)^2$$

Return the pair \`(L, dL/dw)\` as a tuple, in that order, computed with \`jax.value_and_grad\`.
For $w = 2$, $x = [1, 2]$, $y = [1, 3]$ both residuals are 1, so the result is \`(1.0, 3.0)\`.

\`x\` and \`y\` may be integer arrays.`,
  starterCode: `import jax
import jax.numpy as jnp


def loss_and_grad(w, x, y):
    """(mean squared error of w * x against y, its derivative with respect to w)."""
    pass
`,
  entry: { name: 'loss_and_grad', params: ['w', 'x', 'y'] },
  expected: (args) => tuple(...lossAndGrad(args).map((v) => scalar(v))),
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    { id: 'unit-residuals', description: 'both residuals equal 1', args: { w: pyFloat(2), x: floats([1, 2]), y: floats([1, 3]) } },
    { id: 'from-zero', description: 'starting from w = 0', args: { w: pyFloat(0), x: floats([1, 2, 3]), y: floats([1, 1, 1]) } },
  ],
  hiddenTests: [
    { id: 'all-zero', description: 'zero weight and zero data', args: { w: pyFloat(0), x: floats([0, 0]), y: floats([0, 0]) }, edgeCases: ['zeros'] },
    {
      id: 'negative',
      description: 'negative weight and data',
      args: { w: pyFloat(-0.5), x: floats([-1, -2, 4]), y: floats([2, -1, 0.5]) },
      edgeCases: ['negative'],
    },
    { id: 'one-point', description: 'a single data point', args: { w: pyFloat(3), x: floats([2]), y: floats([-1]) }, edgeCases: ['length-1'] },
    {
      id: 'thousand-points',
      description: '1000 points with y = -x',
      args: { w: pyFloat(0.75), x: linspace(-1, 1, 1000), y: linspace(1, -1, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-data',
      description: 'x and y are integer arrays',
      args: { w: pyFloat(1.5), x: ints([1, 2, 3]), y: ints([0, 1, 2]) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write the loss first: `def loss(w, x, y): return jnp.mean((w * x - y) ** 2)`.',
    '`jax.value_and_grad(loss)` is a function with the same parameters as `loss`. Calling it returns a tuple `(value, gradient)`.',
    'Like `jax.grad`, it differentiates with respect to the first argument, and the function must return one number (hence `jnp.mean`).',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss(w, x, y):
    return jnp.mean((w * x - y) ** 2)


def loss_and_grad(w, x, y):
    return jax.value_and_grad(loss)(w, x, y)
`,
  mistakes: [
    resultEquals(
      'sum-instead-of-mean',
      'every failed result equals (n·L, n·dL/dw): the loss was summed, not averaged',
      (args) => {
        const n = vec(args.x).length;
        return tuple(...lossAndGrad(args).map((v) => scalar(n * v)));
      },
      'Both numbers are n times too large: the loss is the *mean* of the squared residuals. ' +
        'Use `jnp.mean` instead of `jnp.sum`.',
    ),
    resultEquals(
      'swapped-pair',
      'every failed result equals (dL/dw, L)',
      (args) => tuple(...lossAndGrad(args).reverse().map((v) => scalar(v))),
      '`jax.value_and_grad` returns `(value, gradient)`: the value comes first. Return them in that order.',
    ),
    resultEquals(
      'gradient-only',
      'every failed result equals dL/dw alone',
      (args) => scalar(lossAndGrad(args)[1]),
      'You returned only the gradient. The exercise asks for the pair `(loss, gradient)`, which ' +
        '`jax.value_and_grad` gives you in one call.',
    ),
    nonScalarOutput('jnp.mean'),
    callingInsteadOfPassing('value_and_grad'),
    notUsing('jax.value_and_grad', /\bvalue_and_grad\b/, 'It gives the loss and its gradient from one evaluation of the function.'),
  ],
};
