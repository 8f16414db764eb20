// The live checks run.ts assembles into a whole-file run (DESIGN §4):
//   lint               static lints with fixes, no evaluation
//   classifyError      runtime error → stable diagnostic code
//   fixesForError      fixes for a runtime error's diagnostic
//   findAnnotations    `# @grad ...` comments above defs
//   runAnnotation      evaluate one annotation (transform + finite differences)
//   parseExpected / compareExpected   `expr  # → 4.0` comments
//   gradCallOf / checkGradCall        finite differences for top-level `jax.grad(f)(...)` statements
//   checkGradientNumerically          the finite-difference check itself

export { lint } from './lints';
export { classifyError, RUNTIME_CODES, CHECK_CODES, CHECK_SEVERITY, type DiagnosticCode } from './codes';
export { fixesForError, type FixContext } from './errorFixes';
export { findAnnotations, type Annotation, ANNOTATION_TRANSFORMS } from './annotations';
export { parseExpected, readExpectedComment } from './expectedParse';
export { compareExpectedTree, type ExpectedResult } from './expectedCompare';
export { compareExpected, runAnnotation, gradCallOf, checkGradCall, type EvaluateOptions, type GradCall } from './evaluate';
export { checkGradientNumerically, gradientPart, type GradientCheck, type GradientCheckInput } from './numeric';
export { moduleFacts, type ModuleFacts } from './facts';
