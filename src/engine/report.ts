// Plain-data results of checking one file: what the CLI prints as JSON and what the worker sends
// to the extension. Everything here is JSON-serialisable; positions are line (1-based) and
// column (0-based) plus absolute offsets so the extension never re-derives them.

/** A position in the source. `line` is 1-based, `column` 0-based (UTF-16 units). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A result value, encoded as `cases-public.jsonl`'s `expect` field (DESIGN §5):
 * arrays as leaves, Python scalars as `{python, value}`, containers as tuple/list/dict.
 */
export type Tree =
  | ArrayLeaf
  | Float0Leaf
  | PythonLeaf
  | { tuple: Tree[] }
  | { list: Tree[] }
  | { dict: Record<string, Tree> };

/** A number as JSON carries it: non-finite values as strings, complex as {re, im}. */
export type Scalar = number | boolean | 'nan' | 'inf' | '-inf' | { re: number | string; im: number | string };
export type NestedValue = Scalar | NestedValue[];

export interface ArrayLeaf {
  value: NestedValue;
  dtype: string;
  shape: number[];
  weak_type: boolean;
  repr: string;
}

export interface Float0Leaf {
  value: null;
  dtype: 'float0';
  shape: number[];
  container: 'numpy.ndarray';
  repr: string;
}

/** A plain Python value: float, int, bool, str, NoneType, dtype, function, ... */
export interface PythonLeaf {
  python: string;
  value: unknown;
  repr?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement: the fix for a diagnostic is a list of these, applied together. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor offers first and `gradlens check --fix` applies. */
  preferred?: boolean;
}

/** One frame of a Python traceback inside the user's file, innermost last. */
export interface Frame {
  /** Function name, or '<module>'. */
  name: string;
  range: Range;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier, documented in docs/diagnostics.md (e.g. 'non-scalar-output'). */
  code: string;
  /** The Python exception class for errors raised by the code (e.g. 'TypeError'). */
  errorType?: string;
  message: string;
  range: Range;
  /** Where the error was raised, outermost first, when it happened inside a call. */
  traceback?: Frame[];
  fixes?: Fix[];
}

export interface ExpectedCheck {
  text: string;
  ok: boolean;
}

export interface FiniteDifferenceReport {
  ok: boolean;
  maxError: number;
  /** Set when the point is a kink: the function is not differentiable there. */
  kink?: string;
}

/** The value of a top-level expression statement. */
export interface ValueReport {
  line: number;
  endLine: number;
  range: Range;
  result: Tree;
  /** `repr()` of the value, as a Python REPL echoes it. */
  repr: string;
  /** `str()` of the value as `print` would show it, for inline display. */
  text: string;
  expected?: ExpectedCheck;
  finiteDifference?: FiniteDifferenceReport;
}

export interface AnnotationReport {
  function: string;
  line: number;
  transform: string;
  range: Range;
  result?: Tree;
  text?: string;
  finiteDifference?: FiniteDifferenceReport;
}

/** A top-level `def`: where CodeLenses go and what the "Compute gradient" input box offers. */
export interface FunctionInfo {
  name: string;
  /** The `def` line (1-based) and the whole definition's range (decorators included). */
  line: number;
  range: Range;
  /** Parameter names in order, for pre-filling sample arguments. */
  params: string[];
  /** Line of its `# @grad ...` annotation comment, when it has one. */
  annotationLine?: number;
  /** The file passes it to a JAX transform somewhere (`jax.grad(f)`, `@jax.jit`, ...). */
  transformed: boolean;
}

export interface Report {
  version: 1;
  file: string;
  values: ValueReport[];
  annotations: AnnotationReport[];
  functions: FunctionInfo[];
  diagnostics: Diagnostic[];
  /** Lines printed by the code, in order. */
  output: string[];
  /** Engine log for the output channel: internal-error stacks, timings. Not shown inline. */
  log: string[];
}
