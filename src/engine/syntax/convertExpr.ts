// @lezer/python expression nodes → typed AST expressions (ast.ts).
//
// Lezer's nodes list their tokens flat (`(`, `,`, operators, keywords), so each converter walks
// the children in order. A node shape the converter does not expect throws `Malformed`; the
// caller marks the enclosing top-level statement as not intact.

import type { SyntaxNode } from '@lezer/common';
import type {
  Arg, BinOpName, CmpOpName, DictItem, Expr, FStringPart, Generator, Literal, Param, Params, Span,
} from './ast';
import { decodeEscapes, splitLiteral } from './strings';

export class Malformed extends Error {}

/** Source text plus helpers shared by the statement and expression converters. */
export class Source {
  constructor(readonly text: string) {}
  slice(n: { from: number; to: number }): string {
    return this.text.slice(n.from, n.to);
  }
}

const TRIVIA = new Set(['Comment']);

export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!TRIVIA.has(c.name)) out.push(c);
  return out;
}

export function span(n: { from: number; to: number }): Span {
  return { from: n.from, to: n.to };
}

/** Splits a flat child list on `,` tokens (dropping empty trailing groups). */
export function splitCommas(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ',') groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups.filter((g) => g.length > 0);
}

const UNSUPPORTED_EXPR: Record<string, string> = {
  AwaitExpression: '`await` expressions',
  YieldExpression: '`yield` expressions',
  NamedExpression: 'assignment expressions (`:=`)',
};

const BRACKETS = new Set(['(', ')', '[', ']', '{', '}']);

export class ExprConverter {
  constructor(readonly src: Source) {}

  expr(node: SyntaxNode): Expr {
    const s = span(node);
    switch (node.name) {
      case 'VariableName':
        return { kind: 'Name', id: this.src.slice(node), span: s };
      case 'Number':
        return { kind: 'Constant', value: parseNumber(this.src.slice(node)), span: s };
      case 'Boolean':
        return { kind: 'Constant', value: { type: 'bool', value: this.src.slice(node) === 'True' }, span: s };
      case 'None':
        return { kind: 'Constant', value: { type: 'None' }, span: s };
      case 'Ellipsis':
        return { kind: 'Constant', value: { type: 'Ellipsis' }, span: s };
      case 'String':
      case 'FormatString':
      case 'ContinuedString':
        return this.strings(node);
      case 'ParenthesizedExpression': {
        const inner = kids(node).filter((k) => !BRACKETS.has(k.name));
        if (inner.length === 2 && inner[0].name === '*') return { kind: 'Starred', value: this.expr(inner[1]), span: s };
        if (inner.length !== 1) throw new Malformed();
        return this.expr(inner[0]);
      }
      case 'TupleExpression':
        return { kind: 'Tuple', elts: this.elements(kids(node).filter((k) => !BRACKETS.has(k.name))), span: s };
      case 'ArrayExpression':
        return { kind: 'List', elts: this.elements(kids(node).filter((k) => !BRACKETS.has(k.name))), span: s };
      case 'SetExpression':
        return { kind: 'Set', elts: this.elements(kids(node).filter((k) => !BRACKETS.has(k.name))), span: s };
      case 'DictionaryExpression':
        return { kind: 'Dict', items: this.dictItems(kids(node).filter((k) => !BRACKETS.has(k.name))), span: s };
      case 'ComprehensionExpression':
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
        return this.comprehension(node);
      case 'DictionaryComprehensionExpression': {
        const parts = kids(node).filter((k) => !BRACKETS.has(k.name));
        const forAt = parts.findIndex((k) => k.name === 'for' || k.name === 'async');
        if (forAt !== 3 || parts[1].name !== ':') throw new Malformed();
        return {
          kind: 'DictComprehension', key: this.expr(parts[0]), value: this.expr(parts[2]),
          generators: this.generators(parts.slice(forAt)), span: s,
        };
      }
      case 'BinaryExpression':
        return this.binary(node);
      case 'UnaryExpression': {
        const [op, operand] = kids(node);
        if (!op || !operand) throw new Malformed();
        const text = this.src.slice(op) as '-' | '+' | '~' | 'not';
        return { kind: 'UnaryOp', op: text, operand: this.expr(operand), span: s };
      }
      case 'CallExpression': {
        const [func, argList] = kids(node);
        if (!argList || argList.name !== 'ArgList') throw new Malformed();
        return { kind: 'Call', func: this.expr(func), args: this.args(argList), span: s };
      }
      case 'MemberExpression':
        return this.member(node);
      case 'ConditionalExpression': {
        const k = kids(node);
        if (k.length !== 5 || k[1].name !== 'if' || k[3].name !== 'else') throw new Malformed();
        return { kind: 'IfExp', body: this.expr(k[0]), test: this.expr(k[2]), orelse: this.expr(k[4]), span: s };
      }
      case 'LambdaExpression': {
        const k = kids(node);
        const paramList = k.find((c) => c.name === 'ParamList');
        const body = k[k.length - 1];
        if (k[k.length - 2]?.name !== ':') throw new Malformed();
        return { kind: 'Lambda', params: paramList ? this.params(kids(paramList)) : emptyParams(), body: this.expr(body), span: s };
      }
      default:
        if (node.name in UNSUPPORTED_EXPR) return { kind: 'Unsupported', what: UNSUPPORTED_EXPR[node.name], span: s };
        throw new Malformed(node.name);
    }
  }

  /** Comma-separated elements where `*` marks a starred element. */
  elements(nodes: SyntaxNode[]): Expr[] {
    return splitCommas(nodes).map((g) => {
      if (g[0].name === '*') {
        if (g.length !== 2) throw new Malformed();
        return { kind: 'Starred', value: this.expr(g[1]), span: { from: g[0].from, to: g[1].to } };
      }
      if (g.length !== 1) throw new Malformed();
      return this.expr(g[0]);
    });
  }

  /** A comma-separated expression list: one expression, or a tuple when there is a comma. */
  exprList(nodes: SyntaxNode[]): Expr {
    const hasComma = nodes.some((n) => n.name === ',');
    const elts = this.elements(nodes);
    if (!hasComma && elts.length === 1) return elts[0];
    if (nodes.length === 0) throw new Malformed();
    return { kind: 'Tuple', elts, span: { from: nodes[0].from, to: nodes[nodes.length - 1].to } };
  }

  private dictItems(nodes: SyntaxNode[]): DictItem[] {
    return splitCommas(nodes).map((g) => {
      if (g.length === 2 && g[0].name === '**') return { unpack: this.expr(g[1]) };
      if (g.length === 3 && g[1].name === ':') return { key: this.expr(g[0]), value: this.expr(g[2]) };
      throw new Malformed();
    });
  }

  private comprehension(node: SyntaxNode): Expr {
    const parts = kids(node).filter((k) => !BRACKETS.has(k.name));
    const forAt = parts.findIndex((k) => k.name === 'for' || k.name === 'async');
    if (forAt !== 1) throw new Malformed();
    const type = node.name === 'ComprehensionExpression' ? 'gen' : node.name === 'SetComprehensionExpression' ? 'set' : 'list';
    return { kind: 'Comprehension', type, elt: this.expr(parts[0]), generators: this.generators(parts.slice(1)), span: span(node) };
  }

  /** `for targets in iter (if cond)* (for ...)*` as flat tokens. */
  generators(parts: SyntaxNode[]): Generator[] {
    const gens: Generator[] = [];
    let i = 0;
    while (i < parts.length) {
      const k = parts[i];
      if (k.name === 'async') throw new Malformed('async comprehension');
      if (k.name === 'for') {
        const inAt = parts.findIndex((p, j) => j > i && p.name === 'in');
        if (inAt < 0 || inAt + 1 >= parts.length) throw new Malformed();
        gens.push({ target: this.exprList(parts.slice(i + 1, inAt)), iter: this.expr(parts[inAt + 1]), ifs: [] });
        i = inAt + 2;
      } else if (k.name === 'if' && gens.length > 0 && i + 1 < parts.length) {
        gens[gens.length - 1].ifs.push(this.expr(parts[i + 1]));
        i += 2;
      } else {
        throw new Malformed();
      }
    }
    if (gens.length === 0) throw new Malformed();
    return gens;
  }

  private binary(node: SyntaxNode): Expr {
    const k = kids(node);
    if (k.length < 3) throw new Malformed();
    const left = k[0];
    const right = k[k.length - 1];
    const opText = k.slice(1, -1).map((o) => this.src.slice(o)).join(' ');
    const s = span(node);
    if (opText === 'and' || opText === 'or') {
      return { kind: 'BoolOp', op: opText, left: this.expr(left), right: this.expr(right), span: s };
    }
    if (k[1].name === 'CompareOp' || ['in', 'not in', 'is', 'is not'].includes(opText)) {
      const op = (opText === '<>' ? '!=' : opText) as CmpOpName;
      const l = this.expr(left);
      // Lezer nests `a < b < c` as ((a < b) < c); Python chains it. Parenthesised comparisons
      // arrive as ParenthesizedExpression nodes, so only a bare nested comparison is merged.
      if (l.kind === 'Compare' && left.name === 'BinaryExpression') {
        return { kind: 'Compare', left: l.left, ops: [...l.ops, op], comparators: [...l.comparators, this.expr(right)], span: s };
      }
      return { kind: 'Compare', left: l, ops: [op], comparators: [this.expr(right)], span: s };
    }
    return { kind: 'BinOp', op: opText as BinOpName, left: this.expr(left), right: this.expr(right), span: s };
  }

  args(argList: SyntaxNode): Arg[] {
    const inner = kids(argList).filter((k) => k.name !== '(' && k.name !== ')');
    return splitCommas(inner).map((g): Arg => {
      if (g[0].name === '*' && g.length === 2) return { kind: 'star', value: this.expr(g[1]) };
      if (g[0].name === '**' && g.length === 2) return { kind: 'dstar', value: this.expr(g[1]) };
      if (g.length === 3 && g[0].name === 'VariableName' && g[1].name === 'AssignOp') {
        if (this.src.slice(g[1]) !== '=') throw new Malformed();
        return { kind: 'kw', name: this.src.slice(g[0]), value: this.expr(g[2]) };
      }
      if (g.length === 1) return { kind: 'pos', value: this.expr(g[0]) };
      if (g.length > 1 && g[1].name === 'for') {
        // f(x for x in xs): a bare generator expression argument.
        const s = { from: g[0].from, to: g[g.length - 1].to };
        return { kind: 'pos', value: { kind: 'Comprehension', type: 'gen', elt: this.expr(g[0]), generators: this.generators(g.slice(1)), span: s } };
      }
      throw new Malformed();
    });
  }

  private member(node: SyntaxNode): Expr {
    const k = kids(node);
    const s = span(node);
    if (isTrailingDotFloat(node, this.src.text)) {
      return { kind: 'Constant', value: parseNumber(this.src.slice(k[0]) + '.'), span: { from: k[0].from, to: k[1].to } };
    }
    const value = this.expr(k[0]);
    if (k[1]?.name === '.') {
      if (k[2]?.name !== 'PropertyName') throw new Malformed();
      return { kind: 'Attribute', value, attr: this.src.slice(k[2]), span: s };
    }
    if (k[1]?.name !== '[' || k[k.length - 1].name !== ']') throw new Malformed();
    const inner = k.slice(2, -1);
    const groups = splitCommas(inner);
    const items = groups.map((g) => this.subscriptItem(g));
    const hasComma = inner.some((n) => n.name === ',');
    if (items.length === 0) throw new Malformed();
    const index: Expr = !hasComma && items.length === 1
      ? items[0]
      : { kind: 'Tuple', elts: items, span: { from: inner[0].from, to: inner[inner.length - 1].to } };
    return { kind: 'Subscript', value, index, span: s };
  }

  /** One subscript element: an expression, `*expr`, or a slice `a:b:c` with parts optional. */
  private subscriptItem(g: SyntaxNode[]): Expr {
    if (!g.some((n) => n.name === ':')) {
      if (g.length === 2 && g[0].name === '*') return { kind: 'Starred', value: this.expr(g[1]), span: { from: g[0].from, to: g[1].to } };
      if (g.length !== 1) throw new Malformed();
      return this.expr(g[0]);
    }
    const parts: (Expr | null)[] = [null];
    for (const n of g) {
      if (n.name === ':') parts.push(null);
      else if (parts[parts.length - 1] === null) parts[parts.length - 1] = this.expr(n);
      else throw new Malformed();
    }
    if (parts.length > 3) throw new Malformed();
    return { kind: 'Slice', lower: parts[0], upper: parts[1], step: parts[2] ?? null, span: { from: g[0].from, to: g[g.length - 1].to } };
  }

  /** Parameters of a `def` (inside its parentheses) or a `lambda`. */
  params(nodes: SyntaxNode[]): Params {
    const p = emptyParams();
    let afterStar = false;
    // Lezer keeps no node for the positional-only marker `/`: find it in the text between groups.
    const groups = splitCommas(nodes.filter((n) => n.name !== '(' && n.name !== ')'));
    let gapStart = nodes[0]?.from ?? 0;
    for (const g of groups) {
      if (this.src.text.slice(gapStart, g[0].from).includes('/')) p.positionalOnly = p.positional.length;
      gapStart = g[g.length - 1].to;
      const first = g[0];
      if (first.name === '/') {
        p.positionalOnly = p.positional.length;
      } else if (first.name === '*') {
        afterStar = true;
        if (g[1]?.name === 'VariableName') p.varargs = this.src.slice(g[1]);
      } else if (first.name === '**') {
        if (g[1]?.name !== 'VariableName') throw new Malformed();
        p.varkw = this.src.slice(g[1]);
      } else if (first.name === 'VariableName') {
        const eq = g.findIndex((n) => n.name === 'AssignOp');
        const param: Param = { name: this.src.slice(first), default: eq >= 0 ? this.expr(g[eq + 1]) : null, span: span(first) };
        if (eq >= 0 && !g[eq + 1]) throw new Malformed();
        (afterStar ? p.kwonly : p.positional).push(param);
      } else {
        throw new Malformed();
      }
    }
    const end = nodes[nodes.length - 1];
    if (end && groups.length > 0 && this.src.text.slice(gapStart, end.to).includes('/')) p.positionalOnly = p.positional.length;
    return p;
  }

  // ---- strings ----

  private strings(node: SyntaxNode): Expr {
    const pieces = node.name === 'ContinuedString' ? kids(node) : [node];
    const parts: FStringPart[] = [];
    let formatted = false;
    for (const piece of pieces) {
      const { prefix } = splitLiteral(this.src.slice(piece));
      if (prefix.includes('b')) return { kind: 'Unsupported', what: 'bytes literals', span: span(node) };
      if (piece.name === 'FormatString') {
        formatted = true;
        parts.push(...this.fstringParts(piece));
      } else {
        const { body } = splitLiteral(this.src.slice(piece));
        parts.push(prefix.includes('r') ? body : decodeEscapes(body));
      }
    }
    if (!formatted) return { kind: 'Constant', value: { type: 'str', value: parts.join('') }, span: span(node) };
    return { kind: 'FString', parts: mergeText(parts), span: span(node) };
  }

  private fstringParts(node: SyntaxNode): FStringPart[] {
    const text = this.src.slice(node);
    const { prefix, quote } = splitLiteral(text);
    const raw = prefix.includes('r');
    const bodyFrom = node.from + prefix.length + quote.length;
    const bodyTo = Math.max(bodyFrom, this.src.text.endsWith(quote, node.to) && node.to - quote.length >= bodyFrom ? node.to - quote.length : node.to);
    const fields = kids(node).filter((k) => k.name === 'FormatReplacement');
    return this.textAndFields(bodyFrom, bodyTo, fields, raw);
  }

  private textAndFields(from: number, to: number, fields: SyntaxNode[], raw: boolean): FStringPart[] {
    const parts: FStringPart[] = [];
    let at = from;
    const literal = (a: number, b: number) => {
      if (b <= a) return;
      const t = this.src.text.slice(a, b).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      parts.push(raw ? t : decodeEscapes(t));
    };
    for (const f of fields) {
      literal(at, f.from);
      parts.push(this.field(f, raw));
      at = f.to;
    }
    literal(at, to);
    return parts;
  }

  private field(node: SyntaxNode, raw: boolean): FStringPart {
    const k = kids(node).filter((c) => c.name !== '{' && c.name !== '}');
    let conversion: 'r' | 's' | 'a' | null = null;
    let spec: FStringPart[] | null = null;
    let selfDoc: string | null = null;
    const exprNodes: SyntaxNode[] = [];
    for (const c of k) {
      if (c.name === 'FormatConversion') conversion = this.src.slice(c)[1] as 'r' | 's' | 'a';
      else if (c.name === 'FormatSelfDoc') {
        // `{x = }` keeps the spaces after `=` too, up to the conversion, spec or closing brace.
        const next = c.nextSibling;
        selfDoc = this.src.text.slice(node.from + 1, next ? next.from : c.to);
      }
      else if (c.name === 'FormatSpec') {
        const nested = kids(c).filter((n) => n.name === 'FormatReplacement');
        spec = this.textAndFields(c.from + 1, c.to, nested, raw);
      } else exprNodes.push(c);
    }
    if (exprNodes.length === 0) throw new Malformed('empty f-string field');
    // `f"{x=}"` shows `x=` then repr(x) unless a conversion or spec says otherwise.
    if (selfDoc !== null && conversion === null && spec === null) conversion = 'r';
    return { expr: this.exprList(exprNodes), conversion, spec, selfDoc };
  }
}

function mergeText(parts: FStringPart[]): FStringPart[] {
  const out: FStringPart[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

export function emptyParams(): Params {
  return { positional: [], positionalOnly: 0, varargs: null, kwonly: [], varkw: null };
}

export function parseNumber(text: string): Literal {
  const t = text.replace(/_/g, '');
  if (/^0[xX]/.test(t)) return { type: 'int', value: BigInt(t) };
  if (/^0[oO]/.test(t)) return { type: 'int', value: BigInt('0o' + t.slice(2)) };
  if (/^0[bB]/.test(t)) return { type: 'int', value: BigInt('0b' + t.slice(2)) };
  if (/[jJ]$/.test(t)) return { type: 'imag', value: Number(t.slice(0, -1)) };
  if (/[.eE]/.test(t)) return { type: 'float', value: Number(t) };
  return { type: 'int', value: BigInt(t) };
}

/**
 * `3.` (a float literal with nothing after the point) is valid Python that @lezer/python 1.1
 * does not accept: it parses a member access `3 .<missing>`. We recognise that shape — a Number
 * immediately followed by `.` and an empty error node — and read it as the float it is.
 */
export function isTrailingDotFloat(member: SyntaxNode, text: string): boolean {
  if (member.name !== 'MemberExpression') return false;
  const num = member.firstChild;
  const dot = num?.nextSibling;
  if (!num || !dot || num.name !== 'Number' || dot.name !== '.' || num.to !== dot.from) return false;
  if (!/^[0-9_]+$/.test(text.slice(num.from, num.to))) return false;
  const rest = dot.nextSibling;
  return rest === null || (rest.type.isError && rest.from === rest.to && !rest.nextSibling);
}
