// The classic mistakes every exercise shares (DESIGN §1's four pitfalls plus "not using the
// API"), with their detectors and the feedback the learner reads. Exercise-specific mistakes
// (a gradient with respect to the wrong argument, a forgotten mean) live with the exercise.

import type { ClassicMistake, ClosedForm, EntryPoint } from './types';

/** Higher-order helpers a function may legitimately be wrapped in before it is passed. */
const WRAPPERS = 'partial|jit|vmap|grad|value_and_grad|jacfwd|jacrev|jacobian|hessian|checkpoint|custom_jvp|stop_gradient';

/** `transform(name(`: the function was called and its result passed to the transform. */
function callPassedTo(transform: string): RegExp {
  return new RegExp(String.raw`\b${transform}\s*\(\s*(?!(?:${WRAPPERS})\s*\()[A-Za-z_]\w*\s*\(`);
}

export function nonScalarOutput(reduce = 'jnp.sum'): ClassicMistake {
  return {
    id: 'non-scalar-output',
    description: "a test raised TypeError 'Gradient only defined for scalar-output functions. Output had shape ...'",
    detect: [{ kind: 'raises', errorType: 'TypeError', messageIncludes: 'Gradient only defined for scalar-output functions. Output had shape' }],
    feedback:
      'The function you differentiate returns an array, not a single number. `jax.grad` only ' +
      'differentiates functions with a scalar output, because a gradient is the derivative of ' +
      `one number. Reduce the per-element values to one with \`${reduce}(...)\` inside that ` +
      'function (or use `jax.jacobian` if you really want one derivative per output).',
  };
}

export function callingInsteadOfPassing(transform = 'grad'): ClassicMistake {
  return {
    id: 'call-instead-of-function',
    description: `a test raised TypeError 'Expected a callable value', or the code reads \`${transform}(f(...))\``,
    detect: [
      { kind: 'raises', errorType: 'TypeError', messageIncludes: 'Expected a callable value' },
      { kind: 'source-matches', pattern: callPassedTo(transform) },
    ],
    feedback:
      `\`jax.${transform}\` takes a function and gives back a new function. Writing ` +
      `\`jax.${transform}(loss(w, x))\` first calls \`loss\` and hands its *value* to ` +
      `\`jax.${transform}\`, which then has nothing to differentiate. Pass the function itself and ` +
      `call what comes back: \`jax.${transform}(loss)(w, x)\`.`,
  };
}

export function integerInput(transform = 'grad'): ClassicMistake {
  return {
    id: 'integer-input',
    description: "a test raised TypeError '... requires real- or complex-valued inputs ...'",
    detect: [{ kind: 'raises', errorType: 'TypeError', messageIncludes: 'requires real- or complex-valued inputs' }],
    feedback:
      `JAX only differentiates with respect to floating-point inputs. A Python int such as \`2\` ` +
      `becomes an int32 value, and \`jax.${transform}\` refuses it. Convert the argument before ` +
      'differentiating: `float(w)` for a number, `x.astype(jnp.float32)` for an array.',
  };
}

/** The exercise is about an API: a right answer without it does not pass. `why` says what it is for. */
export function notUsing(api: string, pattern: RegExp, why: string): ClassicMistake {
  return {
    id: 'not-using-api',
    description: `the code (comments and strings removed) never mentions \`${api}\``,
    detect: [{ kind: 'source-lacks', pattern }],
    feedback: `This exercise is about \`${api}\`, and your code does not use it. ${why} A result computed another way, even a correct one, does not count here.`,
    failsRun: true,
  };
}

/** `jax.grad(...)` or a bare `grad(...)` after `from jax import grad`. */
export const USES_GRAD = /\bjax\s*\.\s*grad\b|(?<![.\w])grad\s*\(/;

/** A result that matches a wrong closed form: feedback says which quantity it is. */
export function resultEquals(id: string, description: string, closedForm: ClosedForm, feedback: string): ClassicMistake {
  return { id, description, detect: [{ kind: 'result-equals', closedForm }], feedback };
}

/** Mistakes about the entry point itself; the runner checks them for every exercise. */
export function entryPointMistakes(entry: EntryPoint): ClassicMistake[] {
  const signature = `def ${entry.name}(${entry.params.join(', ')})`;
  return [
    {
      id: 'missing-function',
      description: `a test raised NameError "name '${entry.name}' is not defined"`,
      detect: [{ kind: 'raises', errorType: 'NameError', messageIncludes: `name '${entry.name}' is not defined` }],
      feedback: `The tests call \`${entry.name}(...)\`, but your file does not define it at the top level. Keep the line \`${signature}:\` from the starter code.`,
    },
    {
      id: 'signature-differs',
      description: `\`${entry.name}\` is defined with parameters other than (${entry.params.join(', ')})`,
      detect: [{ kind: 'signature-differs' }],
      feedback: `The tests call \`${entry.name}\` with the keyword arguments ${entry.params.map((p) => `\`${p}\``).join(', ')}. Keep the parameter names of the starter code: \`${signature}\`.`,
    },
  ];
}
