// The exercise messages between the extension host and the engine worker: the panel's "Run tests"
// sends the learner's file, the worker runs the exercise's tests on it (src/exercises/runner.ts)
// and answers with the runner's result. Like the check messages (messages.ts), each side
// validates what it receives instead of trusting a cast.

import type { RunResult } from '../exercises/runner';

export interface RunExerciseRequest {
  kind: 'runExercise';
  /** Request id, echoed back. */
  id: number;
  /** The catalog id of the exercise, `grad_of_quadratic`. */
  exerciseId: string;
  source: string;
}

export interface ExerciseResult {
  kind: 'exerciseResult';
  id: number;
  result: RunResult;
  elapsedMs: number;
}

/** The exercise is unknown or the runner threw (an engine bug, not a Python error). */
export interface ExerciseFailed {
  kind: 'exerciseFailed';
  id: number;
  message: string;
}

export type ExerciseReply = ExerciseResult | ExerciseFailed;

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const STATUSES = new Set(['passed', 'failed', 'error', 'not-run']);

function isOptionalString(x: unknown): boolean {
  return x === undefined || typeof x === 'string';
}

function isOutcome(x: unknown): boolean {
  return (
    isObj(x) &&
    typeof x.id === 'string' &&
    typeof x.description === 'string' &&
    typeof x.visible === 'boolean' &&
    typeof x.call === 'string' &&
    typeof x.status === 'string' &&
    STATUSES.has(x.status) &&
    typeof x.expected === 'string' &&
    isOptionalString(x.got) &&
    isOptionalString(x.reason)
  );
}

/** Checks the parts of a run result the panel displays. */
export function isRunResult(x: unknown): x is RunResult {
  return (
    isObj(x) &&
    typeof x.exerciseId === 'string' &&
    typeof x.passed === 'boolean' &&
    Array.isArray(x.outcomes) &&
    x.outcomes.every(isOutcome) &&
    Array.isArray(x.mistakes) &&
    x.mistakes.every((m) => isObj(m) && typeof m.id === 'string' && typeof m.feedback === 'string') &&
    Array.isArray(x.fileErrors) &&
    x.fileErrors.every((d) => isObj(d) && typeof d.message === 'string' && isObj(d.range)) &&
    isOptionalString(x.internalError)
  );
}

export function isRunExerciseRequest(x: unknown): x is RunExerciseRequest {
  return (
    isObj(x) &&
    x.kind === 'runExercise' &&
    Number.isInteger(x.id) &&
    typeof x.exerciseId === 'string' &&
    typeof x.source === 'string'
  );
}

export function isExerciseReply(x: unknown): x is ExerciseReply {
  if (!isObj(x) || !Number.isInteger(x.id)) return false;
  if (x.kind === 'exerciseResult') return isRunResult(x.result) && typeof x.elapsedMs === 'number';
  if (x.kind === 'exerciseFailed') return typeof x.message === 'string';
  return false;
}
