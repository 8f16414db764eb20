// The commands: Check File, Compute Gradient (the CodeLens), Show Log.

import * as vscode from 'vscode';
import type { AnnotationReport, Diagnostic, FunctionInfo } from '../engine/report';
import { isPythonDocument, type Checker, type DocumentResult } from './checker';
import { labelsFor } from './decorations';
import { sampleArguments } from './inlineText';

export const CHECK_FILE = 'gradlens.checkFile';

async function findDocument(uri?: string): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isPythonDocument(doc) ? doc : undefined;
}

export async function checkFile(checker: Checker, uri?: string): Promise<DocumentResult | undefined> {
  const doc = await findDocument(uri);
  if (!doc) {
    void vscode.window.showWarningMessage('Grad Lens: open a Python file to check it.');
    return undefined;
  }
  return checker.checkNow(doc);
}

export interface ComputeResult {
  annotation?: AnnotationReport;
  diagnostics: Diagnostic[];
  /** The end-of-line label shown for the function, e.g. `∇w = 4.0  ✓`. */
  label?: string;
}

/**
 * The CodeLens command. On an annotated function it re-checks the file and shows the result; on
 * an unannotated one it first asks for sample arguments (pre-filled from the parameter names;
 * `argsText` skips the prompt, for scripted use) and inserts `# @grad <args>` above the
 * definition as one undoable edit.
 */
export async function computeGradient(
  checker: Checker,
  uri?: string,
  functionName?: string,
  argsText?: string,
): Promise<ComputeResult | undefined> {
  const doc = await findDocument(uri);
  if (!doc) return undefined;
  let result = checker.result(doc.uri) ?? (await checker.checkNow(doc));
  const fn: FunctionInfo | undefined = result?.shown.functions.find((f) => f.name === functionName) ??
    result?.shown.functions.find((f) => f.annotationLine !== undefined || f.transformed);
  if (!fn) {
    void vscode.window.showWarningMessage(`Grad Lens: no function ${functionName ?? ''} to differentiate here.`);
    return undefined;
  }
  if (fn.annotationLine === undefined) {
    const args = argsText ?? (await vscode.window.showInputBox({
      title: `Compute the gradient of ${fn.name}`,
      prompt: 'Sample arguments, as in a Python call (they become a # @grad annotation above the function)',
      value: sampleArguments(fn.params),
    }));
    if (args === undefined) return undefined;
    const line = fn.range.start.line - 1;
    const indent = /^\s*/.exec(doc.lineAt(line).text)![0];
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 0), `${indent}# @grad ${args.trim()}\n`);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  }
  result = await checker.checkNow(doc);
  if (!result) return undefined;
  const annotation = result.report.annotations.find((a) => a.function === fn.name);
  const diagnostics = result.report.diagnostics;
  const label = labelsFor(doc, result).find((l) => l.line === (result.shown.functions.find((f) => f.name === fn.name)?.line ?? 0) - 1);
  if (label) void vscode.window.setStatusBarMessage(`Grad Lens: ${fn.name}: ${label.text}`, 5000);
  else if (diagnostics.length > 0) void vscode.window.showWarningMessage(`Grad Lens: ${fn.name}: ${diagnostics[0].message}`);
  return { annotation, diagnostics, label: label?.text };
}
