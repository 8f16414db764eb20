// Source-level checks on the learner's file: mistakes such as "does not use jax.grad" are
// recognised from the code itself. Comments and string literals are blanked out first, so a
// docstring that says "use jax.grad" does not count as using it.

import { parser } from '@lezer/python';

const TEXT_NODES = new Set(['Comment', 'String', 'FormatString']);

/** The source with every comment and string literal replaced by spaces (offsets unchanged). */
export function codeOnly(source: string): string {
  const chars = source.split('');
  parser.parse(source).iterate({
    enter(node) {
      if (!TEXT_NODES.has(node.name)) return true;
      for (let i = node.from; i < node.to; i++) if (chars[i] !== '\n') chars[i] = ' ';
      return false;
    },
  });
  return chars.join('');
}
