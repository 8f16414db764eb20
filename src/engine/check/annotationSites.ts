// The static view of an annotation, for lints and fixes: its arguments as AST expressions in
// file coordinates (they live inside a comment), bound to the annotated function's positional
// parameters, with its literal options.

import { parseExpressionStatement, type ParsedModule } from '../syntax';
import type { Expr, Span } from '../syntax/ast';
import { type Annotation, findAnnotations } from './annotations';
import { literalArgnums } from './walk';

export interface AnnotationSite {
  annotation: Annotation;
  /** Argument expression for each positional parameter of the def (undefined where not given). */
  args: (Expr | undefined)[];
  argnums: { value: number; expr: Expr | undefined }[] | undefined;
  hasAux: boolean;
  allowInt: boolean;
}

/** Parses `f(<text>)` and returns its call arguments shifted so spans point into the file. */
function argumentsAt(text: string, at: number): { pos: Expr[]; kw: Map<string, Expr> } | undefined {
  const { stmt } = parseExpressionStatement(`f(${text})`);
  if (!stmt || stmt.kind !== 'Expr' || stmt.value.kind !== 'Call') return undefined;
  const call = shiftSpans(stmt.value, at - 2);
  const pos: Expr[] = [];
  const kw = new Map<string, Expr>();
  for (const a of call.args) {
    if (a.kind === 'pos') pos.push(a.value);
    else if (a.kind === 'kw') kw.set(a.name, a.value);
    else return undefined;
  }
  return { pos, kw };
}

/** A copy of an AST subtree with every span moved by `delta`. */
function shiftSpans<T>(node: T, delta: number): T {
  if (Array.isArray(node)) return node.map((x) => shiftSpans(x, delta)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    out[k] = k === 'span' ? { from: (v as Span).from + delta, to: (v as Span).to + delta } : shiftSpans(v, delta);
  }
  return out as T;
}

export function annotationSites(parsed: ParsedModule): AnnotationSite[] {
  const sites: AnnotationSite[] = [];
  for (const a of findAnnotations(parsed).annotations) {
    const args = argumentsAt(a.argsText, a.argsSpan.from);
    const optionsFrom = parsed.source.text.indexOf(a.optionsText, a.range.start.offset);
    const options = a.optionsText ? argumentsAt(a.optionsText, optionsFrom) : { pos: [], kw: new Map<string, Expr>() };
    if (!args || !options) continue;
    const params = a.def.params.positional.map((p) => p.name);
    const bound: (Expr | undefined)[] = params.map((p, i) => args.pos[i] ?? args.kw.get(p));
    const argnumsExpr = options.kw.get('argnums');
    const isTrue = (name: string) => {
      const e = options.kw.get(name);
      return e !== undefined && e.kind === 'Constant' && e.value.type === 'bool' && e.value.value;
    };
    sites.push({
      annotation: a,
      args: bound,
      argnums: argnumsExpr ? literalArgnums(argnumsExpr) : [{ value: 0, expr: undefined }],
      hasAux: isTrue('has_aux'),
      allowInt: isTrue('allow_int'),
    });
  }
  return sites;
}
