// What the static checks know about a module without running it: its text, statements,
// imports, top-level functions, and which names visibly hold JAX arrays.

import type { ParsedModule } from '../syntax';
import type { Expr, Stmt } from '../syntax/ast';
import type { LineIndex } from '../syntax/lineIndex';
import {
  type FunctionDef, type ImportMap, importMap, intLiteral, keywordArg, positionalArgs, qualifiedName,
  topLevelDefs, topStatements, walk,
  SCOPES,
} from './walk';

export interface ModuleFacts {
  text: string;
  lines: LineIndex;
  stmts: Stmt[];
  imports: ImportMap;
  defs: Map<string, FunctionDef>;
  /** Module-level names whose every assignment is a JAX array constructor or jnp call. */
  arrayNames: Map<string, Expr>;
  /** Module-level names assigned exactly once (`n = 3`), with the assigned expression. */
  singleBindings: Map<string, Expr>;
}

export function moduleFacts(parsed: ParsedModule): ModuleFacts {
  const stmts = topStatements(parsed);
  const imports = importMap(stmts);
  return {
    text: parsed.source.text,
    lines: parsed.source.lines,
    stmts,
    imports,
    defs: topLevelDefs(stmts),
    arrayNames: arrayBindings(stmts, imports),
    singleBindings: singleBindings(stmts),
  };
}

export function sourceOf(facts: ModuleFacts, e: { span: { from: number; to: number } }): string {
  return facts.text.slice(e.span.from, e.span.to);
}

/** True when `e` evaluates to a `jax.Array` for sure: a call into jax.numpy / jax.nn / jax.random. */
export function isArrayProducing(e: Expr, imports: ImportMap): boolean {
  if (e.kind !== 'Call') return false;
  const q = qualifiedName(e.func, imports);
  if (q !== undefined) return /^jax\.(numpy|nn|random|lax)\./.test(q);
  // `x.at[i].set(v)` and array methods on an array expression
  return e.func.kind === 'Attribute' && e.func.value.kind === 'Subscript' &&
    e.func.value.value.kind === 'Attribute' && e.func.value.value.attr === 'at';
}

/**
 * Names assigned (in `body`, not in nested functions) only from array-producing expressions.
 * Flow-insensitive on purpose: a name that is sometimes something else is not reported.
 */
export function arrayBindings(body: readonly Stmt[], imports: ImportMap): Map<string, Expr> {
  const arrays = new Map<string, Expr>();
  const other = new Set<string>();
  walk(body, (n, parents) => {
    if (n.kind === 'Assign') {
      for (const t of n.targets) {
        if (t.kind !== 'Name') continue;
        if (isArrayProducing(n.value, imports)) arrays.set(t.id, n.value);
        else other.add(t.id);
      }
    } else if (n.kind === 'For' || n.kind === 'AugAssign' || n.kind === 'AnnAssign') {
      for (const name of boundNames(n.target)) other.add(name);
    } else if (n.kind === 'FunctionDef' || n.kind === 'ClassDef') {
      other.add(n.name);
    }
  }, SCOPES);
  for (const name of other) arrays.delete(name);
  return arrays;
}

const SHAPED_CONSTRUCTORS = new Set(['zeros', 'ones', 'full', 'empty']);

/**
 * True when `e` (or the module-level array it names) is visibly an array with at least one
 * dimension: `jnp.array([...])`, `jnp.ones(3)`, `jnp.arange(n)`, `jnp.linspace(...)`.
 */
export function visiblyNonScalarArray(e: Expr, facts: ModuleFacts): boolean {
  if (e.kind === 'Name') {
    const bound = facts.arrayNames.get(e.id);
    return bound !== undefined && bound !== e && visiblyNonScalarArray(bound, facts);
  }
  if (e.kind !== 'Call') return false;
  const q = qualifiedName(e.func, facts.imports);
  if (q === undefined || !q.startsWith('jax.numpy.')) return false;
  const fn = q.slice('jax.numpy.'.length);
  const first = positionalArgs(e)[0] ?? keywordArg(e, 'shape');
  if (fn === 'array' || fn === 'asarray') return first !== undefined && first.kind === 'List';
  if (fn === 'arange' || fn === 'linspace') return true;
  if (SHAPED_CONSTRUCTORS.has(fn) && first) {
    const n = intLiteral(first);
    if (n !== undefined) return n > 0;
    return (first.kind === 'Tuple' || first.kind === 'List') && first.elts.length > 0;
  }
  return false;
}

/** Names a target binds: `a`, `(a, b)`, `[a, *b]`; not `a[i]` or `a.b`, which mutate `a`. */
function boundNames(target: Expr): string[] {
  if (target.kind === 'Name') return [target.id];
  if (target.kind === 'Tuple' || target.kind === 'List') return target.elts.flatMap(boundNames);
  if (target.kind === 'Starred') return boundNames(target.value);
  return [];
}

/** Names bound exactly once by a plain `name = value` at module level (not in loops or functions). */
function singleBindings(stmts: readonly Stmt[]): Map<string, Expr> {
  const once = new Map<string, Expr>();
  const many = new Set<string>();
  walk(stmts, (n, parents) => {
    const targets =
      n.kind === 'Assign' ? n.targets.flatMap(boundNames)
      : n.kind === 'For' || n.kind === 'AugAssign' || n.kind === 'AnnAssign' ? boundNames(n.target)
      : n.kind === 'FunctionDef' || n.kind === 'ClassDef' ? [n.name] : [];
    for (const t of targets) {
      const simple = n.kind === 'Assign' && n.targets.length === 1 && n.targets[0].kind === 'Name' && !parents.some((p) => p.kind === 'For' || p.kind === 'While');
      if (once.has(t) || many.has(t) || !simple) {
        once.delete(t);
        many.add(t);
      } else if (n.kind === 'Assign') once.set(t, n.value);
    }
  }, SCOPES);
  return once;
}
