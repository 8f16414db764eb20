// The exercise model: everything an exercise is, as data. The webview panel, the CLI
// (`gradlens exercise ...`) and the test runner (runner.ts) all read this one shape.
//
// An exercise asks the learner to write one Python function (the entry point). Every test calls
// that function with keyword arguments built from `PyValue` data and compares the result with
// the exercise's closed form, an independent float64 formula in TypeScript evaluated on the
// same data. The engine never supplies an expected value.

import type { Expected, Tolerance } from './expected';
import type { Materialized, PyValue } from './values';

export type Level = 1 | 2 | 3;

export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  1: 'beginner',
  2: 'intermediate',
  3: 'advanced',
};

/**
 * Kinds of edge case a test exercises. An exercise promises a list of them (`edgeCases`) and
 * the catalog test checks each promise is kept by at least one hidden test.
 */
export type EdgeCase =
  | 'zeros' // all-zero parameters or data
  | 'negative' // negative values
  | 'length-1' // a length-1 (or single-row) array
  | 'large' // a 1000-element input, generated deterministically
  | 'integer-valued' // an int32 array where the exercise accepts one
  | 'integer-input' // a Python int where a float parameter is expected
  | 'kink' // a point where a formula is not differentiable as written (e.g. |x| at 0)
  | 'extreme'; // magnitudes where a naive formula overflows

/** The arguments of one test, materialised as numbers (see values.ts). */
export type Args = Record<string, Materialized>;

/** An independent float64 formula: the expected result for some arguments. */
export type ClosedForm = (args: Args) => Expected;

export interface ExerciseTest {
  /** Unique within the exercise; stable, so progress and reports can name it. */
  id: string;
  /** What the test is about, shown with its result ("length-1 input"). */
  description: string;
  /** Keyword arguments, in the entry point's parameter order. */
  args: Record<string, PyValue>;
  edgeCases?: EdgeCase[];
  /** Overrides the exercise's tolerance (e.g. wider for 1000-element float32 sums). */
  tolerance?: Tolerance;
}

/** The function the tests call: it must exist at the top level of the learner's file. */
export interface EntryPoint {
  name: string;
  params: string[];
}

/**
 * How a classic mistake shows itself. A mistake lists one or more detectors; any one that fires
 * reports it. Result-based detectors look only at tests that failed.
 */
export type MistakeDetector =
  /** A test raised this Python exception (or a subclass) with this text in its message. */
  | { kind: 'raises'; errorType: string; messageIncludes: string }
  /** Every failed test that returned a value returned this wrong closed form instead. */
  | { kind: 'result-equals'; closedForm: ClosedForm }
  /** A failed test returned an array of this shape (e.g. (n,) where () was expected). */
  | { kind: 'result-shape'; shape: (args: Args) => number[] }
  /** A failed test returned nan or inf where the expected value is finite. */
  | { kind: 'result-nonfinite' }
  /** The code (comments and strings removed) matches this pattern. */
  | { kind: 'source-matches'; pattern: RegExp }
  /** The code (comments and strings removed) does not match this pattern. */
  | { kind: 'source-lacks'; pattern: RegExp }
  /** The entry point is defined at the top level with other parameters than `entry.params`. */
  | { kind: 'signature-differs' };

export interface ClassicMistake {
  id: string;
  /** How the mistake is recognised, in words (for contributors and the docs). */
  description: string;
  detect: MistakeDetector[];
  /** What the learner reads: what went wrong, why, and how to fix it. */
  feedback: string;
  /**
   * When detected, the run fails even if every value matched: the exercise is about the API
   * (a correct number computed without `jax.grad` is not a solution to a `jax.grad` exercise).
   */
  failsRun?: boolean;
}

export interface Exercise {
  /** Stable identifier, also the CLI's name for it: `grad_of_quadratic`. */
  id: string;
  title: string;
  level: Level;
  /** One line for lists and quick picks. */
  summary: string;
  /** Markdown with `$...$` / `$$...$$` math. */
  statement: string;
  /** The file the learner starts from. */
  starterCode: string;
  entry: EntryPoint;
  /** The oracle every test is compared with. */
  expected: ClosedForm;
  tolerance: Tolerance;
  /** Tests shown in the statement (they run too). */
  examples: ExerciseTest[];
  hiddenTests: ExerciseTest[];
  /** Edge cases the hidden tests promise to cover. */
  edgeCases: EdgeCase[];
  /** Revealed one at a time, gentlest first. */
  hints: string[];
  /** A reference solution (a whole file), unlocked after a real attempt. */
  solution: string;
  mistakes: ClassicMistake[];
}
