// Scopes: which names a function (or comprehension, or class body) binds locally, found once
// per definition by a static pass over its body, as CPython's symbol table does; and the
// runtime scope objects that hold the values.
//
// Name resolution follows Python: a name bound anywhere in a function body is local to the
// whole body (reading it before assignment is UnboundLocalError); `global`/`nonlocal` redirect
// it; free names are looked up in the enclosing function scopes (live, like cells), then the
// module globals, then the builtins. Class bodies are not enclosing scopes for the functions
// defined in them.

import type { Expr, Params, Stmt } from '../syntax/ast';
import type { PyObject } from './object';

export interface ScopeInfo {
  locals: Set<string>;
  globals: Set<string>;
  nonlocals: Set<string>;
}

const cache = new WeakMap<object, ScopeInfo>();

/** Scope facts of a def/lambda (keyed by its node), computed once. */
export function functionScopeInfo(node: object, params: Params, body: readonly Stmt[] | Expr): ScopeInfo {
  let info = cache.get(node);
  if (info) return info;
  info = { locals: new Set(), globals: new Set(), nonlocals: new Set() };
  for (const p of params.positional) info.locals.add(p.name);
  for (const p of params.kwonly) info.locals.add(p.name);
  if (params.varargs) info.locals.add(params.varargs);
  if (params.varkw) info.locals.add(params.varkw);
  if (Array.isArray(body)) for (const s of body) collectStmt(s as Stmt, info);
  else collectExpr(body as Expr, info);
  for (const g of info.globals) info.locals.delete(g);
  for (const n of info.nonlocals) info.locals.delete(n);
  cache.set(node, info);
  return info;
}

/** Scope facts of a comprehension: its targets are local; walrus is not supported. */
export function comprehensionScopeInfo(node: Expr & { generators: { target: Expr }[] }): ScopeInfo {
  let info = cache.get(node);
  if (info) return info;
  info = { locals: new Set(), globals: new Set(), nonlocals: new Set() };
  for (const g of node.generators) collectTarget(g.target, info);
  cache.set(node, info);
  return info;
}

export function classScopeInfo(node: object, body: readonly Stmt[]): ScopeInfo {
  return functionScopeInfo(node, { positional: [], positionalOnly: 0, varargs: null, kwonly: [], varkw: null }, body);
}

function collectTarget(t: Expr, info: ScopeInfo): void {
  switch (t.kind) {
    case 'Name':
      info.locals.add(t.id);
      break;
    case 'Tuple':
    case 'List':
      for (const e of t.elts) collectTarget(e, info);
      break;
    case 'Starred':
      collectTarget(t.value, info);
      break;
    default:
      collectExpr(t, info);
  }
}

/** Expressions bind nothing except through nested scopes we do not enter. */
function collectExpr(_e: Expr, _info: ScopeInfo): void {
  // Walrus (`:=`) is unsupported, so expressions never bind names in this scope.
}

function collectStmt(s: Stmt, info: ScopeInfo): void {
  switch (s.kind) {
    case 'Assign':
      for (const t of s.targets) collectTarget(t, info);
      break;
    case 'AnnAssign':
      if (s.target.kind === 'Name') info.locals.add(s.target.id);
      break;
    case 'AugAssign':
      collectTarget(s.target, info);
      break;
    case 'For':
      collectTarget(s.target, info);
      s.body.forEach((b) => collectStmt(b, info));
      s.orelse.forEach((b) => collectStmt(b, info));
      break;
    case 'If':
    case 'While':
      s.body.forEach((b) => collectStmt(b, info));
      s.orelse.forEach((b) => collectStmt(b, info));
      break;
    case 'Try':
      s.body.forEach((b) => collectStmt(b, info));
      for (const h of s.handlers) {
        if (h.name) info.locals.add(h.name);
        h.body.forEach((b) => collectStmt(b, info));
      }
      s.orelse.forEach((b) => collectStmt(b, info));
      s.finalbody.forEach((b) => collectStmt(b, info));
      break;
    case 'FunctionDef':
    case 'ClassDef':
      info.locals.add(s.name);
      break;
    case 'Import':
      for (const a of s.names) info.locals.add(a.asname ?? a.name.split('.')[0]);
      break;
    case 'ImportFrom':
      if (s.names !== '*') for (const a of s.names) info.locals.add(a.asname ?? a.name);
      break;
    case 'Global':
      s.names.forEach((n) => info.globals.add(n));
      break;
    case 'Nonlocal':
      s.names.forEach((n) => info.nonlocals.add(n));
      break;
    case 'Delete':
      for (const t of s.targets) if (t.kind === 'Name') info.locals.add(t.id);
      break;
    case 'With':
      for (const item of s.items) if (item.target) collectTarget(item.target, info);
      s.body.forEach((b) => collectStmt(b, info));
      break;
    default:
      break;
  }
}

/** The runtime values of one scope. `info` null means the module scope (vars are the globals). */
export class Scope {
  readonly vars: Map<string, PyObject>;
  constructor(
    readonly info: ScopeInfo | null,
    /** The enclosing function scope for free names (class bodies are skipped). */
    readonly parent: Scope | null,
    readonly globals: Map<string, PyObject>,
    /** True for a class body: its names are not visible to functions defined inside it. */
    readonly isClass = false,
    /** Qualified-name prefix of definitions made here: 'f.<locals>.', 'C.', or '' at module level. */
    readonly owner = '',
  ) {
    this.vars = info === null ? globals : new Map();
  }

  /** The scope that closures created here capture. */
  get closureScope(): Scope | null {
    return this.isClass ? this.parent : this.info === null ? null : this;
  }
}
