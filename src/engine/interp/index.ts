// The Python-subset interpreter's public API, driven by the checker (check/).
//
//   const parsed = parseModule(source);
//   const interp = new Interpreter({ modules: registry });
//   for (const s of parsed.statements) if (s.intact) interp.runStatement(s);
//
// Each top-level statement runs on its own: an error is returned with its traceback and the
// next statement still runs. Printed text is collected in `interp.output` (one entry per line).
// Non-Python JS errors escaping a statement (engine bugs) are returned as an `InternalError`
// PyError with `internal` set to the original error, never thrown.

import { PyError } from '../errors';
import type { Frame } from '../report';
import { parseModule as parseSyntax, type ParsedModule, type SourceText, type TopLevelStatement } from '../syntax';
import type { Expr, Stmt } from '../syntax/ast';
import { makeBuiltins } from './builtins/functions';
import { BUILTIN_MODULES } from './builtins/modules';
import { PySuper } from './classes';
import { Evaluator } from './evaluator';
import { Completion, misplacedJump } from './expressions';
import { PyFunction } from './function';
import { Importer, type ModuleRegistry } from './imports';
import { Kwargs, None, PyModule, PyNativeFunction, PyObject, PyStr } from './object';
import { Scope } from './scope';
import { resetObjectIds } from './protocol';

export { parseModule as parseSource } from '../syntax';
export type { ParsedModule, TopLevelStatement, SourceText } from '../syntax';
export type { ModuleRegistry } from './imports';
export { PyFunction } from './function';
export * from './object';
export * from './protocol';

export function parseModule(source: string): ParsedModule {
  return parseSyntax(source);
}

export type RunResult =
  | { ok: true; value?: PyObject }
  | { ok: false; error: PyError; traceback: Frame[]; internal?: unknown };

export interface InterpreterOptions {
  modules?: ModuleRegistry;
  /** Largest printed output kept, in characters (default 1 MB). */
  maxOutputChars?: number;
}

export class Interpreter {
  readonly globals = new Map<string, PyObject>();
  private readonly evaluator: Evaluator;
  private readonly moduleScope: Scope;
  private printed = '';
  private readonly maxOutput: number;
  private currentSource: SourceText = parseSyntax('').source;

  constructor(options: InterpreterOptions = {}) {
    resetObjectIds();
    const registry = new Map<string, () => PyModule>(BUILTIN_MODULES);
    for (const [k, v] of options.modules ?? []) registry.set(k, v);
    this.maxOutput = options.maxOutputChars ?? 1_000_000;
    const builtins = makeBuiltins({
      write: (text) => this.write(text),
      currentSuper: () => this.evaluator.currentSuper(),
    });
    this.evaluator = new Evaluator(this.globals, builtins, new Importer(registry));
    this.moduleScope = new Scope(null, null, this.globals);
    this.globals.set('__name__', new PyStr('__main__'));
  }

  /** Printed lines so far; a line still open (printed with `end=''`) is the last entry. */
  get output(): string[] {
    if (this.printed === '') return [];
    const lines = this.printed.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  private write(text: string): void {
    if (this.printed.length >= this.maxOutput) return;
    this.printed += text;
    if (this.printed.length >= this.maxOutput) this.printed = this.printed.slice(0, this.maxOutput) + '\n[output truncated by Grad Lens]\n';
  }

  /** Runs one top-level statement of a parsed module (or a bare AST statement with its source). */
  runStatement(stmt: TopLevelStatement | Stmt, source?: SourceText): RunResult {
    let node: Stmt;
    if ('intact' in stmt) {
      if (!stmt.stmt) {
        // Not intact: report its SyntaxError instead of running it.
        const message = stmt.syntaxError?.message ?? 'invalid syntax';
        const range = stmt.syntaxError?.range ?? stmt.range;
        return { ok: false, error: new PyError('SyntaxError', message), traceback: [{ name: '<module>', range }] };
      }
      node = stmt.stmt;
      this.currentSource = stmt.source;
    } else {
      node = stmt;
      if (source) this.currentSource = source;
    }
    return this.guard(node.span, this.currentSource, () => {
      if (node.kind === 'Expr') return this.evaluator.eval(node.value, this.moduleScope);
      const completion = this.evaluator.exec(node, this.moduleScope);
      if (completion !== Completion.Normal) throw misplacedJump(completion);
      return undefined;
    });
  }

  /** Evaluates an expression in the module namespace (or `namespace`, a map of extra names). */
  evalExpression(text: string, namespace?: Map<string, PyObject>): PyObject {
    const parsed = parseSyntax(text);
    if (parsed.syntaxErrors.length > 0) throw new PyError('SyntaxError', parsed.syntaxErrors[0].message);
    const only = parsed.statements.length === 1 ? parsed.statements[0].stmt : null;
    if (!only || only.kind !== 'Expr') throw new PyError('SyntaxError', 'invalid syntax');
    return this.evalIn(only.value, parsed.source, namespace);
  }

  /** Parses `f(<text>)` and evaluates its arguments in the module namespace. */
  evalCallArguments(text: string): { args: PyObject[]; kwargs: Kwargs } {
    const wrapped = `__gradlens_args__(${text})`;
    const parsed = parseSyntax(wrapped);
    if (parsed.syntaxErrors.length > 0) throw new PyError('SyntaxError', parsed.syntaxErrors[0].message);
    const only = parsed.statements.length === 1 ? parsed.statements[0].stmt : null;
    if (!only || only.kind !== 'Expr' || only.value.kind !== 'Call') throw new PyError('SyntaxError', 'invalid syntax');
    let captured: { args: PyObject[]; kwargs: Kwargs } = { args: [], kwargs: new Map() };
    const collector = new PyNativeFunction('__gradlens_args__', (args, kwargs) => {
      captured = { args, kwargs };
      return None;
    });
    this.evalIn(only.value, parsed.source, new Map([['__gradlens_args__', collector]]));
    return captured;
  }

  private evalIn(expr: Expr, source: SourceText, namespace?: Map<string, PyObject>): PyObject {
    const saved = new Map<string, PyObject | undefined>();
    if (namespace) {
      for (const [k, v] of namespace) {
        saved.set(k, this.globals.get(k));
        this.globals.set(k, v);
      }
    }
    this.evaluator.pushFrame('<module>', expr.span, source);
    try {
      return this.evaluator.eval(expr, this.moduleScope);
    } catch (e) {
      throw Evaluator.asPyError(e);
    } finally {
      this.evaluator.popFrame();
      for (const [k, v] of saved) {
        if (v === undefined) this.globals.delete(k);
        else this.globals.set(k, v);
      }
    }
  }

  /** Looks up a top-level function by name (for annotations: `# @grad` above `def f`). */
  functionNamed(name: string): PyFunction | undefined {
    const v = this.globals.get(name);
    return v instanceof PyFunction ? v : undefined;
  }

  private guard(span: { from: number; to: number }, source: SourceText, run: () => PyObject | undefined): RunResult {
    this.evaluator.pushFrame('<module>', span, source);
    try {
      const value = run();
      return value === undefined ? { ok: true } : { ok: true, value };
    } catch (e0) {
      const e = Evaluator.asPyError(e0);
      if (e instanceof PyError) {
        this.evaluator.noteTraceback(e);
        return { ok: false, error: e, traceback: this.evaluator.traceback(e) };
      }
      const message = e instanceof Error ? e.message : String(e);
      const err = new PyError('InternalError', `Grad Lens internal error: ${message}`);
      return { ok: false, error: err, traceback: [], internal: e };
    } finally {
      this.evaluator.popFrame();
    }
  }
}

export { PySuper };
