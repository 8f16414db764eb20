// Shared helpers of the extension-host suites: the extension's test API, workspace files,
// settings changes that are undone after each test, and polling for asynchronous UI state.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GradLensApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'gradlens.gradlens';

export async function gradLens(): Promise<GradLensApi> {
  const ext = vscode.extensions.getExtension<GradLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (the harness opens one with the example files)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Closes every editor, discarding unsaved changes, so each suite starts from the files on disk. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.path.endsWith('.py'))) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sets a `gradlens.*` setting for the rest of the test; returns the function that restores it. */
export async function setting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('gradlens');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('gradlens').update(key, before, vscode.ConfigurationTarget.Global);
  };
}

export function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Grad Lens');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Replaces the first occurrence of `from` on 0-based `line` with `to`. */
export async function replaceOnLine(editor: vscode.TextEditor, line: number, from: string, to: string): Promise<void> {
  const text = editor.document.lineAt(line).text;
  const col = text.indexOf(from);
  assert.ok(col >= 0, `line ${line + 1} does not contain ${from}: ${text}`);
  const ok = await editor.edit((b) => b.replace(new vscode.Range(line, col, line, col + from.length), to));
  assert.ok(ok, 'the edit was not applied');
}
