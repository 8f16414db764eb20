// `# @grad ...` annotation comments: what to compute for a function, written right above it.
//
//     # @grad w=2.0, x=jnp.array([1.0, 3.0])
//     # @grad(argnums=(0, 1)) 2.0, jnp.array([1.0, 3.0])
//     def f(w, x): ...
//
// The directive names a transform; the optional parenthesised part holds its keyword options;
// the rest is a Python argument list for the transformed function. An annotation belongs to
// the top-level `def` right below its comment block (above the decorators, if any); any other
// placement, or text that does not parse, gets a diagnostic on the comment itself.

import type { Diagnostic, Range } from '../report';
import { parseExpressionStatement, type ParsedModule } from '../syntax';
import type { Span, StmtOf } from '../syntax/ast';

export const ANNOTATION_TRANSFORMS = ['grad', 'value_and_grad', 'jacobian', 'jacfwd', 'jacrev', 'hessian'] as const;
export type AnnotationTransform = (typeof ANNOTATION_TRANSFORMS)[number];

export interface Annotation {
  transform: AnnotationTransform;
  functionName: string;
  /** The annotated `def` (top level). */
  def: StmtOf<'FunctionDef'>;
  /** Index of the def in `parsed.statements`: run the annotation right after that statement. */
  statementIndex: number;
  /** 1-based line of the comment, and its range (the whole comment). */
  line: number;
  range: Range;
  /** `argnums=(0, 1)` (without the parentheses), or '' when absent. */
  optionsText: string;
  /** `w=2.0, x=jnp.array([1.0, 3.0])`: the arguments as Python source. */
  argsText: string;
  /** Where `argsText` sits in the file (for locating errors in the arguments). */
  argsSpan: Span;
}

const DIRECTIVE = /^#\s*@(\w+)\b/;
const KNOWN = new Set<string>(ANNOTATION_TRANSFORMS);

export function findAnnotations(parsed: ParsedModule): { annotations: Annotation[]; diagnostics: Diagnostic[] } {
  const { text, lines } = parsed.source;
  const annotations: Annotation[] = [];
  const diagnostics: Diagnostic[] = [];
  const claimed = new Set<number>();

  parsed.statements.forEach((entry, statementIndex) => {
    const def = entry.stmt;
    if (!def || def.kind !== 'FunctionDef') return;
    // The comment block directly above the def (its span starts at the first decorator).
    for (let line = lines.position(entry.span.from).line - 1; line >= 1; line--) {
      const from = lines.lineStart(line);
      const raw = text.slice(from, lines.lineEnd(line));
      const trimmed = raw.trim();
      if (!trimmed.startsWith('#')) break;
      const m = DIRECTIVE.exec(trimmed);
      if (!m || !KNOWN.has(m[1])) continue;
      claimed.add(line);
      const commentFrom = from + raw.indexOf('#');
      const result = parseAnnotation(trimmed, commentFrom, m[1] as AnnotationTransform);
      const range = lines.range({ from: commentFrom, to: from + raw.trimEnd().length });
      if ('error' in result) {
        diagnostics.push({ severity: 'error', code: 'annotation-syntax', message: result.error, range });
        continue;
      }
      annotations.push({ ...result, functionName: def.name, def, statementIndex, line, range });
    }
  });

  // Directives that do not sit above a top-level def.
  for (let line = 1; line <= lines.lineCount; line++) {
    if (claimed.has(line)) continue;
    const from = lines.lineStart(line);
    const raw = text.slice(from, lines.lineEnd(line));
    const m = DIRECTIVE.exec(raw.trim());
    if (!m || !KNOWN.has(m[1]) || !isCommentLine(parsed, from + raw.indexOf('#'))) continue;
    diagnostics.push({
      severity: 'error',
      code: 'annotation-target',
      message: `This @${m[1]} annotation is not directly above a top-level def: put it on the line just above the function (or above its decorators), with no blank line between.`,
      range: lines.range({ from: from + raw.indexOf('#'), to: from + raw.trimEnd().length }),
    });
  }
  annotations.sort((a, b) => a.line - b.line);
  return { annotations, diagnostics };
}

/** True when `offset` starts a comment token (not a `#` inside a string). */
function isCommentLine(parsed: ParsedModule, offset: number): boolean {
  const node = parsed.tree.resolveInner(offset, 1);
  return node.name === 'Comment';
}

type Parsed = Pick<Annotation, 'transform' | 'optionsText' | 'argsText' | 'argsSpan'>;

/** Splits `# @grad(opts) args` and checks both parts parse as Python call arguments. */
function parseAnnotation(comment: string, commentFrom: number, transform: AnnotationTransform): Parsed | { error: string } {
  const head = DIRECTIVE.exec(comment)!;
  let rest = head[0].length;
  let optionsText = '';
  if (comment[rest] === '(') {
    const close = matchingParen(comment, rest);
    if (close < 0) return { error: `Malformed @${transform} annotation: '(' was never closed` };
    optionsText = comment.slice(rest + 1, close).trim();
    rest = close + 1;
    const options = callArguments(optionsText);
    if (!options) return { error: `Malformed @${transform} annotation: the options (${optionsText}) are not valid keyword arguments` };
    if (options.some((kind) => kind !== 'kw')) {
      return { error: `Malformed @${transform} annotation: options must be keyword arguments, e.g. @${transform}(argnums=(0, 1))` };
    }
  } else if (rest < comment.length && !/\s/.test(comment[rest])) {
    return { error: `Malformed @${transform} annotation: expected a space or '(' after @${transform}` };
  }
  const argsText = comment.slice(rest).trim();
  if (argsText === '') {
    return { error: `The @${transform} annotation needs the arguments to evaluate the function at, e.g. # @${transform} x=1.0` };
  }
  if (!callArguments(argsText)) {
    return { error: `Malformed @${transform} annotation: ${argsText} is not a valid Python argument list` };
  }
  const argsFrom = commentFrom + comment.indexOf(argsText, rest);
  return { transform, optionsText, argsText, argsSpan: { from: argsFrom, to: argsFrom + argsText.length } };
}

/** The kinds of the arguments of `f(<text>)`, or undefined when that does not parse. */
function callArguments(text: string): string[] | undefined {
  if (text === '') return [];
  const { stmt } = parseExpressionStatement(`f(${text})`);
  if (!stmt || stmt.kind !== 'Expr' || stmt.value.kind !== 'Call') return undefined;
  if (stmt.value.span.to - stmt.value.span.from !== text.length + 3) return undefined;
  return stmt.value.args.map((a) => a.kind);
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}
