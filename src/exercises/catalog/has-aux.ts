// Exercise 4: returning auxiliary data (the predictions) next to the loss with has_aux=True.
// pᵢ = tanh(w·xᵢ), L = mean((pᵢ − yᵢ)²), dL/dw = mean(2(pᵢ − yᵢ)(1 − pᵢ²)·xᵢ).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar, tuple, vector } from '../expected';
import { callingInsteadOfPassing, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, num, pyFloat, vec } from '../values';
import { mean } from './math';

function tanhModel({ w, x, y }: Args): { loss: number; grad: number; preds: number[] } {
  const xs = vec(x);
  const ys = vec(y);
  const preds = xs.map((xi) => Math.tanh(num(w) * xi));
  return {
    loss: mean(preds.map((p, i) => (p - ys[i]) ** 2)),
    grad: mean(preds.map((p, i) => 2 * (p - ys[i]) * (1 - p * p) * xs[i])),
    preds,
  };
}

export const hasAux: Exercise = {
  id: 'has_aux',
  title: 'Auxiliary outputs with has_aux',
  level: 2,
  summary: 'Return extra values (the predictions) alongside a loss without differentiating them.',
  statement: String.raw`Often the loss function computes something else worth keeping: predictions,
accuracy, intermediate activations. With \`has_aux=True\`, the function you differentiate returns a
pair \`(loss, aux)\`; \`jax.grad\` differentiates only the loss and hands \`aux\` back untouched.

For the model $p_i = \tanh(w\,x_i)$ with loss

$$L(w) = \frac1n \sum_{i=1}^{n} (p_i - y_i)^2$$

write \`grad_with_predictions(w, x, y)\` returning the tuple \`(dL/dw, p)\`, where \`p\` is the
array of predictions, both from **one** \`jax.grad(..., has_aux=True)\` call.

At $w = 0$ every prediction is 0, so for $x = [1, 2]$, $y = [1, -1]$ the result is
\`(1.0, [0.0, 0.0])\`. \`x\` may be an integer array.`,
  starterCode: `import jax
import jax.numpy as jnp


def grad_with_predictions(w, x, y):
    """(dL/dw, predictions) for p = tanh(w * x), L = mean((p - y) ** 2), using has_aux=True."""
    pass
`,
  entry: { name: 'grad_with_predictions', params: ['w', 'x', 'y'] },
  expected: (args) => {
    const { grad, preds } = tanhModel(args);
    return tuple(scalar(grad), vector(preds));
  },
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    { id: 'from-zero', description: 'at w = 0 the predictions are all zero', args: { w: pyFloat(0), x: floats([1, 2]), y: floats([1, -1]) } },
    { id: 'positive', description: 'a positive weight', args: { w: pyFloat(0.5), x: floats([1, 2, 3]), y: floats([0.5, 0.5, 1]) } },
  ],
  hiddenTests: [
    { id: 'all-zero', description: 'zero weight and zero data', args: { w: pyFloat(0), x: floats([0, 0]), y: floats([0, 0]) }, edgeCases: ['zeros'] },
    {
      id: 'negative',
      description: 'negative weight and data',
      args: { w: pyFloat(-0.75), x: floats([-2, -0.5, 1.5]), y: floats([-1, 0.25, -0.5]) },
      edgeCases: ['negative'],
    },
    { id: 'one-point', description: 'a single data point', args: { w: pyFloat(1.25), x: floats([0.8]), y: floats([0.3]) }, edgeCases: ['length-1'] },
    {
      id: 'thousand-points',
      description: '1000 points',
      args: { w: pyFloat(1.5), x: linspace(-2, 2, 1000), y: linspace(-1, 1, 1000) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-data',
      description: 'x is an integer array',
      args: { w: pyFloat(0.3), x: ints([-2, -1, 0, 1, 2]), y: floats([-0.5, -0.25, 0, 0.25, 0.5]) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Make the loss return two things: `return jnp.mean((p - y) ** 2), p` where `p = jnp.tanh(w * x)`.',
    'Without `has_aux=True`, `jax.grad` sees a tuple output and complains that the output is not a scalar.',
    'With `has_aux=True`, `jax.grad(loss, has_aux=True)(w, x, y)` returns `(gradient, aux)`: exactly the pair to return.',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss_with_predictions(w, x, y):
    p = jnp.tanh(w * x)
    return jnp.mean((p - y) ** 2), p


def grad_with_predictions(w, x, y):
    return jax.grad(loss_with_predictions, has_aux=True)(w, x, y)
`,
  mistakes: [
    {
      id: 'missing-has-aux',
      description: "a test raised TypeError 'Gradient only defined for scalar-output functions. Output was (...)'",
      detect: [{ kind: 'raises', errorType: 'TypeError', messageIncludes: 'Gradient only defined for scalar-output functions. Output was' }],
      feedback:
        'Your loss returns a pair, so `jax.grad` sees a tuple where it needs one number. Tell it ' +
        'the second element is auxiliary data: `jax.grad(loss, has_aux=True)`. It then returns `(gradient, aux)`.',
    },
    {
      id: 'aux-not-a-pair',
      description: "a test raised TypeError 'expected function with aux output to return a two-element tuple'",
      detect: [{ kind: 'raises', errorType: 'TypeError', messageIncludes: 'expected function with aux output to return a two-element tuple' }],
      feedback:
        'With `has_aux=True` the function must return exactly two things: `(loss, aux)`. Pack ' +
        'several auxiliary values into one tuple or dict: `return loss, (p, other)`.',
    },
    resultEquals(
      'swapped-pair',
      'every failed result equals (predictions, dL/dw)',
      (args) => {
        const { grad, preds } = tanhModel(args);
        return tuple(vector(preds), scalar(grad));
      },
      '`jax.grad(..., has_aux=True)` returns `(gradient, aux)`: the gradient comes first.',
    ),
    resultEquals(
      'loss-as-aux',
      'every failed result equals (dL/dw, L)',
      (args) => {
        const { grad, loss } = tanhModel(args);
        return tuple(scalar(grad), scalar(loss));
      },
      'Your auxiliary output is the loss itself. The exercise asks for the predictions $p$: ' +
        'return `loss, p` from the function you differentiate.',
    ),
    callingInsteadOfPassing('grad'),
    notUsing('has_aux=True', /\bhas_aux\b/, 'It lets the function you differentiate hand back the predictions next to the loss.'),
  ],
};
