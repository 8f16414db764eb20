// End-of-line values: `∇w = 4.0  ✓` after an annotated def, `→ [2. 2.]` after an expression
// statement. One decoration type per label kind, coloured by the theme colours package.json
// contributes (gradlens.valueForeground, ...), so themes and users can override them.

import * as vscode from 'vscode';
import type { Checker, DocumentResult } from './checker';
import { readConfig } from './config';
import { annotationLabel, valueLabel, type InlineLabel, type LabelKind } from './inlineText';

export interface PlacedLabel extends InlineLabel {
  /** 0-based line of the document. */
  line: number;
  stale: boolean;
}

/** The labels of a result, placed on document lines (also the test API's view of decorations). */
export function labelsFor(doc: vscode.TextDocument, result: DocumentResult): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  const { shown, stale } = result;
  const lineText = (line1: number | undefined) =>
    line1 !== undefined && line1 >= 1 && line1 <= doc.lineCount ? doc.lineAt(line1 - 1).text : '';
  for (const a of shown.annotations) {
    const f = shown.functions.find((fn) => fn.name === a.function);
    const label = annotationLabel(a, f?.params ?? [], lineText(f?.annotationLine ?? a.line));
    if (label) out.push({ ...label, line: (f?.line ?? a.line) - 1, stale });
  }
  for (const v of shown.values) out.push({ ...valueLabel(v), line: v.endLine - 1, stale });
  return out.filter((l) => l.line >= 0 && l.line < doc.lineCount);
}

const KINDS: LabelKind[] = ['value', 'match', 'mismatch', 'error'];

export class InlineValues implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: Checker) {
    for (const kind of KINDS) {
      for (const stale of [false, true]) {
        this.types.set(
          `${kind}${stale ? '-stale' : ''}`,
          vscode.window.createTextEditorDecorationType({
            after: {
              color: new vscode.ThemeColor(`gradlens.${kind}Foreground`),
              margin: '0 0 0 2em',
              fontStyle: stale ? 'italic' : 'normal',
              // Dimmed, yet at least 3:1 against the editor in every built-in theme (the e2e
              // check measures it): 0.55 fell to 2.1:1 on light backgrounds.
              textDecoration: stale ? 'none; opacity: 0.7' : 'none',
            },
            rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          }),
        );
      }
    }
    this.subscriptions.push(
      checker.onDidUpdate(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
    );
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const result = this.checker.result(editor.document.uri);
    const byType = new Map<string, vscode.DecorationOptions[]>([...this.types.keys()].map((k) => [k, []]));
    if (result && readConfig(editor.document.uri).decorations) {
      for (const label of labelsFor(editor.document, result)) {
        const end = editor.document.lineAt(label.line).range.end;
        byType.get(`${label.kind}${label.stale ? '-stale' : ''}`)!.push({
          range: new vscode.Range(end, end),
          renderOptions: { after: { contentText: label.stale ? `${label.text}  (stale)` : label.text } },
        });
      }
    }
    for (const [key, options] of byType) editor.setDecorations(this.types.get(key)!, options);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types.values()) t.dispose();
  }
}
