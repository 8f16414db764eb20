// The exercise catalog and its test runner: what the webview panel and `gradlens exercise` use.

export { CATALOG, exerciseById, nextExercise } from './catalog';
export type { Expected, Tolerance } from './expected';
export { expectedText } from './expected';
export { allTests, buildTestSource, runExercise } from './runner';
export { exerciseView, formatExercise, formatList, formatRunResult } from './present';
export type { ExampleView, ExerciseView } from './present';
export type { CheckFn, MistakeFinding, RunResult, TestOutcome, TestStatus } from './runner';
export type { ClassicMistake, EdgeCase, EntryPoint, Exercise, ExerciseTest, Level, MistakeDetector } from './types';
export { LEVEL_NAMES } from './types';
export { argumentsText, pythonText } from './values';
export type { PyValue } from './values';
