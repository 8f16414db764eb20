// Exercise 8: a TD(0) update, where the bootstrapped target must not be differentiated.
// With v(s) = w·s and δ = r + γ·w·s' − w·s, the semi-gradient of ½δ² (target held fixed) is
// −δ·s. Differentiating through the target too would give δ·(γ·s' − s).

import { FLOAT32_TOLERANCE, LARGE_TOLERANCE, vector } from '../expected';
import { callingInsteadOfPassing, nonScalarOutput, notUsing, resultEquals } from '../mistakes';
import type { Args, Exercise } from '../types';
import { floats, ints, linspace, num, pyFloat, vec } from '../values';
import { dot } from './math';

function tdError({ w, s, r, s_next, gamma }: Args): number {
  return num(r) + num(gamma) * dot(vec(w), vec(s_next)) - dot(vec(w), vec(s));
}

export const stopGradient: Exercise = {
  id: 'stop_gradient',
  title: 'Fixed targets with stop_gradient',
  level: 2,
  summary: 'Keep part of a loss out of the derivative with jax.lax.stop_gradient.',
  statement: String.raw`In temporal-difference learning a linear value function $v(s) = w \cdot s$
is pulled toward a *target* built from its own estimate of the next state:

$$\delta = \underbrace{r + \gamma\, w \cdot s'}_{\text{target}} - w \cdot s, \qquad L(w) = \tfrac12 \delta^2$$

The target is treated as a constant: the update differentiates only the prediction $w \cdot s$.
\`jax.lax.stop_gradient(v)\` returns \`v\` unchanged but tells JAX its derivative is zero.

Write \`td_gradient(w, s, r, s_next, gamma)\` returning $\partial L / \partial w$ with the target
held fixed, computed with \`jax.grad\` and \`jax.lax.stop_gradient\`. With the target fixed the
answer is $-\delta\, s$; for $w = [1, 2]$, $s = [1, 0]$, $r = 1$, $s' = [0, 1]$, $\gamma = 0.5$,
$\delta = 1$ and the result is $[-1, 0]$.

\`s\` and \`s_next\` may be integer arrays.`,
  starterCode: `import jax
import jax.numpy as jnp


def td_gradient(w, s, r, s_next, gamma):
    """dL/dw for L = 0.5 * (r + gamma * w @ s_next - w @ s) ** 2, with the target held fixed."""
    pass
`,
  entry: { name: 'td_gradient', params: ['w', 's', 'r', 's_next', 'gamma'] },
  expected: (args) => {
    const delta = tdError(args);
    return vector(vec(args.s).map((si) => -delta * si));
  },
  tolerance: FLOAT32_TOLERANCE,
  examples: [
    {
      id: 'two-features',
      description: 'the example from the statement',
      args: { w: floats([1, 2]), s: floats([1, 0]), r: pyFloat(1), s_next: floats([0, 1]), gamma: pyFloat(0.5) },
    },
  ],
  hiddenTests: [
    {
      id: 'all-zero',
      description: 'zero weights, states and reward',
      args: { w: floats([0, 0, 0]), s: floats([0, 0, 0]), r: pyFloat(0), s_next: floats([0, 0, 0]), gamma: pyFloat(0.9) },
      edgeCases: ['zeros'],
    },
    {
      id: 'negative',
      description: 'negative weights, features and reward',
      args: { w: floats([-0.5, 1.5, -2]), s: floats([1, -1, 0.5]), r: pyFloat(-2), s_next: floats([-1, 0.5, 2]), gamma: pyFloat(0.99) },
      edgeCases: ['negative'],
    },
    {
      id: 'one-feature',
      description: 'a single feature',
      args: { w: floats([0.5]), s: floats([2]), r: pyFloat(1), s_next: floats([-1]), gamma: pyFloat(0.9) },
      edgeCases: ['length-1'],
    },
    {
      id: 'thousand-features',
      description: '1000 features',
      args: { w: linspace(-1, 1, 1000), s: linspace(0, 1, 1000), r: pyFloat(-0.5), s_next: linspace(1, 0, 1000), gamma: pyFloat(0.9) },
      edgeCases: ['large'],
      tolerance: LARGE_TOLERANCE,
    },
    {
      id: 'integer-features',
      description: 's and s_next are integer arrays',
      args: { w: floats([0.25, -0.5, 1]), s: ints([1, 0, 2]), r: pyFloat(0.5), s_next: ints([0, 1, 1]), gamma: pyFloat(0.8) },
      edgeCases: ['integer-valued'],
    },
  ],
  edgeCases: ['zeros', 'negative', 'length-1', 'large', 'integer-valued'],
  hints: [
    'Write the loss as a function of `w`: the target is `r + gamma * jnp.dot(w, s_next)`, the prediction `jnp.dot(w, s)`.',
    'Wrap only the target: `target = jax.lax.stop_gradient(r + gamma * jnp.dot(w, s_next))`. Its value is unchanged; its derivative becomes zero.',
    'Then `jax.grad(loss)(w, s, r, s_next, gamma)`. Check the example: without `stop_gradient` you would get `[-1.0, 0.5]` instead of `[-1.0, 0.0]`.',
  ],
  solution: `import jax
import jax.numpy as jnp


def td_loss(w, s, r, s_next, gamma):
    target = jax.lax.stop_gradient(r + gamma * jnp.dot(w, s_next))
    return 0.5 * (target - jnp.dot(w, s)) ** 2


def td_gradient(w, s, r, s_next, gamma):
    return jax.grad(td_loss)(w, s, r, s_next, gamma)
`,
  mistakes: [
    resultEquals(
      'target-differentiated',
      "every failed result equals δ·(γ·s' − s): the target was differentiated too",
      (args) => {
        const d = tdError(args);
        const sNext = vec(args.s_next);
        return vector(vec(args.s).map((si, i) => d * (num(args.gamma) * sNext[i] - si)));
      },
      'Your gradient also flows through the target $r + \\gamma\\, w \\cdot s\'$. Wrap the target ' +
        'in `jax.lax.stop_gradient(...)` so that only the prediction $w \\cdot s$ is differentiated.',
    ),
    resultEquals(
      'everything-stopped',
      'every failed result is zero: stop_gradient covers the prediction as well',
      (args) => vector(vec(args.s).map(() => 0)),
      'Your gradient is zero: `stop_gradient` covers the prediction too (or the whole loss). ' +
        'Apply it to the target only.',
    ),
    nonScalarOutput('jnp.sum'),
    callingInsteadOfPassing('grad'),
    notUsing('jax.lax.stop_gradient', /\bstop_gradient\b/, 'It holds the target fixed while `jax.grad` differentiates the rest.'),
  ],
};
