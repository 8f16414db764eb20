// The stable diagnostic codes and the table that classifies a runtime error into one of them.
//
// A code names *what went wrong for the user* (not which exception class JAX used), so the
// same mistake found statically (a lint) and at run time (JAX's own error) carries the same
// code, and run.ts can drop the lint when evaluation raised the same code on the same line.
// Every code is explained in docs/diagnostics.md under an anchor of the same name.

import type { PyError } from '../errors';
import type { Severity } from '../report';

/** Codes of errors raised while running the code (classifyError's range). */
export const RUNTIME_CODES = [
  'non-scalar-output',
  'integer-input',
  'integer-output',
  'call-instead-of-function',
  'argnums-out-of-range',
  'argnums-type',
  'invalid-jax-type',
  'has-aux-structure',
  'broadcasting',
  'dot-shape-mismatch',
  'in-place-update',
  'float0-arithmetic',
  'array-truth-value',
  'tracer-conversion',
  'holomorphic-dtype',
  'vmap-axes',
  'unsupported-construct',
  'outside-world',
  'budget-exceeded',
  'syntax-error',
  'python-error',
] as const;

/** Codes produced by the checks themselves (comments, annotations, finite differences). */
export const CHECK_CODES = [
  'expected-value-mismatch',
  'expected-syntax',
  'finite-difference-mismatch',
  'finite-difference-kink',
  'annotation-syntax',
  'annotation-target',
  'internal-error',
] as const;

export type RuntimeCode = (typeof RUNTIME_CODES)[number];
export type CheckCode = (typeof CHECK_CODES)[number];
export type DiagnosticCode = RuntimeCode | CheckCode;

/** Severity each check code is reported with (runtime errors are always 'error'). */
export const CHECK_SEVERITY: Readonly<Record<CheckCode, Severity>> = {
  'expected-value-mismatch': 'error',
  'expected-syntax': 'warning',
  'finite-difference-mismatch': 'warning',
  'finite-difference-kink': 'information',
  'annotation-syntax': 'error',
  'annotation-target': 'error',
  'internal-error': 'error',
};

interface Rule {
  /** The exception class, or a base class the error's class must inherit from (JAX's own classes). */
  types: readonly string[];
  /** Matched against `str(exc)`; absent = any message of those types. */
  message?: RegExp;
  /** Only when the failing source mentions this (for Python texts that are not JAX-specific). */
  sourceMentions?: RegExp;
  code: RuntimeCode;
}

const TRACER_ERRORS = [
  'ConcretizationTypeError',
  'TracerBoolConversionError',
  'TracerIntegerConversionError',
  'TracerArrayConversionError',
  'UnexpectedTracerError',
];

/** First match wins: specific texts before the catch-alls. Texts are JAX's (SEMANTICS §1). */
const RULES: readonly Rule[] = [
  { types: ['SyntaxError'], code: 'syntax-error' },
  { types: ['BudgetExceeded', 'RecursionError'], code: 'budget-exceeded' },
  { types: ['ModuleNotFoundError', 'NameError', 'ImportError'], message: /outside world/i, code: 'outside-world' },
  { types: ['NotImplementedError'], message: /^Grad Lens does not (evaluate|support)/, code: 'unsupported-construct' },
  { types: ['TypeError'], message: /^Gradient only defined for scalar-output functions/, code: 'non-scalar-output' },
  { types: ['TypeError'], message: /with holomorphic=True requires/, code: 'holomorphic-dtype' },
  { types: ['TypeError'], message: /requires real- or complex-valued inputs/, code: 'integer-input' },
  { types: ['TypeError'], message: /^jacfwd requires real-valued inputs .*but got u?(int|bool)/, code: 'integer-input' },
  { types: ['TypeError'], message: /^jacfwd requires real-valued inputs/, code: 'holomorphic-dtype' },
  { types: ['TypeError'], message: /requires real-valued outputs .*integer outputs/, code: 'integer-output' },
  { types: ['TypeError'], message: /requires real-valued outputs .*complex outputs/, code: 'holomorphic-dtype' },
  { types: ['TypeError'], message: /requires numerical-valued inputs/, code: 'invalid-jax-type' },
  { types: ['TypeError'], message: /is not a valid JAX type/, code: 'invalid-jax-type' },
  { types: ['TypeError'], message: /requires ndarray or scalar arguments, got/, code: 'invalid-jax-type' },
  { types: ['TypeError'], message: /^Expected a callable value, got /, code: 'call-instead-of-function' },
  { types: ['TypeError'], message: /^differentiating with respect to argnums=/, code: 'argnums-out-of-range' },
  { types: ['ValueError'], message: /^Positional argument indices, e\.g\. for `static_argnums`/, code: 'argnums-out-of-range' },
  { types: ['ConcretizationTypeError'], message: /expected a static index or sequence of indices/, code: 'argnums-type' },
  {
    types: ['TypeError'],
    message: /^'\w+' object (cannot be interpreted as an integer|is not iterable)$/,
    sourceMentions: /\bargnums\s*=/,
    code: 'argnums-type',
  },
  { types: ['TypeError'], message: /^expected function with aux output to return a two-element/, code: 'has-aux-structure' },
  { types: ['TypeError', 'ValueError'], message: /incompatible shapes for broadcasting|^Incompatible shapes for broadcasting/i, code: 'broadcasting' },
  { types: ['TypeError'], message: /^dot_general requires/, code: 'dot-shape-mismatch' },
  { types: ['ValueError', 'TypeError'], message: /^matmul: /, code: 'dot-shape-mismatch' },
  { types: ['TypeError'], message: /^JAX arrays are immutable and do not support in-place item assignment/, code: 'in-place-update' },
  { types: ['TypeError'], message: /float0s do not support any operations|with a float0 (array|at position)/, code: 'float0-arithmetic' },
  { types: ['ValueError'], message: /^The truth value of an (array with more than one element|empty array) is ambiguous/, code: 'array-truth-value' },
  { types: TRACER_ERRORS, code: 'tracer-conversion' },
  { types: ['TypeError', 'ValueError'], message: /^(vmap |at vmap out_axes)/, code: 'vmap-axes' },
];

/**
 * The stable code of a runtime error, from its class and `str(exc)`. `sourceText` (the text of
 * the statement that raised) disambiguates Python texts that JAX reuses, such as
 * `'str' object cannot be interpreted as an integer` for a bad `argnums`.
 */
export function classifyError(error: PyError, sourceText?: string): RuntimeCode {
  for (const rule of RULES) {
    if (!rule.types.includes(error.pyType)) continue;
    if (rule.message && !rule.message.test(error.message)) continue;
    if (rule.sourceMentions && !(sourceText !== undefined && rule.sourceMentions.test(sourceText))) continue;
    return rule.code;
  }
  return 'python-error';
}
