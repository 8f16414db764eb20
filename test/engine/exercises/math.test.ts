// The panel renders exercise math with KaTeX (DESIGN §7): every `$...$` and `$$...$$` in a
// statement, hint or feedback text must be valid KaTeX input.

import assert from 'node:assert/strict';
import katex from 'katex';
import { CATALOG } from '../../../src/exercises/catalog';

/** The math segments of a markdown text, code spans removed first (they may hold `$`). */
function mathSegments(markdown: string): { tex: string; display: boolean }[] {
  const text = markdown.replace(/`[^`]*`/g, '');
  const out: { tex: string; display: boolean }[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m[1] !== undefined ? { tex: m[1], display: true } : { tex: m[2], display: false });
  }
  return out;
}

describe('exercises: math renders with KaTeX', () => {
  it('finds inline and display math outside code spans', () => {
    assert.deepEqual(mathSegments('a $x$ and `$y$` then $$\\sum_i z_i$$'), [
      { tex: 'x', display: false },
      { tex: '\\sum_i z_i', display: true },
    ]);
  });

  for (const exercise of CATALOG) {
    it(`${exercise.id}: statement, hints and feedback`, () => {
      const texts = [exercise.statement, ...exercise.hints, ...exercise.mistakes.map((m) => m.feedback)];
      let count = 0;
      for (const text of texts) {
        for (const { tex, display } of mathSegments(text)) {
          assert.doesNotThrow(() => katex.renderToString(tex, { displayMode: display, throwOnError: true }), tex);
          count++;
        }
      }
      assert.ok(count > 0, 'the statement has math');
    });
  }
});
