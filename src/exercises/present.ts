// What the panel and the CLI show of an exercise and of a test run. `exerciseView` is plain
// JSON (the catalog itself holds functions and regular expressions) and reveals nothing hidden:
// no hidden test inputs, no hints, no solution; those are handed out separately, one hint at a
// time and the solution after a real attempt. The text renderers are the CLI's human output.
//
// The extension host builds the panel's example table from `exampleViews` too, so this module
// must not load the engine: only a type comes from the runner (the e2e bundle check guards it).

import { expectedText } from './expected';
import type { RunResult, TestOutcome } from './runner';
import { type Args, type Exercise, LEVEL_NAMES } from './types';
import { argumentsText, materialize } from './values';

export interface ExampleView {
  id: string;
  description: string;
  /** The call as the learner would type it. */
  call: string;
  expected: string;
}

export interface ExerciseView {
  id: string;
  title: string;
  level: string;
  summary: string;
  statement: string;
  starterCode: string;
  entry: { name: string; params: string[] };
  examples: ExampleView[];
  hiddenTestCount: number;
  hintCount: number;
}

/** The visible examples: each call as typed and what it returns, from the closed form. */
export function exampleViews(exercise: Exercise): ExampleView[] {
  return exercise.examples.map((test) => {
    const args: Args = {};
    for (const [name, value] of Object.entries(test.args)) args[name] = materialize(value);
    return {
      id: test.id,
      description: test.description,
      call: `${exercise.entry.name}(${argumentsText(test.args)})`,
      expected: expectedText(exercise.expected(args)),
    };
  });
}

export function exerciseView(exercise: Exercise): ExerciseView {
  return {
    id: exercise.id,
    title: exercise.title,
    level: LEVEL_NAMES[exercise.level],
    summary: exercise.summary,
    statement: exercise.statement,
    starterCode: exercise.starterCode,
    entry: { name: exercise.entry.name, params: [...exercise.entry.params] },
    examples: exampleViews(exercise),
    hiddenTestCount: exercise.hiddenTests.length,
    hintCount: exercise.hints.length,
  };
}

/** `gradlens exercise list`: one line per exercise, with its status when known. */
export function formatList(catalog: readonly Exercise[], status: Record<string, string> = {}): string[] {
  const width = Math.max(...catalog.map((e) => e.id.length));
  return catalog.map((e, i) => {
    const mark = status[e.id] ? `  [${status[e.id]}]` : '';
    return `${String(i + 1).padStart(2)}. ${e.id.padEnd(width)}  ${e.title} (${LEVEL_NAMES[e.level]})${mark}`;
  });
}

/** `gradlens exercise show ID`: the statement, the examples and the starter code. */
export function formatExercise(exercise: Exercise): string[] {
  const view = exerciseView(exercise);
  return [
    `${view.title}  (${view.id}, ${view.level})`,
    '',
    ...view.statement.split('\n'),
    '',
    'Examples:',
    ...view.examples.flatMap((ex) => [`  ${ex.call}`, `    -> ${ex.expected}`]),
    '',
    `Plus ${view.hiddenTestCount} hidden tests. Starter code:`,
    '',
    ...view.starterCode.trimEnd().split('\n').map((line) => `    ${line}`),
  ];
}

/**
 * The first line of a failed test's reason, unless it only repeats the expected and got values
 * shown above it (a scalar mismatch); where an array differs, a shape, an exception say more.
 */
export function reasonBeyondValues(o: TestOutcome): string | undefined {
  if (!o.reason || (o.got !== undefined && /^expected \S+, got \S+$/.test(o.reason))) return undefined;
  return o.reason.split('\n')[0];
}

const MARKS = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', 'not-run': 'NOT RUN' } as const;

/** `gradlens exercise test ID FILE`: each test, then the feedback, then the verdict. */
export function formatRunResult(result: RunResult): string[] {
  const lines: string[] = [];
  if (result.internalError) lines.push(`internal error: ${result.internalError}`);
  for (const d of result.fileErrors) lines.push(`line ${d.range.start.line}: ${d.errorType ?? 'error'}: ${d.message}`);
  for (const o of result.outcomes) {
    const name = o.visible ? o.call : `hidden test '${o.id}' (${o.description})`;
    lines.push(`${MARKS[o.status].padEnd(7)} ${name}`);
    if (o.status === 'passed') continue;
    lines.push(`        expected ${o.expected}`);
    if (o.got !== undefined) lines.push(`        got      ${o.got}`);
    const reason = reasonBeyondValues(o);
    if (reason) lines.push(`        ${reason}`);
  }
  for (const m of result.mistakes) lines.push('', `* ${m.feedback}`);
  const passed = result.outcomes.filter((o) => o.status === 'passed').length;
  lines.push('', `${passed}/${result.outcomes.length} tests passed: ${result.passed ? 'exercise solved' : 'not solved yet'}`);
  return lines;
}

