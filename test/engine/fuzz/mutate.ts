// Mutations of real programs (the examples and the reference corpus): what a file looks like
// while someone is typing it, plus the hostile inputs (huge literals, deep nesting, loops
// that never end).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const ROOT = path.resolve(__dirname, '../../../..');

/** The example files and the corpus snippets, the seeds the mutations start from. */
export function seedPrograms(): string[] {
  const seeds: string[] = [];
  const examples = path.join(ROOT, 'examples');
  for (const f of fs.readdirSync(examples).filter((f) => f.endsWith('.py')).sort()) {
    seeds.push(fs.readFileSync(path.join(examples, f), 'utf8'));
  }
  const corpus = path.join(ROOT, '..', 'shared', 'jax-reference', 'cases-public.jsonl');
  if (fs.existsSync(corpus)) {
    for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
      if (line.trim()) seeds.push((JSON.parse(line) as { code: string }).code);
    }
  }
  return seeds;
}

const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?(?:e[+-]?\d+)?|\*\*|\/\/|[<>=!]=|\S/g;
const SWAPS: Record<string, string[]> = {
  '+': ['-', '*', '@', '**'], '-': ['+', '/'], '*': ['**', '@', '/'], '/': ['//', '%'], '**': ['*', '^'],
  '(': ['[', '{', ''], ')': [']', '}', ''], '[': ['(', ''], ']': [')', ''], ':': ['', ';'], ',': ['', ';', ' for ']
};

/** Hostile fragments spliced into a program. */
export const HOSTILE = [
  'jnp.zeros((10**10,))',
  'jnp.ones((100000, 100000))',
  '10**10**10',
  '2**(2**40)',
  '"x" * 10**9',
  '[0] * 10**9',
  '(' .repeat(10000) + '1' + ')'.repeat(10000),
  '[' .repeat(10000) + ']'.repeat(10000),
  '-' .repeat(5000) + '1',
  'not ' .repeat(3000) + 'x',
  'while True:\n    pass',
  'while 1: x = x + 1 if "x" in dir() else 0',
  'def r(n):\n    return r(n + 1)\nr(0)',
  'jax.grad(lambda x: jax.grad(lambda y: jax.grad(lambda z: z ** 9)(y))(x))(1.0)',
  'x = []\nfor i in range(10**9):\n    x.append(i)',
  'for i in range(10**9): pass',
  'def f(x):\n    return f\n' + 'f(' .repeat(300) + '1' + ')'.repeat(300),
  'float("1e400") - float("1e400")',
  '1 / 0',
  'jnp.arange(10**8).sum()',
];

type Mutation = (src: string, rnd: (n: number) => number) => string;

const MUTATIONS: Mutation[] = [
  // Delete one token.
  (s, r) => {
    const toks = [...s.matchAll(TOKEN)];
    if (toks.length === 0) return s;
    const t = toks[r(toks.length)];
    return s.slice(0, t.index) + s.slice(t.index! + t[0].length);
  },
  // Truncate: cut the file mid-line, as while typing.
  (s, r) => s.slice(0, r(s.length + 1)),
  // Truncate one line.
  (s, r) => {
    const lines = s.split('\n');
    const i = r(lines.length);
    lines[i] = lines[i].slice(0, r(lines[i].length + 1));
    return lines.join('\n');
  },
  // Swap an operator or bracket.
  (s, r) => {
    const toks = [...s.matchAll(TOKEN)].filter((t) => t[0] in SWAPS);
    if (toks.length === 0) return s;
    const t = toks[r(toks.length)];
    const choices = SWAPS[t[0]];
    return s.slice(0, t.index) + choices[r(choices.length)] + s.slice(t.index! + t[0].length);
  },
  // An unbalanced bracket somewhere.
  (s, r) => {
    const at = r(s.length + 1);
    return s.slice(0, at) + '([{)]}'[r(6)] + s.slice(at);
  },
  // Duplicate or delete a line (indentation gets broken too).
  (s, r) => {
    const lines = s.split('\n');
    const i = r(lines.length);
    if (r(2) === 0) lines.splice(i, 1);
    else lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  // Splice a hostile fragment in as a new line.
  (s, r) => {
    const lines = s.split('\n');
    lines.splice(r(lines.length + 1), 0, HOSTILE[r(HOSTILE.length)]);
    return lines.join('\n');
  },
  // Replace a number by a huge one.
  (s, r) => s.replace(/\b\d+(\.\d+)?\b/, ['10**10', '1e308', '9' .repeat(400), '10**10**10', '-2**64'][r(5)]),
];

/** A mutated seed: 1-3 mutations applied to one of `seeds`. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 3 }))
    .map(([seed, steps]) => {
      let src = seeds[seed];
      for (const [m, draws] of steps) {
        let k = 0;
        const rnd = (n: number) => (n <= 0 ? 0 : draws[k++ % draws.length] % n);
        src = MUTATIONS[m % MUTATIONS.length](src, rnd);
      }
      return src;
    });
}
