// Quick fixes: each engine diagnostic's `fixes` become `CodeActionKind.QuickFix` actions whose
// workspace edit applies the fix's text edits together (one undo step); the engine's preferred
// fix is marked preferred, so "Auto Fix" and Ctrl+. pick it first.

import * as vscode from 'vscode';
import type { Checker } from './checker';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly checker: Checker) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.checker.result(doc.uri);
    // Fix ranges are offsets into the version that was checked; on any other they would be wrong.
    if (!result || result.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const engine = result.report.diagnostics.find(
        (d) => d.code === code && toRange(d.range).isEqual(diagnostic.range),
      );
      for (const fix of engine?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, toRange(e.range), e.newText);
        actions.push(action);
      }
    }
    return actions;
  }
}
