// Exercise 9: a numerically stable softplus with its own derivative rule (jax.custom_jvp).
// softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|); softplus'(x) = sigmoid(x).
// The tests call a provided helper returning (Σ softplus(xᵢ), [sigmoid(xᵢ)]).
// Two naive versions fail in characteristic ways: log1p(exp(x)) overflows to inf (and its
// derivative to nan) for large x; autodiff through max(x, 0) + log1p(exp(-|x|)) gives 0 at x = 0,
// because JAX splits max's derivative ½/½ at the tie and takes d|x|/dx = 1 there (SEMANTICS §2.7).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, scalar, tuple, vector } from '../expected';
import { notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, linspace, vec } from '../values';
import { sigmoid, softplus, sum } from './math';

/** The derivative autodiff finds for max(x, 0) + log1p(exp(−|x|)), with JAX's kink conventions. */
function autodiffOfStableFormula(x: number): number {
  const dMax = x > 0 ? 1 : x === 0 ? 0.5 : 0;
  const dAbs = x >= 0 ? 1 : -1;
  const e = Math.exp(-Math.abs(x));
  return dMax - (e / (1 + e)) * dAbs;
}

const STARTER = `import jax
import jax.numpy as jnp


@jax.custom_jvp
def softplus(x):
    """log(1 + exp(x)), without overflow for large x."""
    pass


@softplus.defjvp
def softplus_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    # Return (softplus(x), derivative of softplus at x, times x_dot).
    pass


def softplus_value_and_grad(x):
    """The tests call this: (sum of softplus(x), its gradient). You do not need to change it."""
    return jax.value_and_grad(lambda v: jnp.sum(softplus(v)))(x)
`;

export const customJvp: Exercise = {
  id: 'custom_jvp',
  title: 'A stable softplus with custom_jvp',
  level: 3,
  summary: 'Give a numerically delicate function its own derivative rule with jax.custom_jvp.',
  statement: String.raw`The softplus function $\operatorname{softplus}(x) = \log(1 + e^x)$ is a smooth
version of $\max(x, 0)$. Its derivative is the logistic sigmoid $\sigma(x) = 1 / (1 + e^{-x})$.

Written directly as \`jnp.log1p(jnp.exp(x))\` it breaks for large $x$: in float32 $e^{100}$ is
\`inf\`, so the value is \`inf\` and the derivative \`nan\`. The rewriting
$\max(x, 0) + \log(1 + e^{-|x|})$ has no overflow, but differentiating *it* by autodiff goes wrong
exactly at $x = 0$, where $\max$ and $|\cdot|$ have kinks: JAX's conventions there give $0$
instead of $\sigma(0) = \tfrac12$.

Fix both with \`jax.custom_jvp\`: compute the value with the stable formula, and supply the
derivative yourself with \`@softplus.defjvp\`. The JVP rule receives \`(x,)\` and \`(x_dot,)\` and
returns \`(softplus(x), sigmoid(x) * x_dot)\`.

The tests call the provided \`softplus_value_and_grad(x)\`, which returns
$\big(\sum_i \operatorname{softplus}(x_i),\ [\sigma(x_1), \dots, \sigma(x_n)]\big)$.
For $x = [0]$ that is $(\log 2, [0.5]) \approx (0.693147, [0.5])$.`,
  starterCode: STARTER,
  entry: { name: 'softplus_value_and_grad', params: ['x'] },
  expected: ({ x }) => {
    const xs = vec(x);
    return tuple(scalar(sum(xs.map(softplus))), vector(xs.map(sigmoid)));
  },
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    { id: 'at-zero', description: 'the kink of the stable formula', args: { x: floats([0]) }, edgeCases: ['kink', 'zeros', 'length-1'] },
    { id: 'moderate', description: 'moderate values', args: { x: floats([-1, 1, 2]) }, edgeCases: ['negative'] },
  ],
  hiddenTests: [
    { id: 'zeros', description: 'several zeros', args: { x: floats([0, 0, 0]) }, edgeCases: ['zeros', 'kink'] },
    { id: 'negative', description: 'negative values', args: { x: floats([-3, -0.5]) }, edgeCases: ['negative'] },
    {
      id: 'extreme',
      description: 'values where exp overflows float32',
      args: { x: floats([-100, 100]) },
      edgeCases: ['extreme', 'negative'],
    },
    { id: 'one-large', description: 'one large value', args: { x: floats([90]) }, edgeCases: ['length-1', 'extreme'] },
    {
      id: 'thousand-values',
      description: '1000 values in [-50, 50]',
      args: { x: linspace(-50, 50, 1000) },
      edgeCases: ['large', 'extreme'],
      tolerance: LARGE_TOLERANCE,
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'kink', 'extreme'],
  hints: [
    'The value: `jnp.maximum(x, 0.0) + jnp.log1p(jnp.exp(-jnp.abs(x)))`. It never exponentiates a large positive number.',
    'The derivative: `jax.nn.sigmoid(x)`, or `1 / (1 + jnp.exp(-x))`, which is safe: for very negative x it gives 1/inf = 0.',
    'In the JVP rule, return `softplus(x), jax.nn.sigmoid(x) * x_dot`: the tangent output is the derivative times the input tangent.',
  ],
  solution: `import jax
import jax.numpy as jnp


@jax.custom_jvp
def softplus(x):
    return jnp.maximum(x, 0.0) + jnp.log1p(jnp.exp(-jnp.abs(x)))


@softplus.defjvp
def softplus_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    return softplus(x), jax.nn.sigmoid(x) * x_dot


def softplus_value_and_grad(x):
    return jax.value_and_grad(lambda v: jnp.sum(softplus(v)))(x)
`,
  mistakes: [
    {
      id: 'overflow',
      description: 'a failed result holds inf or nan where the expected value is finite',
      detect: [{ kind: 'result-nonfinite' }],
      feedback:
        'Some results are `inf` or `nan`: `jnp.exp(x)` overflows float32 once $x$ is above about 88. ' +
        'Compute the value as `jnp.maximum(x, 0.0) + jnp.log1p(jnp.exp(-jnp.abs(x)))`. (A ' +
        '`jnp.where` that picks a safe branch is not enough: the derivative of the unsafe branch ' +
        'is still computed, and 0 · nan is nan.)',
    },
    resultEquals(
      'kink-at-zero',
      'every failed result equals what autodiff of max(x, 0) + log1p(exp(−|x|)) gives: 0 at x = 0',
      ({ x }: Args) => {
        const xs = vec(x);
        return tuple(scalar(sum(xs.map(softplus))), vector(xs.map(autodiffOfStableFormula)));
      },
      'At $x = 0$ your derivative is 0, not 0.5. That is autodiff through $\\max(x, 0)$ and ' +
        '$|x|$, which have kinks at 0 (JAX gives ½ for the tie in max and 1 for |x|, and they ' +
        'cancel). The JVP rule must supply the true derivative, `jax.nn.sigmoid(x) * x_dot`.',
    ),
    notUsing('jax.custom_jvp with a defjvp rule', /^(?=[\s\S]*\bcustom_jvp\b)(?=[\s\S]*\.defjvp\b)/, 'The point is to attach your own derivative rule with `@jax.custom_jvp` and `@softplus.defjvp`.'),
  ],
};
