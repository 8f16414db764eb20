// An independent reader for the Python argument text the catalog generates: it parses with
// @lezer/python (not with our own code) and evaluates the literal subset used in tests
// (numbers, True/False, lists, tuples, dicts, jnp.array/linspace/arange and .reshape). Used to
// check that the text round-trips the data.

import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';

export type Literal = number | boolean | string | Literal[] | { tuple: Literal[] } | { [key: string]: Literal };

/** Parses `name=value, ...` into an ordered list of [name, value]. */
export function parseKeywordArgs(text: string, jnp = 'jnp'): [string, Literal][] {
  const source = `f(${text})`;
  const tree = parser.parse(source);
  const stmt = tree.topNode.firstChild;
  const call = stmt?.firstChild;
  if (!call || call.name !== 'CallExpression') throw new Error(`not a call: ${source}`);
  const argList = call.getChild('ArgList');
  if (!argList) throw new Error('no argument list');
  const out: [string, Literal][] = [];
  const children = childrenOf(argList).filter((c) => !['(', ')', ','].includes(c.name));
  for (let i = 0; i < children.length; i += 3) {
    const [name, op, value] = children.slice(i, i + 3);
    if (name?.name !== 'VariableName' || op?.name !== 'AssignOp' || !value) throw new Error(`not a keyword argument at ${i}`);
    out.push([source.slice(name.from, name.to), evaluate(value, source, jnp)]);
  }
  if (hasError(tree.topNode)) throw new Error(`syntax error in ${source.slice(0, 80)}`);
  return out;
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function hasError(node: SyntaxNode): boolean {
  if (node.type.isError) return true;
  return childrenOf(node).some(hasError);
}

function items(node: SyntaxNode, source: string, jnp: string): Literal[] {
  return childrenOf(node)
    .filter((c) => !['(', ')', '[', ']', ','].includes(c.name))
    .map((c) => evaluate(c, source, jnp));
}

function evaluate(node: SyntaxNode, source: string, jnp: string): Literal {
  const text = source.slice(node.from, node.to);
  switch (node.name) {
    case 'Number':
      return Number(text);
    case 'Boolean':
      return text === 'True';
    case 'String':
      return text.slice(1, -1);
    case 'UnaryExpression': {
      const operand = evaluate(node.lastChild as SyntaxNode, source, jnp);
      if (typeof operand !== 'number' || !text.startsWith('-')) throw new Error(`unsupported unary ${text}`);
      return -operand;
    }
    case 'ArrayExpression':
      return items(node, source, jnp);
    case 'TupleExpression':
      return { tuple: items(node, source, jnp) };
    case 'DictionaryExpression': {
      const parts = childrenOf(node).filter((c) => !['{', '}', ',', ':'].includes(c.name));
      const out: { [key: string]: Literal } = {};
      for (let i = 0; i < parts.length; i += 2) out[evaluate(parts[i], source, jnp) as string] = evaluate(parts[i + 1], source, jnp);
      return out;
    }
    case 'CallExpression':
      return evaluateCall(node, source, jnp);
  }
  throw new Error(`unsupported syntax ${node.name}: ${text}`);
}

function evaluateCall(node: SyntaxNode, source: string, jnp: string): Literal {
  const callee = node.firstChild as SyntaxNode;
  const args = items(node.getChild('ArgList') as SyntaxNode, source, jnp);
  const calleeText = source.slice(callee.from, callee.to);
  if (calleeText === `${jnp}.array`) return args[0];
  if (calleeText === `${jnp}.linspace`) {
    const [start, stop, num] = args as number[];
    return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : start + (i * (stop - start)) / (num - 1)));
  }
  if (calleeText === `${jnp}.arange`) return Array.from({ length: args[0] as number }, (_, i) => i);
  if (callee.name === 'MemberExpression' && calleeText.endsWith('.reshape')) {
    const flat = evaluate(callee.firstChild as SyntaxNode, source, jnp) as number[];
    const [rows, cols] = args as number[];
    if (rows * cols !== flat.length) throw new Error('bad reshape');
    return Array.from({ length: rows }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
  }
  throw new Error(`unsupported call ${calleeText}`);
}
