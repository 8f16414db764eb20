// @lezer/python statement nodes → typed AST statements (ast.ts).

import type { SyntaxNode } from '@lezer/common';
import type { Alias, BinOpName, ExceptHandler, Expr, Stmt } from './ast';
import { ExprConverter, Malformed, kids, span, splitCommas } from './convertExpr';

const UNSUPPORTED_STMT: Record<string, string> = {
  MatchStatement: '`match` statements',
  YieldStatement: '`yield` statements',
  PrintStatement: 'Python 2 `print` statements',
  TypeDefinition: '`type` statements',
};

export class StmtConverter extends ExprConverter {
  /** One lezer statement node → one or more AST statements (`a; b` gives two). */
  statement(node: SyntaxNode): Stmt[] {
    if (node.name === 'StatementGroup') return kids(node).filter((k) => k.name !== ';').flatMap((k) => this.statement(k));
    const stmt = this.single(node);
    // Compound statements' nodes end after the newline; spans stop at the last character.
    let to = stmt.span.to;
    while (to > stmt.span.from && /\s/.test(this.src.text[to - 1])) to--;
    stmt.span = { from: stmt.span.from, to };
    return [stmt];
  }

  block(body: SyntaxNode | undefined): Stmt[] {
    if (!body || body.name !== 'Body') throw new Malformed('missing body');
    return kids(body).filter((k) => k.name !== ':').flatMap((k) => this.statement(k));
  }

  private single(node: SyntaxNode): Stmt {
    const s = span(node);
    const k = kids(node);
    const text = this.src.slice(node);
    if (/^async\b/.test(text)) {
      return { kind: 'Unsupported', what: node.name === 'FunctionDefinition' ? '`async` functions' : '`async` code', span: s };
    }
    switch (node.name) {
      case 'ExpressionStatement':
        return { kind: 'Expr', value: this.exprList(k), span: s };
      case 'AssignStatement':
        return this.assign(node, k);
      case 'UpdateStatement': {
        const opAt = k.findIndex((c) => c.name === 'UpdateOp');
        if (opAt < 0) throw new Malformed();
        const op = this.src.slice(k[opAt]).slice(0, -1) as BinOpName;
        const value = k[opAt + 1]?.name === 'YieldExpression' ? this.expr(k[opAt + 1]) : this.exprList(k.slice(opAt + 1));
        return { kind: 'AugAssign', target: this.exprList(k.slice(0, opAt)), op, value, span: s };
      }
      case 'PassStatement':
        return { kind: 'Pass', span: s };
      case 'BreakStatement':
        return { kind: 'Break', span: s };
      case 'ContinueStatement':
        return { kind: 'Continue', span: s };
      case 'ReturnStatement':
        return { kind: 'Return', value: k.length > 1 ? this.exprList(k.slice(1)) : null, span: s };
      case 'DeleteStatement':
        return { kind: 'Delete', targets: this.elements(k.slice(1)), span: s };
      case 'RaiseStatement': {
        const fromAt = k.findIndex((c) => c.name === 'from');
        if (k.some((c) => c.name === ',')) throw new Malformed();
        const exc = k[1] && k[1].name !== 'from' ? this.expr(k[1]) : null;
        return { kind: 'Raise', exc, cause: fromAt >= 0 ? this.expr(k[fromAt + 1]) : null, span: s };
      }
      case 'AssertStatement': {
        const items = splitCommas(k.slice(1));
        if (items.length < 1 || items.length > 2 || items.some((g) => g.length !== 1)) throw new Malformed();
        return { kind: 'Assert', test: this.expr(items[0][0]), msg: items[1] ? this.expr(items[1][0]) : null, span: s };
      }
      case 'ScopeStatement': {
        const names = k.filter((c) => c.name === 'VariableName').map((c) => this.src.slice(c));
        return k[0].name === 'global' ? { kind: 'Global', names, span: s } : { kind: 'Nonlocal', names, span: s };
      }
      case 'ImportStatement':
        return this.importStatement(k, s);
      case 'IfStatement':
        return this.ifStatement(k, 0, s);
      case 'WhileStatement': {
        const bodies = k.filter((c) => c.name === 'Body');
        return { kind: 'While', test: this.expr(k[1]), body: this.block(bodies[0]), orelse: bodies[1] ? this.block(bodies[1]) : [], span: s };
      }
      case 'ForStatement': {
        const inAt = k.findIndex((c) => c.name === 'in');
        const bodyAt = k.findIndex((c) => c.name === 'Body');
        if (inAt < 0 || bodyAt < 0) throw new Malformed();
        const bodies = k.filter((c) => c.name === 'Body');
        return {
          kind: 'For', target: this.exprList(k.slice(1, inAt)), iter: this.exprList(k.slice(inAt + 1, bodyAt)),
          body: this.block(bodies[0]), orelse: bodies[1] ? this.block(bodies[1]) : [], span: s,
        };
      }
      case 'TryStatement':
        return this.tryStatement(k, s);
      case 'WithStatement': {
        const bodyAt = k.findIndex((c) => c.name === 'Body');
        const items = splitCommas(k.slice(1, bodyAt)).map((g) => {
          const asAt = g.findIndex((c) => c.name === 'as');
          if (asAt < 0 ? g.length !== 1 : asAt !== 1 || g.length !== 3) throw new Malformed();
          return { context: this.expr(g[0]), target: asAt < 0 ? null : this.expr(g[2]) };
        });
        if (bodyAt < 0 || items.length === 0) throw new Malformed();
        return { kind: 'With', items, body: this.block(k[bodyAt]), span: s };
      }
      case 'FunctionDefinition':
        return this.functionDef(node, []);
      case 'ClassDefinition':
        return this.classDef(node, []);
      case 'DecoratedStatement': {
        const decorators = k.filter((c) => c.name === 'Decorator').map((d) => this.decorator(d));
        const def = k[k.length - 1];
        const stmt = def.name === 'FunctionDefinition' ? this.functionDef(def, decorators) : this.classDef(def, decorators);
        return { ...stmt, span: s };
      }
      default:
        if (node.name in UNSUPPORTED_STMT) return { kind: 'Unsupported', what: UNSUPPORTED_STMT[node.name], span: s };
        throw new Malformed(node.name);
    }
  }

  private assign(node: SyntaxNode, k: SyntaxNode[]): Stmt {
    const s = span(node);
    const typeAt = k.findIndex((c) => c.name === 'TypeDef');
    const groups: SyntaxNode[][] = [[]];
    for (const c of k) {
      if (c.name === 'AssignOp') groups.push([]);
      else if (c.name !== 'TypeDef') groups[groups.length - 1].push(c);
    }
    const exprs = groups.map((g) => {
      if (g.length === 1 && g[0].name === 'YieldExpression') return this.expr(g[0]);
      return this.exprList(g);
    });
    if (typeAt >= 0) {
      // `x: T = v` — annotations are not evaluated (as under `from __future__ import annotations`).
      if (exprs.length > 2) throw new Malformed();
      return { kind: 'AnnAssign', target: exprs[0], value: exprs[1] ?? null, span: s };
    }
    if (exprs.length < 2) throw new Malformed();
    return { kind: 'Assign', targets: exprs.slice(0, -1), value: exprs[exprs.length - 1], span: s };
  }

  private ifStatement(k: SyntaxNode[], at: number, s: { from: number; to: number }): Stmt {
    // k[at] is `if` or `elif`, then the test and the Body; then elif/else continue.
    const test = this.expr(k[at + 1]);
    const body = this.block(k[at + 2]);
    const next = k[at + 3];
    let orelse: Stmt[] = [];
    if (next?.name === 'elif') orelse = [this.ifStatement(k, at + 3, { from: next.from, to: s.to })];
    else if (next?.name === 'else') orelse = this.block(k[at + 4]);
    else if (next) throw new Malformed();
    return { kind: 'If', test, body, orelse, span: s };
  }

  private tryStatement(k: SyntaxNode[], s: { from: number; to: number }): Stmt {
    const body = this.block(k[1]);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    let i = 2;
    while (i < k.length) {
      const kw = k[i];
      if (kw.name === 'except') {
        let j = i + 1;
        if (k[j]?.name === '*') throw new Malformed('except*');
        let type: Expr | null = null;
        let name: string | null = null;
        if (k[j] && k[j].name !== 'Body') type = this.expr(k[j++]);
        if (k[j]?.name === 'as') {
          name = this.src.slice(k[j + 1]);
          j += 2;
        }
        if (k[j]?.name !== 'Body') throw new Malformed();
        handlers.push({ type, name, body: this.block(k[j]), span: { from: kw.from, to: k[j].to } });
        i = j + 1;
      } else if (kw.name === 'else') {
        orelse = this.block(k[i + 1]);
        i += 2;
      } else if (kw.name === 'finally') {
        finalbody = this.block(k[i + 1]);
        i += 2;
      } else {
        throw new Malformed();
      }
    }
    return { kind: 'Try', body, handlers, orelse, finalbody, span: s };
  }

  private importStatement(k: SyntaxNode[], s: { from: number; to: number }): Stmt {
    if (k[0].name === 'import') return { kind: 'Import', names: this.aliases(k.slice(1)), span: s };
    const importAt = k.findIndex((c) => c.name === 'import');
    if (importAt < 0) throw new Malformed();
    let level = 0;
    const moduleParts: string[] = [];
    for (const c of k.slice(1, importAt)) {
      const t = this.src.slice(c);
      if (c.name === '.' || c.name === 'Ellipsis') {
        if (moduleParts.length === 0) level += t.length;
      } else if (c.name === 'VariableName') moduleParts.push(t);
    }
    const rest = k.slice(importAt + 1).filter((c) => c.name !== '(' && c.name !== ')');
    if (rest.length === 1 && rest[0].name === '*') return { kind: 'ImportFrom', module: moduleParts.join('.'), level, names: '*', span: s };
    return { kind: 'ImportFrom', module: moduleParts.join('.'), level, names: this.aliases(rest), span: s };
  }

  /** `a.b as c, d` → aliases. Dotted names come as VariableName `.` VariableName tokens. */
  private aliases(nodes: SyntaxNode[]): Alias[] {
    return splitCommas(nodes).map((g) => {
      const asAt = g.findIndex((c) => c.name === 'as');
      const nameNodes = asAt >= 0 ? g.slice(0, asAt) : g;
      const name = nameNodes.map((c) => this.src.slice(c)).join('');
      if (!/^[\w.]+$/.test(name)) throw new Malformed();
      return { name, asname: asAt >= 0 ? this.src.slice(g[asAt + 1]) : null };
    });
  }

  private decorator(node: SyntaxNode): Expr {
    const k = kids(node).filter((c) => c.name !== 'At');
    // `@a.b.c(args)`: a dotted name, optionally called.
    let expr: Expr | null = null;
    for (const c of k) {
      if (c.name === 'VariableName') {
        const name = this.src.slice(c);
        expr = expr === null
          ? { kind: 'Name', id: name, span: span(c) }
          : { kind: 'Attribute', value: expr, attr: name, span: { from: expr.span.from, to: c.to } };
      } else if (c.name === 'ArgList') {
        if (!expr) throw new Malformed();
        expr = { kind: 'Call', func: expr, args: this.args(c), span: { from: expr.span.from, to: c.to } };
      } else if (c.name !== '.') {
        throw new Malformed();
      }
    }
    if (!expr) throw new Malformed();
    return expr;
  }

  private functionDef(node: SyntaxNode, decorators: Expr[]): Stmt {
    const k = kids(node);
    if (k[0].name === 'async') return { kind: 'Unsupported', what: '`async` functions', span: span(node) };
    const nameNode = k.find((c) => c.name === 'VariableName');
    const paramList = k.find((c) => c.name === 'ParamList');
    if (!nameNode || !paramList) throw new Malformed();
    if (k.some((c) => c.name === 'TypeParamList')) return { kind: 'Unsupported', what: 'generic type parameters', span: span(node) };
    const params = this.params(kids(paramList));
    const body = this.block(k.find((c) => c.name === 'Body'));
    return { kind: 'FunctionDef', name: this.src.slice(nameNode), params, body, decorators, span: span(node) };
  }

  private classDef(node: SyntaxNode, decorators: Expr[]): Stmt {
    const k = kids(node);
    const nameNode = k.find((c) => c.name === 'VariableName');
    if (!nameNode) throw new Malformed();
    const argList = k.find((c) => c.name === 'ArgList');
    const bases = argList ? this.args(argList).map((a) => {
      if (a.kind !== 'pos') throw new Malformed();
      return a.value;
    }) : [];
    return { kind: 'ClassDef', name: this.src.slice(nameNode), bases, body: this.block(k.find((c) => c.name === 'Body')), decorators, span: span(node) };
  }
}
