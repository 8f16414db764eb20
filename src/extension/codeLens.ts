// CodeLens "Compute gradient" above each annotated function and each function the file passes to
// a JAX transform, also when no check has run yet (lensSites.ts). Titles are constant (the values live in the end-of-line decorations), so the
// lenses never change height or text while the user types; their positions come from the last
// shown report, which stays in place while the file does not parse.

import * as vscode from 'vscode';
import type { Checker } from './checker';
import { scanFunctions } from './lensSites';

export const COMPUTE_GRADIENT = 'gradlens.computeGradient';

export class GradientLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly checker: Checker) {
    this.subscription = checker.onDidUpdate(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    // Before any check (live mode off, or the first check still running) a text scan places them.
    const functions = this.checker.result(doc.uri)?.shown.functions ?? scanFunctions(doc.getText());
    const lenses: vscode.CodeLens[] = [];
    for (const f of functions) {
      if (f.annotationLine === undefined && !f.transformed) continue;
      // Above the annotation comment when there is one, else above the decorators/def.
      const line = Math.min((f.annotationLine ?? f.range.start.line) - 1, doc.lineCount - 1);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: f.annotationLine !== undefined ? '$(play) Compute gradient' : '$(play) Compute gradient…',
          tooltip: f.annotationLine !== undefined
            ? `Evaluate the # @grad annotation of ${f.name}`
            : `Choose sample arguments for ${f.name} and compute its gradient`,
          command: COMPUTE_GRADIENT,
          arguments: [doc.uri.toString(), f.name],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
