// One check of a whole file: parse, run every intact top-level statement in order, and gather
// what the editor and the CLI show (report.ts). A statement that raises becomes a diagnostic
// and the next statement still runs, as DESIGN §5 asks. Annotations run right after their
// `def`, so their arguments see the module as it was when the function was defined.

import { type Limits, RunContext, withRunContext } from '../context';
import type { PyError } from '../errors';
import { Interpreter, type ModuleRegistry, None, type ParsedModule, parseModule, type PyObject, pyRepr, pyStr, type TopLevelStatement } from '../interp';
import { jaxModules } from '../jax/modules';
import { toTree } from '../jax/tree';
import type { Diagnostic, Frame, Range, Report, ValueReport } from '../report';
import { type Annotation, findAnnotations } from './annotations';
import { classifyError } from './codes';
import { fixesForError } from './errorFixes';
import { checkGradCall, compareExpected, runAnnotation } from './evaluate';
import { readExpectedComment } from './expectedParse';
import { type ModuleFacts, moduleFacts } from './facts';
import { listFunctions } from './functionList';
import { lint } from './lints';

export interface RunOptions {
  fileName?: string;
  x64?: boolean;
  limits?: Partial<Limits>;
  finiteDifferences?: boolean;
  onStatement?: (range: Range) => void;
}

export function runCheck(source: string, options: RunOptions = {}): Report {
  const ctx = new RunContext({ x64: options.x64, limits: options.limits, fileName: options.fileName });
  try {
    return withRunContext(ctx, () => new FileCheck(source, options, ctx).run());
  } catch (e) {
    // Statements catch their own errors; this is an engine bug outside them (parsing, the
    // static facts, assembling the report). It becomes a diagnostic, never an exception.
    return wholeFileInternalError(options.fileName, e);
  }
}

function wholeFileInternalError(fileName: string | undefined, e: unknown): Report {
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error ? (e.stack ?? message) : message;
  const at = { line: 1, column: 0, offset: 0 };
  return {
    version: 1,
    file: fileName ?? '<string>',
    values: [],
    annotations: [],
    functions: [],
    diagnostics: [
      { severity: 'error', code: 'internal-error', errorType: 'InternalError', message: `Grad Lens internal error: ${message}`, range: { start: at, end: at } },
    ],
    output: [],
    log: [`internal error outside any statement: ${stack}`],
  };
}

class FileCheck {
  private readonly parsed: ParsedModule;
  private readonly facts: ModuleFacts;
  private readonly modules: ModuleRegistry = jaxModules();
  private readonly interp = new Interpreter({ modules: this.modules });
  private readonly report: Report;
  private readonly finiteDifferences: boolean;
  private readonly onStatement: (range: Range) => void;

  constructor(
    source: string,
    options: RunOptions,
    private readonly ctx: RunContext,
  ) {
    this.parsed = parseModule(source);
    this.facts = moduleFacts(this.parsed);
    this.finiteDifferences = options.finiteDifferences ?? true;
    this.onStatement = options.onStatement ?? (() => {});
    this.report = {
      version: 1,
      file: options.fileName ?? '<string>',
      values: [],
      annotations: [],
      functions: [],
      diagnostics: [],
      output: [],
      log: [],
    };
  }

  run(): Report {
    const { annotations, diagnostics: annotationProblems } = findAnnotations(this.parsed);
    for (const e of this.parsed.syntaxErrors) {
      this.report.diagnostics.push({ severity: 'error', code: 'syntax-error', errorType: 'SyntaxError', message: e.message, range: e.range });
    }
    this.report.diagnostics.push(...annotationProblems);
    this.parsed.statements.forEach((stmt, index) => {
      if (!stmt.intact) return;
      this.onStatement(stmt.range);
      this.runStatement(stmt);
      for (const a of annotations) {
        if (a.statementIndex !== index) continue;
        this.onStatement(a.range);
        this.ctx.startStatement();
        this.runAnnotation(a);
      }
    });
    this.report.output = this.interp.output;
    this.addLints();
    this.report.functions = listFunctions(this.parsed, annotations);
    this.report.diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return this.report;
  }

  private runStatement(stmt: TopLevelStatement): void {
    const warningsBefore = this.ctx.warnings.length;
    this.ctx.startStatement();
    const result = this.interp.runStatement(stmt);
    for (const w of this.ctx.warnings.slice(warningsBefore)) {
      this.report.diagnostics.push({ severity: 'warning', code: 'jax-warning', errorType: w.category, message: w.message, range: stmt.range });
    }
    if (!result.ok) {
      this.reportError(stmt, result.error, result.traceback, result.internal);
      return;
    }
    if (stmt.isExpression && result.value !== undefined && result.value !== None) {
      this.reportValue(stmt, result.value);
    }
  }

  private runAnnotation(a: Annotation): void {
    const { report, diagnostics } = runAnnotation(this.interp, a, {
      modules: this.modules,
      parsed: this.parsed,
      facts: this.facts,
      finiteDifferences: this.finiteDifferences,
    });
    this.report.annotations.push(report);
    this.report.diagnostics.push(...diagnostics.map((d) => this.withFixes(d)));
  }

  private reportValue(stmt: TopLevelStatement, value: PyObject): void {
    const range = stmt.range;
    const v: ValueReport = {
      line: range.start.line,
      endLine: range.end.line,
      range,
      result: toTree(value),
      repr: pyRepr(value),
      text: pyStr(value),
    };
    const comment = stmt.trailingComment;
    const expected = comment ? readExpectedComment(comment.text) : undefined;
    if (comment && expected) {
      const commentRange = this.parsed.source.lines.range(comment.span);
      if ('error' in expected) {
        this.report.diagnostics.push({ severity: 'error', code: 'expected-syntax', message: expected.error, range: commentRange });
      } else {
        const check = compareExpected(value, expected.text, this.interp);
        v.expected = { text: check.text, ok: check.ok };
        if (!check.ok) {
          const message = check.message ?? `Expected ${expected.text}, got ${v.text}`;
          this.report.diagnostics.push({ severity: 'error', code: 'expected-value-mismatch', message, range: commentRange });
        }
      }
    }
    const fd = checkGradCall(this.interp, stmt, value, this.parsed, {
      modules: this.modules,
      facts: this.facts,
      finiteDifferences: this.finiteDifferences,
    });
    if (fd.finiteDifference) v.finiteDifference = fd.finiteDifference;
    this.report.diagnostics.push(...fd.diagnostics);
    this.report.values.push(v);
  }

  private reportError(stmt: TopLevelStatement, error: PyError, traceback: Frame[], internal: unknown): void {
    if (internal !== undefined) {
      const stack = internal instanceof Error ? (internal.stack ?? internal.message) : String(internal);
      this.report.log.push(`internal error at line ${stmt.range.start.line}: ${stack}`);
    }
    const innermost = traceback[traceback.length - 1];
    const statementText = this.parsed.source.text.slice(stmt.span.from, stmt.span.to);
    const d: Diagnostic = {
      severity: 'error',
      code: internal !== undefined ? 'internal-error' : classifyError(error, statementText),
      errorType: error.pyType,
      message: error.message,
      range: innermost?.range ?? stmt.range,
    };
    if (traceback.length > 1) d.traceback = traceback;
    this.report.diagnostics.push(this.withFixes(d));
  }

  private withFixes(d: Diagnostic): Diagnostic {
    if (d.fixes && d.fixes.length > 0) return d;
    const fixes = fixesForError(d, this.parsed, { facts: this.facts });
    return fixes.length > 0 ? { ...d, fixes } : d;
  }

  /** Static lints, except where running the code already reported the same problem there. */
  private addLints(): void {
    const confirmed = this.report.diagnostics;
    const overlaps = (a: Range, b: Range) => a.start.line <= b.end.line && b.start.line <= a.end.line;
    for (const d of lint(this.parsed)) {
      const seen = confirmed.some((c) => c.code === d.code && (overlaps(c.range, d.range) || c.traceback?.some((f) => overlaps(f.range, d.range))));
      if (!seen) this.report.diagnostics.push(d);
    }
  }
}
