// `gradlens check --fix`: apply the preferred fix of every diagnostic, like `eslint --fix`.
// A file that does not parse is never touched.

import { writeFileSync } from 'node:fs';
import { checkSource } from '../engine';
import type { TextEdit } from '../engine/report';

export interface FixOutcome {
  source: string;
  message: string;
}

/** Applies non-overlapping edits from the end of the text backwards so offsets stay valid. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let text = source;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end.offset > limit) continue; // overlaps an edit already applied: skip it
    text = text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
    limit = e.range.start.offset;
  }
  return text;
}

export function applyFixesToFile(file: string, source: string, options: { x64: boolean }): FixOutcome {
  const report = checkSource(source, { fileName: file, x64: options.x64, finiteDifferences: false });
  if (report.diagnostics.some((d) => d.code === 'syntax-error')) {
    return { source, message: `${file}: not fixed: the file does not parse` };
  }
  const chosen = report.diagnostics.flatMap((d) => {
    const fix = d.fixes?.find((f) => f.preferred) ?? (d.fixes?.length === 1 ? d.fixes[0] : undefined);
    return fix ? [{ line: d.range.start.line, title: fix.title, edits: fix.edits }] : [];
  });
  if (chosen.length === 0) return { source, message: `${file}: nothing to fix` };
  const fixed = applyEdits(
    source,
    chosen.flatMap((c) => c.edits),
  );
  writeFileSync(file, fixed);
  const lines = chosen.map((c) => `  line ${c.line}: ${c.title}`).join('\n');
  return { source: fixed, message: `${file}: applied ${chosen.length} fix${chosen.length === 1 ? '' : 'es'}\n${lines}` };
}
