// One check of a whole file: parse, run every intact top-level statement in order, and gather
// what the editor and the CLI show (report.ts). A statement that raises becomes a diagnostic
// and the next statement still runs, as DESIGN §5 asks.

import { type Limits, RunContext, withRunContext } from '../context';
import { PyError } from '../errors';
import { Interpreter, None, type ParsedModule, parseModule, pyRepr, pyStr, type TopLevelStatement } from '../interp';
import { jaxModules } from '../jax/modules';
import { toTree } from '../jax/tree';
import type { Diagnostic, Frame, Report, ValueReport } from '../report';
import { findAnnotations } from './annotations';
import { classifyError } from './codes';
import { fixesForError } from './errorFixes';
import { compareExpectedTree } from './expectedCompare';
import { parseExpected } from './expectedParse';
import { moduleFacts } from './facts';
import { listFunctions } from './functionList';
import { lint } from './lints';

export interface RunOptions {
  fileName?: string;
  x64?: boolean;
  limits?: Partial<Limits>;
  finiteDifferences?: boolean;
}

export function runCheck(source: string, options: RunOptions = {}): Report {
  const ctx = new RunContext({ x64: options.x64, limits: options.limits });
  return withRunContext(ctx, () => new FileCheck(source, options, ctx).run());
}

class FileCheck {
  private readonly parsed: ParsedModule;
  private readonly interp = new Interpreter({ modules: jaxModules() });
  private readonly report: Report;

  constructor(
    source: string,
    options: RunOptions,
    private readonly ctx: RunContext,
  ) {
    this.parsed = parseModule(source);
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
    for (const stmt of this.parsed.statements) {
      if (stmt.intact) this.runStatement(stmt);
    }
    this.report.output = this.interp.output;
    this.addLints();
    this.report.functions = listFunctions(this.parsed, annotations);
    this.report.diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return this.report;
  }

  private runStatement(stmt: TopLevelStatement): void {
    const warningsBefore = this.ctx.warnings.length;
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

  private reportValue(stmt: TopLevelStatement, value: Parameters<typeof pyRepr>[0]): void {
    const range = stmt.range;
    const v: ValueReport = {
      line: range.start.line,
      endLine: range.end.line,
      range,
      result: toTree(value),
      repr: pyRepr(value),
      text: pyStr(value),
    };
    const expected = stmt.trailingComment ? parseExpected(`#${stmt.trailingComment.text}`) : undefined;
    if (expected) {
      const check = compareExpectedTree(v.result, expected.text, (python) => toTree(this.interp.evalExpression(python)));
      v.expected = { text: check.text, ok: check.ok };
      if (!check.ok) {
        this.report.diagnostics.push({
          severity: 'error',
          code: 'expected-value-mismatch',
          message: check.message ?? `Expected ${expected.text}, got ${v.text}`,
          range: this.parsed.source.lines.range(stmt.trailingComment!.span),
        });
      }
    }
    this.report.values.push(v);
  }

  private reportError(stmt: TopLevelStatement, error: PyError, traceback: Frame[], internal: unknown): void {
    if (internal !== undefined) {
      const stack = internal instanceof Error ? (internal.stack ?? internal.message) : String(internal);
      this.report.log.push(`internal error at line ${stmt.range.start.line}: ${stack}`);
    }
    const innermost = traceback[traceback.length - 1];
    const d: Diagnostic = {
      severity: 'error',
      code: internal !== undefined ? 'internal-error' : classifyError(error, this.parsed.source.text),
      errorType: error.pyType,
      message: error.message,
      range: innermost?.range ?? stmt.range,
    };
    if (traceback.length > 1) d.traceback = traceback;
    const fixes = fixesForError(d, this.parsed, { facts: this.facts() });
    if (fixes.length > 0) d.fixes = fixes;
    this.report.diagnostics.push(d);
  }

  private cachedFacts: ReturnType<typeof moduleFacts> | undefined;
  private facts(): ReturnType<typeof moduleFacts> {
    return (this.cachedFacts ??= moduleFacts(this.parsed));
  }

  /** Static lints, except where running the code already reported the same problem. */
  private addLints(): void {
    const confirmed = new Set(this.report.diagnostics.map((d) => `${d.code}@${d.range.start.line}`));
    for (const d of lint(this.parsed)) {
      if (!confirmed.has(`${d.code}@${d.range.start.line}`)) this.report.diagnostics.push(d);
    }
  }
}
