// CPython's tokenizer refuses brackets nested more than 200 deep ("too many nested
// parentheses", MAXLEVEL in Parser/tokenizer.h) before parsing anything. We check the same
// limit first: besides being faithful, it keeps a pathological file (10^4 nested brackets)
// from reaching the parser, whose error recovery on it takes seconds.

/** CPython's MAXLEVEL. */
export const MAX_BRACKET_DEPTH = 200;

/**
 * The offset of the first opening bracket nested deeper than CPython allows, or null.
 * Brackets inside string literals and comments do not count.
 */
export function tooDeeplyNested(text: string): number | null {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_BRACKET_DEPTH) return i;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth > 0) depth--;
    }
    i++;
  }
  return null;
}

/** The offset just past the string literal starting at `i` (or the end of its line if unclosed). */
function skipString(text: string, i: number): number {
  const q = text[i];
  const triple = text.startsWith(q + q + q, i);
  const close = triple ? q + q + q : q;
  let j = i + close.length;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (!triple && c === '\n') return j;
    if (text.startsWith(close, j)) return j + close.length;
    j++;
  }
  return j;
}
