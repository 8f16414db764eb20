// Turning a finite-difference result into what the user reads: the report's
// `finiteDifference` field and, for a mismatch or a kink, a diagnostic that says what to
// suspect (a custom derivative rule first) or which convention JAX used.

import type { Diagnostic, FiniteDifferenceReport, Range } from '../report';
import { CHECK_SEVERITY } from './codes';
import type { CustomRule } from './customRules';
import type { GradientCheck } from './numeric';

/** JAX's derivative conventions at kinks (SEMANTICS §2.7), keyed by what the source mentions. */
const CONVENTIONS: readonly { mentions: RegExp; text: string }[] = [
  { mentions: /\babs(olute)?\b/, text: 'JAX takes the derivative of abs at 0 to be 1 (its rule is select(x >= 0, g, -g))' },
  { mentions: /\brelu\b/, text: "JAX's relu has derivative 0 at 0" },
  { mentions: /\b(maximum|minimum|clip)\b/, text: 'at a tie jnp.maximum and jnp.minimum (and jnp.clip at a bound) give each side half of the gradient' },
  { mentions: /\b(max|min|amax|amin)\b/, text: 'jnp.max and jnp.min share the gradient equally among tied entries' },
  { mentions: /\b(sqrt|norm)\b/, text: 'sqrt has an infinite derivative at 0 (so a norm at 0 gives nan)' },
  { mentions: /\b(floor|ceil|round|sign)\b/, text: 'step functions (floor, ceil, round, sign) have derivative 0 everywhere in JAX' },
  { mentions: /\bwhere\b/, text: 'jnp.where differentiates only the branch it selects' },
];

export function kinkConventions(sourceText: string): string {
  const found = CONVENTIONS.filter((c) => c.mentions.test(sourceText)).map((c) => c.text);
  return found.length > 0
    ? `${found.join('; ')}.`
    : 'the value JAX returns there comes from the convention of the primitive at its kink.';
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(6)).toString();
}

export interface NumericDiagnosticInput {
  check: GradientCheck;
  /** Name of the differentiated function, for the message. */
  functionName: string;
  /** Source text of the function (and what it calls) to name the conventions that apply. */
  sourceText: string;
  customRules: readonly CustomRule[];
  range: Range;
}

/** The report's field: `{ok, maxError}`, plus `kink` naming the convention at a kink. */
export function finiteDifferenceReport(input: NumericDiagnosticInput): FiniteDifferenceReport {
  const r: FiniteDifferenceReport = { ...input.check.report };
  if (input.check.sides) r.kink = kinkMessage(input);
  return r;
}

function kinkMessage(input: NumericDiagnosticInput): string {
  const { left, right } = input.check.sides!;
  return (
    `${input.functionName} is not differentiable at this point: along a random direction the one-sided ` +
    `differences disagree (left ${fmt(left)}, right ${fmt(right)}). The gradient there is a convention: ` +
    kinkConventions(input.sourceText) + nanHint(input)
  );
}

/** SEMANTICS §2.7: a nan gradient next to jnp.where is the unselected branch's 0 × inf. */
function nanHint(input: NumericDiagnosticInput): string {
  if (!Number.isNaN(input.check.worst.claimed)) return '';
  const where = /\bwhere\b/.test(input.sourceText);
  return where
    ? ' The gradient is nan: the branch jnp.where does not select is still differentiated, and 0 × inf there gives nan. Make the input safe instead: f(jnp.where(cond, x, safe_value)).'
    : ' The gradient is nan.';
}

/** A warning for a mismatch (naming a custom rule as the suspect), information for a kink. */
export function numericDiagnostic(input: NumericDiagnosticInput): Diagnostic | undefined {
  const { check } = input;
  if (check.sides) {
    return {
      severity: CHECK_SEVERITY['finite-difference-kink'],
      code: 'finite-difference-kink',
      message: kinkMessage(input),
      range: input.range,
    };
  }
  if (check.report.ok) return undefined;
  const { claimed, central } = check.worst;
  let message =
    `The gradient of ${input.functionName} disagrees with finite differences: along a random direction it gives ` +
    `${fmt(claimed)}, central differences give ${fmt(central)} (error ${fmt(check.report.maxError)}, ` +
    `tolerance ${fmt(check.tolerance)}).` + nanHint(input);
  if (input.customRules.length > 0) {
    const rules = input.customRules
      .map((r) => `the ${r.kind} rule of ${r.name}${r.registration ? ` (${r.registration})` : ''}`)
      .join(' and ');
    const what = input.customRules.some((r) => r.kind === 'custom_vjp')
      ? 'its backward function must return the cotangent of each input'
      : 'its tangent output must be the derivative of its primal output times the input tangent';
    message +=
      ` The computation goes through ${rules}: JAX uses a custom rule instead of differentiating the ` +
      `function, so the custom rule is the suspect (${what}).`;
  }
  return { severity: CHECK_SEVERITY['finite-difference-mismatch'], code: 'finite-difference-mismatch', message, range: input.range };
}
