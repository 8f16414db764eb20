// Read-only helpers over the typed AST for the static checks: walking every node with its
// parents, resolving names through the file's imports (`jnp.sum` → `jax.numpy.sum`), and
// finding the top-level `def`s. Nothing here evaluates code.

import type { Expr, ExprOf, Params, Stmt, StmtOf } from '../syntax/ast';
import type { ParsedModule } from '../syntax';

export type Node = Expr | Stmt;

/** The intact top-level statements of a parsed module, in order. */
export function topStatements(parsed: ParsedModule): Stmt[] {
  return parsed.statements.flatMap((s) => (s.intact && s.stmt ? [s.stmt] : []));
}

/** Direct children of a node (expressions and statements), in source order. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  const add = (...xs: (Node | null | undefined)[]): void => {
    for (const x of xs) if (x) out.push(x);
  };
  const params = (p: Params): void => {
    for (const q of [...p.positional, ...p.kwonly]) add(q.default);
  };
  switch (node.kind) {
    case 'Expr':
      add(node.value);
      break;
    case 'Assign':
      add(...node.targets, node.value);
      break;
    case 'AnnAssign':
      add(node.target, node.value);
      break;
    case 'AugAssign':
      add(node.target, node.value);
      break;
    case 'If':
    case 'While':
      add(node.test, ...node.body, ...node.orelse);
      break;
    case 'For':
      add(node.target, node.iter, ...node.body, ...node.orelse);
      break;
    case 'Return':
      add(node.value);
      break;
    case 'FunctionDef':
      add(...node.decorators);
      params(node.params);
      add(...node.body);
      break;
    case 'ClassDef':
      add(...node.decorators, ...node.bases, ...node.body);
      break;
    case 'Assert':
      add(node.test, node.msg);
      break;
    case 'Raise':
      add(node.exc, node.cause);
      break;
    case 'Try':
      add(...node.body);
      for (const h of node.handlers) add(h.type, ...h.body);
      add(...node.orelse, ...node.finalbody);
      break;
    case 'Delete':
      add(...node.targets);
      break;
    case 'Tuple':
    case 'List':
    case 'Set':
      add(...node.elts);
      break;
    case 'Starred':
      add(node.value);
      break;
    case 'Dict':
      for (const it of node.items) 'unpack' in it ? add(it.unpack) : add(it.key, it.value);
      break;
    case 'BinOp':
    case 'BoolOp':
      add(node.left, node.right);
      break;
    case 'UnaryOp':
      add(node.operand);
      break;
    case 'Compare':
      add(node.left, ...node.comparators);
      break;
    case 'Call':
      add(node.func, ...node.args.map((a) => a.value));
      break;
    case 'Attribute':
      add(node.value);
      break;
    case 'Subscript':
      add(node.value, node.index);
      break;
    case 'Slice':
      add(node.lower, node.upper, node.step);
      break;
    case 'IfExp':
      add(node.test, node.body, node.orelse);
      break;
    case 'Lambda':
      params(node.params);
      add(node.body);
      break;
    case 'Comprehension':
      add(node.elt);
      for (const g of node.generators) add(g.target, g.iter, ...g.ifs);
      break;
    case 'DictComprehension':
      add(node.key, node.value);
      for (const g of node.generators) add(g.target, g.iter, ...g.ifs);
      break;
    case 'FString':
      for (const p of node.parts) if (typeof p !== 'string') add(p.expr);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Calls `visit(node, parents)` for every node under `roots`, depth first, parents outermost
 * first. Nodes whose kind is in `skipInside` are visited but not entered: the way to stay in
 * one scope, in time linear in the tree (asking every node whether some parent is a function
 * made a 1,500-deep `not not ... x` take a quarter of a second).
 */
export function walk(
  roots: readonly Node[],
  visit: (node: Node, parents: readonly Node[]) => void,
  skipInside?: ReadonlySet<Node['kind']>,
): void {
  const parents: Node[] = [];
  const go = (n: Node): void => {
    visit(n, parents);
    if (skipInside?.has(n.kind)) return;
    parents.push(n);
    for (const c of children(n)) go(c);
    parents.pop();
  };
  for (const r of roots) go(r);
}

/** The kinds that open a new scope (for `walk`'s `skipInside`). */
export const SCOPES: ReadonlySet<Node['kind']> = new Set<Node['kind']>(['FunctionDef', 'Lambda', 'ClassDef']);
/** Function scopes only (a class body runs in the enclosing flow). */
export const FUNCTIONS: ReadonlySet<Node['kind']> = new Set<Node['kind']>(['FunctionDef', 'Lambda']);

/** How the file's top-level imports bind names: local name → dotted module path. */
export type ImportMap = Map<string, string>;

export function importMap(stmts: readonly Stmt[]): ImportMap {
  const map: ImportMap = new Map();
  for (const s of stmts) {
    if (s.kind === 'Import') {
      for (const a of s.names) {
        if (a.asname) map.set(a.asname, a.name);
        else map.set(a.name.split('.')[0], a.name.split('.')[0]);
      }
    } else if (s.kind === 'ImportFrom' && s.level === 0 && s.names !== '*') {
      for (const a of s.names) map.set(a.asname ?? a.name, `${s.module}.${a.name}`);
    }
  }
  return map;
}

/** `jnp.sum` → `jax.numpy.sum` through the imports; undefined when not a dotted name of a module. */
export function qualifiedName(e: Expr, imports: ImportMap): string | undefined {
  if (e.kind === 'Name') return imports.get(e.id);
  if (e.kind === 'Attribute') {
    const base = qualifiedName(e.value, imports);
    return base === undefined ? undefined : `${base}.${e.attr}`;
  }
  return undefined;
}

/** The local name under which module `dotted` (e.g. 'jax.numpy') is reachable, as source text. */
export function moduleAlias(dotted: string, imports: ImportMap): string | undefined {
  for (const [local, target] of imports) if (target === dotted) return local;
  // `import jax` makes `jax.numpy` reachable as an attribute path.
  for (const [local, target] of imports) {
    if (dotted.startsWith(`${target}.`)) return local + dotted.slice(target.length);
  }
  return undefined;
}

/** The transforms whose function argument is differentiated, by qualified name. */
export const GRAD_FAMILY: Readonly<Record<string, string>> = {
  'jax.grad': 'grad',
  'jax.value_and_grad': 'value_and_grad',
  'jax.jacobian': 'jacobian',
  'jax.jacfwd': 'jacfwd',
  'jax.jacrev': 'jacrev',
  'jax.hessian': 'hessian',
};

/** The transform name when `call` is `jax.grad(...)` (or an alias of a grad-family transform). */
export function gradFamilyName(call: Expr, imports: ImportMap): string | undefined {
  if (call.kind !== 'Call') return undefined;
  const q = qualifiedName(call.func, imports);
  return q === undefined ? undefined : GRAD_FAMILY[q];
}

export function keywordArg(call: ExprOf<'Call'>, name: string): Expr | undefined {
  for (const a of call.args) if (a.kind === 'kw' && a.name === name) return a.value;
  return undefined;
}

export function positionalArgs(call: ExprOf<'Call'>): Expr[] {
  const out: Expr[] = [];
  for (const a of call.args) {
    if (a.kind !== 'pos') break; // after a *args the positions are unknown
    out.push(a.value);
  }
  return out;
}

/** True when the call has `*args`/`**kwargs`, so positions cannot be counted statically. */
export function hasUnpacking(call: ExprOf<'Call'>): boolean {
  return call.args.some((a) => a.kind === 'star' || a.kind === 'dstar');
}

/** A literal int (also `-3`), or undefined. */
export function intLiteral(e: Expr): number | undefined {
  if (e.kind === 'Constant' && e.value.type === 'int') return Number(e.value.value);
  if (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant' && e.operand.value.type === 'int') {
    return -Number(e.operand.value.value);
  }
  return undefined;
}

/** A literal `argnums`: an int or a tuple/list of ints, each with its expression. */
export function literalArgnums(e: Expr): { value: number; expr: Expr }[] | undefined {
  const single = intLiteral(e);
  if (single !== undefined) return [{ value: single, expr: e }];
  if (e.kind !== 'Tuple' && e.kind !== 'List') return undefined;
  const out: { value: number; expr: Expr }[] = [];
  for (const x of e.elts) {
    const v = intLiteral(x);
    if (v === undefined) return undefined;
    out.push({ value: v, expr: x });
  }
  return out;
}

export type FunctionDef = StmtOf<'FunctionDef'>;

/** Top-level `def`s by name (the last definition wins, as at run time). */
export function topLevelDefs(stmts: readonly Stmt[]): Map<string, FunctionDef> {
  const defs = new Map<string, FunctionDef>();
  for (const s of stmts) if (s.kind === 'FunctionDef') defs.set(s.name, s);
  return defs;
}

/** `return` statements of a function body, not those of nested functions. */
export function returnsOf(body: readonly Stmt[]): StmtOf<'Return'>[] {
  const out: StmtOf<'Return'>[] = [];
  walk(body, (n, parents) => {
    if (n.kind === 'Return' && !parents.some((p) => p.kind === 'FunctionDef' || p.kind === 'Lambda')) out.push(n);
  });
  return out;
}
