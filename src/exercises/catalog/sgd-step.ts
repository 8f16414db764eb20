// Exercise 10: one step of gradient descent on a linear model with dict parameters.
// L = mean((X·w + b − y)²); with r = Xw + b − y: ∇w = (2/n)·Xᵀr, ∇b = (2/n)·Σr.
// The step returns {'w': w − lr·∇w, 'b': b − lr·∇b}.

import { dict, type Expected, FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar, vector } from '../expected';
import { callingInsteadOfPassing, nonScalarOutput, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, mat, num, pyDict, pyFloat, record, vec } from '../values';
import { matTvec, matvec, sum } from './math';

interface Step {
  w: number[];
  b: number;
  gw: number[];
  gb: number;
  lr: number;
}

function gradients({ params, x, y, lr }: Args): Step {
  const p = record(params);
  const w = vec(p.w);
  const b = num(p.b);
  const X = mat(x);
  const n = X.length;
  const r = matvec(X, w).map((pi, i) => pi + b - vec(y)[i]);
  return { w, b, gw: matTvec(X, r).map((g) => (2 / n) * g), gb: (2 / n) * sum(r), lr: num(lr) };
}

/** params − sign·lr·scale·grad, as the dict the learner returns. */
function stepped(s: Step, sign: number, scale = 1): Expected {
  return dict({
    w: vector(s.w.map((wi, j) => wi - sign * s.lr * scale * s.gw[j])),
    b: scalar(s.b - sign * s.lr * scale * s.gb),
  });
}

export const sgdStep: Exercise = {
  id: 'sgd_step',
  title: 'A training step on dict parameters',
  level: 3,
  summary: 'Differentiate with respect to a pytree of parameters and take one SGD step.',
  statement: String.raw`Real models keep their parameters in containers, and \`jax.grad\` handles
them: the gradient of a function of a dict is a dict with the same keys.

A linear model has parameters \`params = {'w': w, 'b': b}\` ($w$ of shape \`(d,)\`, $b$ a number)
and predicts $\hat y = X w + b$. Its loss on inputs $X$ (shape \`(n, d)\`) and targets $y$ is

$$L(\text{params}) = \frac1n \sum_{i=1}^{n} (X_i \cdot w + b - y_i)^2$$

Write \`sgd_step(params, x, y, lr)\` that takes one step of gradient descent with learning rate
\`lr\` and returns the new parameters as a dict with the same keys:
$w \leftarrow w - \text{lr}\,\partial L/\partial w$ and $b \leftarrow b - \text{lr}\,\partial L/\partial b$.
Compute the gradient with \`jax.grad\` applied to the whole dict.

\`x\` and \`y\` may be integer arrays.`,
  starterCode: `import jax
import jax.numpy as jnp


def sgd_step(params, x, y, lr):
    """One gradient-descent step on mean((x @ params['w'] + params['b'] - y) ** 2)."""
    pass
`,
  entry: { name: 'sgd_step', params: ['params', 'x', 'y', 'lr'] },
  expected: (args) => stepped(gradients(args), 1),
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    {
      id: 'two-examples',
      description: 'two examples, two features',
      args: { params: pyDict({ w: floats([1, -1]), b: pyFloat(0) }), x: floats([[1, 2], [3, 4]]), y: floats([0, 0]), lr: pyFloat(0.1) },
    },
  ],
  hiddenTests: [
    {
      id: 'all-zero',
      description: 'zero parameters and zero data: nothing moves',
      args: { params: pyDict({ w: floats([0, 0]), b: pyFloat(0) }), x: floats([[0, 0], [0, 0]]), y: floats([0, 0]), lr: pyFloat(0.5) },
      edgeCases: ['zeros'],
    },
    {
      id: 'zero-learning-rate',
      description: 'a zero learning rate: nothing moves',
      args: { params: pyDict({ w: floats([0.5, -2]), b: pyFloat(1) }), x: floats([[1, 2], [3, 4]]), y: floats([1, -1]), lr: pyFloat(0) },
      edgeCases: ['zeros'],
    },
    {
      id: 'negative',
      description: 'negative parameters and data',
      args: {
        params: pyDict({ w: floats([-0.5, 1.5]), b: pyFloat(-1) }),
        x: floats([[-1, 2], [0.5, -3], [-2, -1]]),
        y: floats([-2, 1, -0.5]),
        lr: pyFloat(0.05),
      },
      edgeCases: ['negative'],
    },
    {
      id: 'one-example',
      description: 'one example with one feature',
      args: { params: pyDict({ w: floats([2]), b: pyFloat(0.5) }), x: floats([[3]]), y: floats([1]), lr: pyFloat(0.01) },
      edgeCases: ['length-1'],
    },
    {
      id: 'thousand-examples',
      description: '1000 examples, two features',
      args: {
        params: pyDict({ w: floats([0.3, -0.7]), b: pyFloat(0.2) }),
        x: linspace(-1, 1, 2000, [1000, 2]),
        y: linspace(-1, 1, 1000),
        lr: pyFloat(0.1),
      },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-data',
      description: 'x and y are integer arrays',
      args: { params: pyDict({ w: floats([0.5, 0.5]), b: pyFloat(0) }), x: ints([[1, 2], [2, 1], [0, 3]]), y: ints([3, 1, 2]), lr: pyFloat(0.1) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    "Write the loss as a function of the whole dict: `def loss(params, x, y): return jnp.mean((x @ params['w'] + params['b'] - y) ** 2)`.",
    "`grads = jax.grad(loss)(params, x, y)` is a dict with the same keys: `grads['w']` has the shape of `params['w']`.",
    "Build the new dict key by key: `{k: params[k] - lr * grads[k] for k in params}` (or `jax.tree_util.tree_map`).",
    'Gradient *descent* subtracts the gradient: adding it climbs the loss instead.',
  ],
  solution: `import jax
import jax.numpy as jnp


def loss(params, x, y):
    return jnp.mean((x @ params['w'] + params['b'] - y) ** 2)


def sgd_step(params, x, y, lr):
    grads = jax.grad(loss)(params, x, y)
    return {k: params[k] - lr * grads[k] for k in params}
`,
  mistakes: [
    resultEquals(
      'gradient-ascent',
      'every failed result equals params + lr·grad',
      (args) => stepped(gradients(args), -1),
      'Your step goes uphill: it adds the gradient. Gradient descent subtracts it: `params[k] - lr * grads[k]`.',
    ),
    resultEquals(
      'returned-gradients',
      'every failed result equals the gradient dict itself',
      (args) => {
        const s = gradients(args);
        return dict({ w: vector(s.gw), b: scalar(s.gb) });
      },
      'You returned the gradients. The step should return the *updated parameters*: ' +
        '`params[k] - lr * grads[k]` for each key.',
    ),
    resultEquals(
      'sum-instead-of-mean',
      'every failed result equals a step on the summed loss (n times the mean loss)',
      (args) => stepped(gradients(args), 1, mat(args.x).length),
      'The step is n times too large: the loss is the *mean* squared error, not the sum. Use `jnp.mean`.',
    ),
    nonScalarOutput('jnp.mean'),
    callingInsteadOfPassing('grad'),
    notUsing('jax.grad', /\bjax\s*\.\s*(value_and_)?grad\b|(?<![.\w])(value_and_)?grad\s*\(/, 'Apply it to the whole `params` dict: the gradient comes back as a dict with the same keys.'),
  ],
};
