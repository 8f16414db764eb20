// The checks that run code: applying an annotation's transform, comparing an expected-value
// comment, and the finite-difference check of a top-level `jax.grad(...)(...)` statement.
// run.ts calls these with the interpreter that ran the file so far, so names resolve in the
// module namespace as of that point.

import { PyError } from '../errors';
import {
  type Interpreter, type Kwargs, type ModuleRegistry, None, type PyObject, PyFunction, PyList, PyNativeFunction, PyTuple,
} from '../interp';
import { callObject, lookupAttr, pyStr, toPyIndex, truthy } from '../interp/protocol';
import { toTree } from '../jax/tree';
import type { AnnotationReport, Diagnostic, FiniteDifferenceReport, Range } from '../report';
import type { ParsedModule, TopLevelStatement } from '../syntax';
import type { Expr, ExprOf } from '../syntax/ast';
import type { Annotation } from './annotations';
import { classifyError } from './codes';
import { customRulesReached } from './customRules';
import { type ExpectedResult, compareExpectedTree } from './expectedCompare';
import { type ModuleFacts, moduleFacts, sourceOf } from './facts';
import { checkGradientNumerically, functionLabel, givingBackBudget, gradientPart, JACOBIANS } from './numeric';
import { finiteDifferenceReport, numericDiagnostic } from './numericReport';
import { transformSites, type TransformSite } from './sites';
import type { Node } from './walk';

export interface EvaluateOptions {
  /** The registry the interpreter imports from (the transforms are looked up in its `jax`). */
  modules: ModuleRegistry;
  /** Run the finite-difference check (default true). */
  finiteDifferences?: boolean;
  /** Facts of the parsed module, reused across calls of one run. */
  facts?: ModuleFacts;
}

/** `expr  # → 4.0`: compares a value with the comment's expected text. */
export function compareExpected(value: PyObject, expectedText: string, interp: Interpreter): ExpectedResult {
  try {
    return compareExpectedTree(toTree(value), expectedText, (text) => toTree(interp.evalExpression(text)));
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    return { text: expectedText, ok: false, message: `The expected value ${expectedText} raised ${e.pyType}: ${e.message}` };
  }
}

function errorDiagnostic(e: PyError, range: Range, sourceText: string): Diagnostic {
  return { severity: 'error', code: classifyError(e, sourceText), errorType: e.pyType, message: e.message, range };
}

/**
 * Keyword arguments naming positional parameters become positional: grad differentiates
 * positions. The names come from the annotated `def` (so a decorated function, e.g. jitted,
 * binds the same way).
 */
function positionalize(params: readonly string[], args: PyObject[], kwargs: Kwargs): { args: PyObject[]; kwargs: Kwargs } {
  const rest = new Map(kwargs);
  const out = [...args];
  for (const name of params.slice(args.length)) {
    const v = rest.get(name);
    if (!v) break;
    out.push(v);
    rest.delete(name);
  }
  return { args: out, kwargs: rest };
}

/** argnums as the transform reads it (int or sequence), normalised against `n` arguments. */
function readArgnums(options: Kwargs, n: number): number | number[] | undefined {
  const a = options.get('argnums');
  if (!a) return 0;
  const norm = (o: PyObject): number => {
    const k = Number(toPyIndex(o));
    return k < 0 ? k + n : k;
  };
  if (a instanceof PyTuple || a instanceof PyList) return a.items.map(norm);
  return norm(a);
}

/**
 * The source of the differentiated function and of the top-level defs it calls (for naming
 * kink conventions), and its body as AST roots (for finding custom rules). `name` is the
 * top-level name it was given by, which finds the def behind a decorated object (jit, custom_jvp).
 */
function functionSource(fn: PyObject, name: string | undefined, facts: ModuleFacts | undefined): { text: string; roots: Node[] } {
  const def = name !== undefined ? facts?.defs.get(name) : undefined;
  let text: string;
  let roots: Node[];
  if (fn instanceof PyFunction) {
    roots = Array.isArray(fn.body) ? [...(fn.body as Node[])] : [fn.body as Node];
    text = fn.source.text.slice(fn.span.from, fn.span.to);
  } else if (def && facts) {
    roots = [...def.body];
    text = sourceOf(facts, def);
  } else {
    return { text: functionLabel(fn), roots: [] };
  }
  if (facts) {
    for (const [other, d] of facts.defs) if (other !== name && new RegExp(`\\b${other}\\b`).test(text)) text += `\n${sourceOf(facts, d)}`;
  }
  return { text, roots };
}

interface NumericInput {
  interp: Interpreter;
  /** The top-level name of the differentiated function, when it has one. */
  name: string | undefined;
  transform: string;
  fn: PyObject;
  args: PyObject[];
  kwargs: Kwargs;
  options: Kwargs;
  result: PyObject;
  range: Range;
  facts: ModuleFacts | undefined;
}

function runNumeric(input: NumericInput): { finiteDifference?: FiniteDifferenceReport; diagnostics: Diagnostic[] } {
  const hasAux = truthyOption(input.options, 'has_aux');
  const gradient = gradientPart(input.transform, input.result, hasAux);
  const argnums = readArgnums(input.options, input.args.length);
  if (!gradient || argnums === undefined) return { diagnostics: [] };
  const kind = JACOBIANS.has(input.transform) ? 'jacobian' : 'gradient';
  const check = withSilentPrint(input.interp, () =>
    checkGradientNumerically({ fn: input.fn, args: input.args, kwargs: input.kwargs, argnums, hasAux, gradient, kind }),
  );
  if (!check) return { diagnostics: [] };
  // Only the kink and mismatch messages read the function's source and the custom rules it
  // reaches; finding those walks the whole module, so a check that agrees skips it (in a
  // large file the walk per check cost more than the probes).
  const explained = check.sides !== undefined || !check.report.ok;
  const source = explained ? functionSource(input.fn, input.name, input.facts) : { text: '', roots: [] };
  const rules = explained && input.facts ? customRulesReached(source.roots, input.name, input.facts) : [];
  const numeric = { check, functionName: input.name ?? functionLabel(input.fn), sourceText: source.text, customRules: rules, range: input.range };
  const d = numericDiagnostic(numeric);
  return { finiteDifference: finiteDifferenceReport(numeric), diagnostics: d ? [d] : [] };
}

/**
 * Runs the probe evaluations with `print` shadowed by a silent one in the module namespace, so
 * a function that prints does not print once per finite-difference evaluation.
 */
function withSilentPrint<T>(interp: Interpreter, fn: () => T): T {
  const had = interp.globals.has('print');
  const saved = interp.globals.get('print');
  interp.globals.set('print', new PyNativeFunction('print', () => None));
  try {
    return fn();
  } finally {
    if (had) interp.globals.set('print', saved!);
    else interp.globals.delete('print');
  }
}

function truthyOption(options: Kwargs, name: string): boolean {
  const v = options.get(name);
  return v !== undefined && truthy(v);
}

/**
 * Evaluates one annotation: its arguments and options in the module namespace, then the
 * transform applied to the function at those arguments, then the finite-difference check.
 */
export function runAnnotation(
  interp: Interpreter,
  a: Annotation,
  options: EvaluateOptions & { parsed?: ParsedModule },
): { report: AnnotationReport; diagnostics: Diagnostic[] } {
  const report: AnnotationReport = { function: a.functionName, line: a.line, transform: a.transform, range: a.range };
  const facts = options.facts ?? (options.parsed ? moduleFacts(options.parsed) : undefined);
  const fail = (e: unknown): { report: AnnotationReport; diagnostics: Diagnostic[] } => {
    if (!(e instanceof PyError)) throw e;
    return { report, diagnostics: [errorDiagnostic(e, a.range, `${a.optionsText} ${a.argsText}`)] };
  };
  const fn = interp.globals.get(a.functionName);
  if (!fn) {
    const message = `The @${a.transform} annotation cannot run: ${a.functionName} is not defined (did its def raise an error?)`;
    return { report, diagnostics: [{ severity: 'error', code: 'annotation-target', message, range: a.range }] };
  }
  try {
    const transform = lookupAttr(options.modules.get('jax')!(), a.transform);
    if (!transform) throw new PyError('NotImplementedError', `Grad Lens does not evaluate jax.${a.transform} yet`);
    const opts = interp.evalCallArguments(a.optionsText).kwargs;
    const raw = interp.evalCallArguments(a.argsText);
    const { args, kwargs } = positionalize(a.def.params.positional.map((p) => p.name), raw.args, raw.kwargs);
    const result = callObject(callObject(transform, [fn], opts), args, kwargs);
    report.result = toTree(result);
    report.text = pyStr(result);
    if (options.finiteDifferences === false) return { report, diagnostics: [] };
    const numeric = runNumeric({ interp, name: a.functionName, transform: a.transform, fn, args, kwargs, options: opts, result, range: a.range, facts });
    if (numeric.finiteDifference) report.finiteDifference = numeric.finiteDifference;
    return { report, diagnostics: numeric.diagnostics };
  } catch (e) {
    return fail(e);
  }
}

export interface GradCall {
  transform: string;
  site: TransformSite;
  /** The source texts of the parts (the check itself re-evaluates the site's AST nodes). */
  fnText: string;
  options: { name: string; text: string }[];
  args: string[];
  kwargs: { name: string; text: string }[];
}

/**
 * Recognises a top-level `jax.grad(f, ...)(args)` / `jax.value_and_grad(...)(...)` / `grad(f)(...)`
 * statement (after `from jax import grad`), and the Jacobian transforms (`jacfwd`, `jacrev`,
 * `jacobian`; not `hessian`, whose second derivative this check does not probe). Undefined for
 * anything else, including calls with `*args`/`**kwargs`, whose positions cannot be read off
 * the source.
 */
export function gradCallOf(stmt: TopLevelStatement, parsed: ParsedModule, facts = moduleFacts(parsed)): GradCall | undefined {
  const s = stmt.stmt;
  if (!s || s.kind !== 'Expr' || s.value.kind !== 'Call') return undefined;
  const site = transformSites([s.value], facts).find((x) => x.applied === s.value);
  if (!site || !site.fnExpr || site.transform === 'hessian') return undefined;
  const text = (e: Expr): string => sourceOf(facts, e);
  if ([...site.transformCall.args, ...site.applied!.args].some((a) => a.kind === 'star' || a.kind === 'dstar')) return undefined;
  const named = (call: typeof site.transformCall) =>
    call.args.flatMap((a) => (a.kind === 'kw' ? [{ name: a.name, text: text(a.value) }] : []));
  const transformPositional = site.transformCall.args.filter((a) => a.kind === 'pos');
  if (transformPositional.length > 1) return undefined; // argnums passed positionally: rare, not re-read
  return {
    transform: site.transform,
    site,
    fnText: text(site.fnExpr),
    options: named(site.transformCall),
    args: site.applied!.args.flatMap((a) => (a.kind === 'pos' ? [text(a.value)] : [])),
    kwargs: named(site.applied!),
  };
}

/**
 * The finite-difference check of a top-level grad-family statement whose value is `value`:
 * re-evaluates the function, options and arguments from the statement's AST nodes (top-level
 * names only change by statements, so they denote what the statement used).
 */
export function checkGradCall(
  interp: Interpreter,
  stmt: TopLevelStatement,
  value: PyObject,
  parsed: ParsedModule,
  options: Partial<EvaluateOptions> = {},
): { finiteDifference?: FiniteDifferenceReport; diagnostics: Diagnostic[] } {
  if (options.finiteDifferences === false) return { diagnostics: [] };
  const facts = options.facts ?? moduleFacts(parsed);
  const call = gradCallOf(stmt, parsed, facts);
  if (!call) return { diagnostics: [] };
  return givingBackBudget(() => reevaluateAndCheck(interp, call, value, stmt, facts));
}

function reevaluateAndCheck(
  interp: Interpreter,
  call: GradCall,
  value: PyObject,
  stmt: TopLevelStatement,
  facts: ModuleFacts,
): { finiteDifference?: FiniteDifferenceReport; diagnostics: Diagnostic[] } {
  // The statement's own AST nodes are evaluated again (no re-parse of their text), in the
  // statement's order: the function, the transform's options, then the arguments.
  const evalNode = (e: Expr): PyObject => {
    const r = interp.runStatement({ kind: 'Expr', value: e, span: e.span }, stmt.source);
    if (!r.ok) throw r.error;
    if (r.value === undefined) throw new PyError('SystemError', 'an expression gave no value');
    return r.value;
  };
  const keywords = (c: ExprOf<'Call'>): Kwargs =>
    new Map(c.args.flatMap((a) => (a.kind === 'kw' ? [[a.name, evalNode(a.value)] as const] : [])));
  try {
    const site = call.site;
    const fn = evalNode(site.fnExpr!);
    const opts = keywords(site.transformCall);
    const args = site.applied!.args.flatMap((a) => (a.kind === 'pos' ? [evalNode(a.value)] : []));
    const kwargs = keywords(site.applied!);
    const name = /^[A-Za-z_]\w*$/.test(call.fnText) ? call.fnText : undefined;
    return runNumeric({ interp, name, transform: call.transform, fn, args, kwargs, options: opts, result: value, range: stmt.range, facts });
  } catch (e) {
    if (e instanceof PyError) return { diagnostics: [] };
    throw e;
  }
}
