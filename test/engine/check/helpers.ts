// Shared helpers for the check/ tests: parse a snippet, apply a fix's edits.

import { parseModule, type ParsedModule } from '../../../src/engine/syntax';
import type { Fix, TextEdit } from '../../../src/engine/report';

export function parse(source: string): ParsedModule {
  const parsed = parseModule(source);
  if (parsed.syntaxErrors.length > 0) throw new Error(`test snippet does not parse: ${parsed.syntaxErrors[0].message}`);
  return parsed;
}

/** Applies edits from the end backwards (they never overlap within one fix). */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let text = source;
  for (const e of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    text = text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
  }
  return text;
}

export function applyFix(source: string, fix: Fix | undefined): string {
  if (!fix) throw new Error('no fix');
  return applyEdits(source, fix.edits);
}

export function preferred(fixes: readonly Fix[] | undefined): Fix | undefined {
  return fixes?.find((f) => f.preferred);
}
