// Hover on a line that shows a value or a gradient: the full JAX repr, dtype, shape, weak type,
// the finite-difference check and, for an expectation mismatch, both values.

import * as vscode from 'vscode';
import type { Checker } from './checker';
import { toRange } from './convert';
import { hoverMarkdown, treeText } from './inlineText';

export class ValueHoverProvider implements vscode.HoverProvider {
  constructor(private readonly checker: Checker) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const result = this.checker.result(doc.uri);
    if (!result) return undefined;
    const line = pos.line + 1;
    const stale = result.stale ? ' (stale: from the last version that ran)' : '';
    const value = result.shown.values.find((v) => v.line <= line && line <= v.endLine);
    if (value) {
      const got = value.text ?? treeText(value.result);
      const expected = value.expected && { ...value.expected, got };
      const md = hoverMarkdown(`value of line ${value.line}${stale}`, value.result, value.finiteDifference, expected);
      return new vscode.Hover(new vscode.MarkdownString(md), toRange(value.range));
    }
    for (const a of result.shown.annotations) {
      const f = result.shown.functions.find((fn) => fn.name === a.function);
      const lines = [f?.line ?? a.line, f?.annotationLine ?? a.line];
      if (!lines.includes(line)) continue;
      const md = hoverMarkdown(`${a.transform} of \`${a.function}\`${stale}`, a.result, a.finiteDifference);
      return new vscode.Hover(new vscode.MarkdownString(md));
    }
    return undefined;
  }
}
