// Runs an exercise's tests against the learner's file, shared by the webview panel and the CLI
// (`gradlens exercise test ID FILE`).
//
// How a run works:
//   1. The learner's file is run by the engine exactly as the editor runs it (`checkSource`),
//      with a few lines appended: a private import of jax.numpy, then one top-level call of the
//      entry point per test, e.g. `grad_of_quadratic(w=0.0, b=1.0, x=_gradlens_jnp.array([1.0,
//      2.0]))`. The arguments are generated from the test's data (values.ts), so they are the
//      same numbers the closed form uses. The engine reports the value of every top-level
//      expression statement, and an uncaught exception as an error diagnostic on that statement,
//      so each appended line yields a result `Tree` or a Python exception (or nothing at all
//      when the call returned None, which a REPL does not echo).
//   2. Each result is compared with the exercise's closed form within the test's tolerance
//      (compare.ts). Errors in the learner's own top-level code are collected as file errors;
//      they do not stop the tests (the engine runs every statement).
//   3. Classic mistakes are recognised (types.ts `MistakeDetector`): from the exceptions the
//      tests raised, from the values failed tests returned (a wrong closed form, a wrong shape,
//      nan), from the code with comments and strings removed, and from the entry point's
//      definition (missing, or other parameter names). Mistakes are reported only
//      when the run fails, except those marked `failsRun` (e.g. "does not use jax.grad"), which
//      are checked on every run and turn a numeric pass into a failure.
// The finite-difference check is switched off for test runs: the closed forms are the oracle.
// The engine is injected (`options.check`) so the runner can be exercised without it.

import { checkSource, type CheckOptions } from '../engine';
import { isSubclass, PyError } from '../engine/errors';
import type { Diagnostic, Report, Tree } from '../engine/report';
import { compareTree, hasNonFinite, isFiniteExpected, shapeText } from './compare';
import { type Expected, expectedText, type Tolerance } from './expected';
import { entryPointMistakes } from './mistakes';
import { codeOnly } from './source';
import type { Args, EntryPoint, Exercise, ExerciseTest, MistakeDetector } from './types';
import { argumentsText, materialize } from './values';

export type CheckFn = (source: string, options: CheckOptions) => Report;

/** The alias the appended lines import jax.numpy under, so the learner's names are untouched. */
export const TEST_JNP = '_gradlens_jnp';

export type TestStatus = 'passed' | 'failed' | 'error' | 'not-run';

export interface TestOutcome {
  id: string;
  description: string;
  visible: boolean;
  /** The call as the learner would write it: `grad_of_quadratic(w=0.0, ...)`. */
  call: string;
  status: TestStatus;
  expected: string;
  got?: string;
  /** Why it failed: a value mismatch, or the exception. */
  reason?: string;
  error?: { type: string; message: string };
}

export interface MistakeFinding {
  id: string;
  feedback: string;
}

export interface RunResult {
  exerciseId: string;
  passed: boolean;
  outcomes: TestOutcome[];
  mistakes: MistakeFinding[];
  /** Errors raised by the learner's own top-level code (not by a test call). */
  fileErrors: Diagnostic[];
  /** The engine itself failed (a bug, diagnostic code 'internal-error'): the run is not a fair verdict. */
  internalError?: string;
}

export interface TestSource {
  source: string;
  /** 1-based line of each test's call, in the order of `allTests(exercise)`. */
  testLines: number[];
  /** Lines up to this one are the learner's. */
  userLines: number;
}

export function allTests(exercise: Exercise): { test: ExerciseTest; visible: boolean }[] {
  return [
    ...exercise.examples.map((test) => ({ test, visible: true })),
    ...exercise.hiddenTests.map((test) => ({ test, visible: false })),
  ];
}

/** The learner's file plus one call per test (step 1 above). */
export function buildTestSource(exercise: Exercise, userSource: string): TestSource {
  const body = userSource.endsWith('\n') ? userSource : userSource + '\n';
  const userLines = body.split('\n').length - 1;
  const lines = [`import jax.numpy as ${TEST_JNP}`];
  const testLines: number[] = [];
  for (const { test } of allTests(exercise)) {
    testLines.push(userLines + 1 + lines.length);
    lines.push(`${exercise.entry.name}(${argumentsText(test.args, { jnp: TEST_JNP })})`);
  }
  return { source: body + lines.join('\n') + '\n', testLines, userLines };
}

export function testArgs(test: ExerciseTest): Args {
  const args: Args = {};
  for (const [name, value] of Object.entries(test.args)) args[name] = materialize(value);
  return args;
}

export function treeText(t: Tree): string {
  if ('tuple' in t) return t.tuple.length === 1 ? `(${treeText(t.tuple[0])},)` : `(${t.tuple.map(treeText).join(', ')})`;
  if ('list' in t) return `[${t.list.map(treeText).join(', ')}]`;
  if ('dict' in t) return `{${Object.entries(t.dict).map(([k, v]) => `'${k}': ${treeText(v)}`).join(', ')}}`;
  if ('python' in t) return t.repr ?? String(t.value);
  return t.repr;
}

function lineOfError(d: Diagnostic): number[] {
  return [d.range.start.line, ...(d.traceback ?? []).map((f) => f.range.start.line)];
}

interface Judged {
  outcome: TestOutcome;
  args: Args;
  expected: Expected;
  tolerance: Tolerance;
  result?: Tree;
}

export function runExercise(exercise: Exercise, userSource: string, options: { check?: CheckFn } = {}): RunResult {
  const check = options.check ?? checkSource;
  const built = buildTestSource(exercise, userSource);
  const tests = allTests(exercise);
  let report: Report;
  try {
    report = check(built.source, { fileName: `${exercise.id}.py`, finiteDifferences: false });
  } catch (e) {
    const message = e instanceof PyError ? `${e.pyType}: ${e.message}` : e instanceof Error ? e.message : String(e);
    return {
      exerciseId: exercise.id,
      passed: false,
      outcomes: tests.map(({ test, visible }) => ({
        ...baseOutcome(exercise, test, visible, exercise.expected(testArgs(test))),
        status: 'not-run' as const,
      })),
      mistakes: [],
      fileErrors: [],
      internalError: message,
    };
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const syntax = errors.find((d) => d.errorType === 'SyntaxError');
  const notRun = syntax ? `not run: fix the syntax error on line ${syntax.range.start.line} first` : undefined;
  const judged = tests.map(({ test, visible }, i) => judge(exercise, test, visible, built.testLines[i], report, errors, notRun));
  // Errors not raised by a test call come from the learner's own top-level code.
  const fileErrors = errors.filter((d) => !built.testLines.some((line) => lineOfError(d).includes(line)));
  const valuesPassed = judged.every((j) => j.outcome.status === 'passed');
  const code = codeOnly(userSource);
  const context: Evidence = { judged, code, report, entry: exercise.entry };
  const candidates = [...exercise.mistakes, ...entryPointMistakes(exercise.entry)];
  const mistakes = candidates.filter((m) => (m.failsRun || !valuesPassed) && m.detect.some((d) => fires(d, context)));
  const internal = errors.find((d) => d.code === 'internal-error');
  return {
    exerciseId: exercise.id,
    passed: valuesPassed && !mistakes.some((m) => m.failsRun),
    outcomes: judged.map((j) => j.outcome),
    mistakes: mistakes.map((m) => ({ id: m.id, feedback: m.feedback })),
    fileErrors,
    ...(internal ? { internalError: internal.message } : {}),
  };
}

const NONE: Tree = { python: 'NoneType', value: null, repr: 'None' };

function baseOutcome(exercise: Exercise, test: ExerciseTest, visible: boolean, expected: Expected): TestOutcome {
  return {
    id: test.id,
    description: test.description,
    visible,
    call: `${exercise.entry.name}(${argumentsText(test.args)})`,
    status: 'not-run',
    expected: expectedText(expected),
  };
}

function judge(
  exercise: Exercise,
  test: ExerciseTest,
  visible: boolean,
  line: number,
  report: Report,
  errors: Diagnostic[],
  notRun: string | undefined,
): Judged {
  const args = testArgs(test);
  const expected = exercise.expected(args);
  const outcome = baseOutcome(exercise, test, visible, expected);
  const tolerance = test.tolerance ?? exercise.tolerance;
  const error = errors.find((d) => lineOfError(d).includes(line));
  if (error) {
    const type = error.errorType ?? 'Error';
    outcome.status = 'error';
    outcome.error = { type, message: error.message };
    outcome.reason = `${type}: ${error.message}`;
    return { outcome, args, expected, tolerance };
  }
  const value = report.values.find((v) => v.line === line);
  if (!value && notRun) {
    outcome.reason = notRun;
    return { outcome, args, expected, tolerance };
  }
  // Like a REPL, the engine reports no value for an expression that evaluates to None: a call
  // that neither raised nor produced a value returned None (the starter's `pass`).
  const result: Tree = value?.result ?? NONE;
  outcome.got = value ? value.repr || treeText(result) : 'None';
  const comparison = compareTree(result, expected, tolerance);
  outcome.status = comparison.ok ? 'passed' : 'failed';
  if (comparison.reason) outcome.reason = comparison.reason;
  return { outcome, args, expected, tolerance, result };
}

/** What mistake detectors look at. */
interface Evidence {
  judged: Judged[];
  /** The learner's code with comments and strings blanked. */
  code: string;
  report: Report;
  entry: EntryPoint;
}

function fires(d: MistakeDetector, { judged, code, report, entry }: Evidence): boolean {
  const failedWithValue = judged.filter((j) => j.outcome.status === 'failed' && j.result !== undefined);
  switch (d.kind) {
    case 'raises':
      return judged.some(
        (j) => j.outcome.error !== undefined && isSubclass(j.outcome.error.type, d.errorType) && j.outcome.error.message.includes(d.messageIncludes),
      );
    case 'result-equals':
      return (
        failedWithValue.length > 0 &&
        failedWithValue.every((j) => compareTree(j.result as Tree, d.closedForm(j.args), j.tolerance).ok)
      );
    case 'result-shape':
      return failedWithValue.some((j) => {
        const r = j.result as Tree;
        return 'shape' in r && r.dtype !== 'float0' && shapeText(r.shape) === shapeText(d.shape(j.args));
      });
    case 'result-nonfinite':
      return failedWithValue.some((j) => hasNonFinite(j.result as Tree) && isFiniteExpected(j.expected));
    case 'source-matches':
      return d.pattern.test(code);
    case 'source-lacks':
      return !d.pattern.test(code);
    case 'signature-differs': {
      const defined = report.functions.find((f) => f.name === entry.name);
      return defined !== undefined && defined.params.join(',') !== entry.params.join(',');
    }
  }
}
