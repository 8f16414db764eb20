// Parsing a Python file into top-level statements ready to run.
//
// The live-editor choice: the file is parsed with @lezer/python, which always produces a tree,
// marking what it could not parse with error (`⚠`) nodes. Each top-level statement that
// contains an error node is reported as a SyntaxError and is *not* run; every intact top-level
// statement *is* run, in order. So while the user is typing in one function, the rest of the
// file keeps showing results. (Python itself would refuse the whole file; we prefer to keep the
// editor useful and say clearly which statement is broken.) A statement that uses a construct
// outside the subset is intact: it becomes an `Unsupported` node that raises
// NotImplementedError when it runs.

import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Range } from '../report';
import type { Span, Stmt } from './ast';
import { Malformed, Source, isTrailingDotFloat } from './convertExpr';
import { StmtConverter } from './convertStmt';
import { LineIndex } from './lineIndex';
import { tooDeeplyNested } from './nesting';

export * from './ast';
export { LineIndex } from './lineIndex';

export interface SyntaxErrorInfo {
  message: string;
  span: Span;
  range: Range;
}

/** A source text with its line index; AST spans are offsets into `text`. */
export interface SourceText {
  text: string;
  lines: LineIndex;
}

export interface TopLevelStatement {
  /** The statement, present when `intact`. */
  stmt: Stmt | null;
  intact: boolean;
  /** An expression statement whose value is reported like a REPL would (not a lone string literal). */
  isExpression: boolean;
  span: Span;
  range: Range;
  /** Why it is not intact (the first syntax error inside it), when it is not. */
  syntaxError: SyntaxErrorInfo | null;
  /** The comment after the statement on its last line, without `#`, e.g. ` → 4.0`. */
  trailingComment: { text: string; span: Span } | null;
  source: SourceText;
}

export interface ParsedModule {
  source: SourceText;
  tree: Tree;
  statements: TopLevelStatement[];
  syntaxErrors: SyntaxErrorInfo[];
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const COMPOUND_LINE = /^\s*(async\s+)?(def|class|if|elif|else|for|while|try|except|finally|with)\b/;

export function parseModule(text: string): ParsedModule {
  const source: SourceText = { text, lines: new LineIndex(text) };
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep !== null) {
    // Like CPython, the whole file is refused: nothing in it runs.
    const span = { from: tooDeep, to: tooDeep + 1 };
    const info = { message: 'too many nested parentheses', span, range: source.lines.range(span) };
    return { source, tree: parser.parse(''), statements: [], syntaxErrors: [info] };
  }
  const tree = parser.parse(text);
  const converter = new StmtConverter(new Source(text));
  const statements: TopLevelStatement[] = [];
  const syntaxErrors: SyntaxErrorInfo[] = [];

  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'Comment') continue;
    const s = trimmedSpan(text, node);
    const error = firstError(node, text);
    if (error) {
      const info = describeError(source, error);
      addSyntaxError(syntaxErrors, info);
      statements.push({ ...topLevel(source, null, s, node.name === 'ExpressionStatement'), syntaxError: info });
      continue;
    }
    let stmts: Stmt[];
    try {
      stmts = converter.statement(node);
    } catch (e) {
      // Malformed: a tree shape the converter does not know. Anything else would be a converter
      // bug; either way the statement cannot run, and parsing must never throw.
      void (e instanceof Malformed);
      const info = { message: 'invalid syntax', span: s, range: source.lines.range(s) };
      addSyntaxError(syntaxErrors, info);
      statements.push({ ...topLevel(source, null, s, false), syntaxError: info });
      continue;
    }
    stmts.forEach((stmt, i) => {
      const own = stmts.length === 1 ? s : trimmedSpan(text, stmt.span);
      // A lone string literal is a docstring or a comment-like note, not a value to report.
      const isDocstring = stmt.kind === 'Expr' && stmt.value.kind === 'Constant' && stmt.value.value.type === 'str';
      const entry = topLevel(source, stmt, own, stmt.kind === 'Expr' && !isDocstring);
      // In `a; b  # note`, the comment belongs to the last statement of the line.
      if (i < stmts.length - 1) entry.trailingComment = null;
      statements.push(entry);
    });
  }
  markNeighboursOfBroken(statements);
  return { source, tree, statements, syntaxErrors };
}

/**
 * Records a syntax error unless one is already reported on its line: lezer's recovery can cut
 * one bad line (`))))...`) into thousands of broken pieces, and Python reports one error.
 */
function addSyntaxError(errors: SyntaxErrorInfo[], info: SyntaxErrorInfo): void {
  const last = errors[errors.length - 1];
  if (last && last.range.start.line === info.range.start.line) return;
  errors.push(info);
}

/**
 * Lezer's recovery can split one broken line into several "statements" (`for x in y print(x)`
 * gives a broken `for` and an intact `print(x)`), or leave the indented body of a broken header
 * as top-level statements. Neither may run: a statement sharing a line with a broken one, or an
 * indented "top-level" statement (which Python never has), is not intact either.
 */
function markNeighboursOfBroken(statements: TopLevelStatement[]): void {
  const brokenLines = new Map<number, SyntaxErrorInfo>();
  for (const s of statements) {
    if (s.intact) continue;
    for (let l = s.range.start.line; l <= s.range.end.line; l++) if (s.syntaxError) brokenLines.set(l, s.syntaxError);
  }
  for (const s of statements) {
    if (!s.intact) continue;
    const indented = s.range.start.column > 0;
    let cause: SyntaxErrorInfo | undefined;
    for (let l = s.range.start.line; l <= s.range.end.line && !cause; l++) cause = brokenLines.get(l);
    if (!cause && indented) {
      for (let l = s.range.start.line - 1; l >= 1 && !cause; l--) cause = brokenLines.get(l);
    }
    if (cause) {
      s.intact = false;
      s.stmt = null;
      s.syntaxError = cause;
    }
  }
}

/** Parses one expression (an annotation's arguments, a REPL line). Throws SyntaxError text. */
export function parseExpressionStatement(text: string): { stmt: Stmt | null; errors: SyntaxErrorInfo[]; source: SourceText } {
  const m = parseModule(text);
  const stmts = m.statements.filter((s) => s.stmt);
  return { stmt: stmts.length === 1 && m.syntaxErrors.length === 0 ? stmts[0].stmt : null, errors: m.syntaxErrors, source: m.source };
}

function topLevel(source: SourceText, stmt: Stmt | null, s: Span, isExpression: boolean): TopLevelStatement {
  return {
    stmt,
    intact: stmt !== null,
    isExpression,
    span: s,
    range: source.lines.range(s),
    syntaxError: null,
    trailingComment: trailingComment(source, s),
    source,
  };
}

function trimmedSpan(text: string, n: { from: number; to: number }): Span {
  let to = n.to;
  while (to > n.from && /\s/.test(text[to - 1])) to--;
  return { from: n.from, to };
}

function trailingComment(source: SourceText, s: Span): { text: string; span: Span } | null {
  const line = source.lines.position(s.to).line;
  const end = source.lines.lineEnd(line);
  const rest = source.text.slice(s.to, end);
  const m = /^\s*#/.exec(rest);
  if (!m) return null;
  const from = s.to + m[0].length - 1;
  return { text: source.text.slice(from + 1, end), span: { from, to: end } };
}

function firstError(node: SyntaxNode, text: string): SyntaxNode | null {
  if (node.type.isError) return node;
  // A depth-counted walk of the node's descendants, not cursor.iterate(): iterate throws
  // inside @lezer/common on some very deep trees (found by fuzzing: 3,000 nested `not`s with
  // unclosed brackets). next() is no help: it does not stop at the node's end.
  const c = node.cursor();
  if (!c.firstChild()) return null;
  for (let depth = 1; ; ) {
    if (c.type.isError) {
      const parent = c.node.parent;
      if (!(parent && isTrailingDotFloat(parent, text))) return c.node;
    }
    if (c.firstChild()) {
      depth++;
      continue;
    }
    while (!c.nextSibling()) {
      c.parent();
      if (--depth === 0) return null;
    }
  }
}

/** A Python-like message for a lezer error node. */
function describeError(source: SourceText, error: SyntaxNode): SyntaxErrorInfo {
  const text = source.text;
  // An unclosed bracket: an enclosing node opens a bracket and never closes it.
  for (let p: SyntaxNode | null = error.parent; p; p = p.parent) {
    const first = p.firstChild;
    if (first && first.name in OPENERS && first.to - first.from === 1) {
      const last = p.lastChild;
      if (!last || last.name !== OPENERS[first.name] || last === first) {
        const s = { from: first.from, to: first.to };
        return { message: `'${first.name}' was never closed`, span: s, range: source.lines.range(s) };
      }
    }
  }
  const at = Math.min(error.from, text.length);
  const closer = /^\s*([)\]}])/.exec(text.slice(at, at + 20));
  if (closer && error.to > error.from) {
    const from = at + closer[0].length - 1;
    const s = { from, to: from + 1 };
    return { message: `unmatched '${closer[1]}'`, span: s, range: source.lines.range(s) };
  }
  const line = source.lines.position(at).line;
  const lineText = text.slice(source.lines.lineStart(line), source.lines.lineEnd(line)).replace(/#.*$/, '').trimEnd();
  if (COMPOUND_LINE.test(lineText) && !lineText.endsWith(':')) {
    const end = source.lines.lineStart(line) + lineText.length;
    const s = { from: end, to: end };
    return { message: "expected ':'", span: s, range: source.lines.range(s) };
  }
  let to = Math.max(error.to, at + 1);
  if (to > text.length) to = text.length;
  const s = { from: Math.min(at, to), to };
  return { message: 'invalid syntax', span: s, range: source.lines.range(s) };
}
