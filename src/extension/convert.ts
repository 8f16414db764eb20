// Engine positions (1-based lines, 0-based UTF-16 columns) to VS Code objects. The engine's data is
// the single source of truth; this is the only place that translates it.

import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity } from '../engine/report';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column, r.end.line - 1, r.end.column);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Where each diagnostic code is explained. */
export const DIAGNOSTICS_DOC = 'https://github.com/gradlens/gradlens/blob/main/docs/diagnostics.md';

export const DIAGNOSTIC_SOURCE = 'Grad Lens';

export function toDiagnostic(d: Diagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const message = d.errorType ? `${d.errorType}: ${d.message}` : d.message;
  const out = new vscode.Diagnostic(toRange(d.range), message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Error);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = { value: d.code, target: vscode.Uri.parse(`${DIAGNOSTICS_DOC}#${d.code}`) };
  if (d.traceback && d.traceback.length > 0) {
    out.relatedInformation = d.traceback.map(
      (f) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(f.range)), `in ${f.name}`),
    );
  }
  if (/deprecat/i.test(d.code) || d.errorType === 'DeprecationWarning') out.tags = [vscode.DiagnosticTag.Deprecated];
  else if (/^unused|unreachable/.test(d.code)) out.tags = [vscode.DiagnosticTag.Unnecessary];
  return out;
}
