// The status bar item: "computing…" while a check runs, else the active file's gradients and
// problems. Clicking it opens the Grad Lens output channel (the engine log).

import * as vscode from 'vscode';
import { isPythonDocument, type Checker } from './checker';

export const SHOW_LOG = 'gradlens.showLog';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gradlens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly checker: Checker) {
    this.item.name = 'Grad Lens';
    this.item.command = SHOW_LOG;
    this.subscriptions = [
      checker.onDidUpdate(() => this.refresh()),
      checker.onDidChangeBusy(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    ];
    this.refresh();
  }

  /** The current text, for tests. */
  get text(): string {
    return this.item.text;
  }

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isPythonDocument(doc)) {
      this.item.hide();
      return;
    }
    const result = this.checker.result(doc.uri);
    if (this.checker.isBusy) {
      this.item.text = '$(sync~spin) Grad Lens: computing…';
    } else if (!result) {
      this.item.text = '$(beaker) Grad Lens';
    } else {
      const gradients = result.shown.annotations.filter((a) => a.result !== undefined).length;
      const problems = result.report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length;
      const icon = problems > 0 ? '$(warning)' : '$(pass)';
      this.item.text = `${icon} Grad Lens: ${plural(gradients, 'gradient')}, ${plural(problems, 'problem')}` +
        (result.stale ? ' (stale)' : '');
    }
    this.item.tooltip = 'Grad Lens: show the engine log';
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
