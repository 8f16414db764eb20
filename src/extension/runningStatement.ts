// Where to put a timeout when the worker never said which statement it was running (an engine
// without progress marks, or a loop inside the very first statement): the first top-level loop,
// since an endless loop is by far the likeliest cause, else the first top-level statement.

import type { Range } from '../engine/report';

export function guessRunningStatement(source: string): Range {
  const lines = source.split(/\r?\n/);
  const topLevel = (l: string) => /^\S/.test(l) && !l.startsWith('#');
  const loop = lines.findIndex((l) => /^(while|for)\b/.test(l));
  const index = loop >= 0 ? loop : Math.max(lines.findIndex(topLevel), 0);
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i].length + (source.charAt(offset + lines[i].length) === '\r' ? 2 : 1);
  const text = lines[index] ?? '';
  const end = text.trimEnd().length;
  return {
    start: { line: index + 1, column: 0, offset },
    end: { line: index + 1, column: end, offset: offset + end },
  };
}
