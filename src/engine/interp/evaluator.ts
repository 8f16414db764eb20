// The tree-walking evaluator's statements (expressions.ts holds expressions, names and calls).
//
// Control flow inside a function is returned as a `Completion` code instead of thrown, so
// loops and returns cost no JS exceptions; Python exceptions travel as `PyError`s. Every
// statement counts one step of the run's budget.

import { PyError, notSupported, typeError } from '../errors';
import { runContext } from '../context';
import type { Expr, ExprOf, Stmt, StmtOf } from '../syntax/ast';
import { causes, exceptionClass } from './builtins/exceptions';
import { None, PyClass, PyExceptionObject, PyList, PyObject, PyTuple } from './object';
import {
  callObject, delItem, exceptionObject, getAttr, getItem, inplaceOp, iterate, lookupAttr, raiseObject, setAttr, setItem,
  truthy,
} from './protocol';
import { Scope } from './scope';
import { unpackValues } from './unpack';
import { defineClass, deleteAttr } from './classes';
import type { Importer } from './imports';
import { Completion, ExpressionEvaluator, describeTarget } from './expressions';

export { Completion, OUTSIDE_WORLD_BUILTINS, outsideWorldMessage } from './expressions';

export class Evaluator extends ExpressionEvaluator {
  /** Exceptions being handled (innermost last), for a bare `raise`. */
  private readonly handling: PyError[] = [];

  constructor(
    globals: Map<string, PyObject>,
    builtins: Map<string, PyObject>,
    private readonly importer: Importer,
  ) {
    super(globals, builtins);
  }

  // ------------------------------------------------------------ statements

  execBlock(stmts: readonly Stmt[], scope: Scope): Completion {
    for (let i = 0; i < stmts.length; i++) {
      const c = this.exec(stmts[i], scope);
      if (c !== Completion.Normal) return c;
    }
    return Completion.Normal;
  }

  exec(s: Stmt, scope: Scope): Completion {
    runContext().step();
    const frame = this.frame;
    frame.span = s.span;
    switch (s.kind) {
      case 'Expr':
        this.eval(s.value, scope);
        return Completion.Normal;
      case 'Assign': {
        const v = this.eval(s.value, scope);
        for (const t of s.targets) this.assign(t, v, scope);
        return Completion.Normal;
      }
      case 'AnnAssign':
        if (s.value) this.assign(s.target, this.eval(s.value, scope), scope);
        return Completion.Normal;
      case 'AugAssign':
        this.augAssign(s, scope);
        return Completion.Normal;
      case 'If':
        return this.truth(s.test, scope) ? this.execBlock(s.body, scope) : this.execBlock(s.orelse, scope);
      case 'While':
        while (this.truth(s.test, scope)) {
          frame.span = s.span;
          const c = this.execBlock(s.body, scope);
          if (c === Completion.Break) return Completion.Normal;
          if (c === Completion.Return) return c;
          runContext().step();
        }
        return this.execBlock(s.orelse, scope);
      case 'For': {
        const iterable = this.eval(s.iter, scope);
        for (const item of iterate(iterable)) {
          this.assign(s.target, item, scope);
          const c = this.execBlock(s.body, scope);
          if (c === Completion.Break) return Completion.Normal;
          if (c === Completion.Return) return c;
          frame.span = s.span;
        }
        return this.execBlock(s.orelse, scope);
      }
      case 'Break':
        return Completion.Break;
      case 'Continue':
        return Completion.Continue;
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        return Completion.Normal;
      case 'Return':
        frame.returnValue = s.value ? this.eval(s.value, scope) : None;
        return Completion.Return;
      case 'FunctionDef':
        this.store(s.name, this.defineFunction(s, scope), scope);
        return Completion.Normal;
      case 'ClassDef':
        this.store(s.name, defineClass(this, s, scope), scope);
        return Completion.Normal;
      case 'Import':
        for (const alias of s.names) {
          if (alias.asname) this.store(alias.asname, this.importer.importModule(alias.name), scope);
          else this.store(alias.name.split('.')[0], this.importer.importTop(alias.name), scope);
        }
        return Completion.Normal;
      case 'ImportFrom':
        for (const [name, value] of this.importer.importFrom(s.module, s.level, s.names)) this.store(name, value, scope);
        return Completion.Normal;
      case 'Assert':
        if (!this.truth(s.test, scope)) {
          const args = s.msg ? [this.eval(s.msg, scope)] : [];
          raiseObject(new PyExceptionObject(exceptionClass('AssertionError'), args));
        }
        return Completion.Normal;
      case 'Raise':
        return this.raise(s, scope);
      case 'Try':
        return this.tryStatement(s, scope);
      case 'With':
        return this.withStatement(s, scope, 0);
      case 'Delete':
        for (const t of s.targets) this.delete(t, scope);
        return Completion.Normal;
      case 'Unsupported':
        throw notSupported(s.what);
    }
  }

  private raise(s: StmtOf<'Raise'>, scope: Scope): Completion {
    if (!s.exc) {
      const current = this.handling[this.handling.length - 1];
      if (!current) throw new PyError('RuntimeError', 'No active exception to reraise');
      throw current;
    }
    const obj = this.toException(this.eval(s.exc, scope));
    if (s.cause) {
      const cause = this.eval(s.cause, scope);
      causes.set(obj, cause === None ? None : this.toException(cause));
    }
    raiseObject(obj);
  }

  private toException(v: PyObject): PyExceptionObject {
    if (v instanceof PyClass && v.isSubclassOf(exceptionClass('BaseException'))) {
      const made = callObject(v, []);
      if (made instanceof PyExceptionObject) return made;
    }
    if (v instanceof PyExceptionObject) return v;
    throw typeError('exceptions must derive from BaseException');
  }

  private tryStatement(s: StmtOf<'Try'>, scope: Scope): Completion {
    try {
      let completion: Completion;
      let raised = false;
      try {
        completion = this.execBlock(s.body, scope);
      } catch (e0) {
        const e = ExpressionEvaluator.asPyError(e0);
        // Budgets are not Python exceptions user code may swallow.
        if (!(e instanceof PyError) || e.pyType === 'BudgetExceeded') throw e;
        raised = true;
        this.noteTraceback(e);
        completion = this.handle(s, e, scope);
      }
      if (!raised && completion === Completion.Normal) completion = this.execBlock(s.orelse, scope);
      return completion;
    } finally {
      if (s.finalbody.length > 0) {
        const c = this.execBlock(s.finalbody, scope);
        // `return`/`break`/`continue` in `finally` replaces whatever was propagating, as in Python.
        // eslint-disable-next-line no-unsafe-finally
        if (c !== Completion.Normal) return c;
      }
    }
  }

  /** `with a as x, b:` nests like `with a as x: with b:`; `__exit__` may suppress the error. */
  private withStatement(s: StmtOf<'With'>, scope: Scope, i: number): Completion {
    if (i >= s.items.length) return this.execBlock(s.body, scope);
    const item = s.items[i];
    const manager = this.eval(item.context, scope);
    const enter = lookupAttr(manager, '__enter__');
    const exit = lookupAttr(manager, '__exit__');
    if (!enter || !exit) {
      throw typeError(`'${manager.cls.name}' object does not support the context manager protocol`);
    }
    const value = callObject(enter, []);
    if (item.target) this.assign(item.target, value, scope);
    let completion: Completion;
    try {
      completion = this.withStatement(s, scope, i + 1);
    } catch (e0) {
      const e = ExpressionEvaluator.asPyError(e0);
      if (!(e instanceof PyError) || e.pyType === 'BudgetExceeded') throw e;
      this.noteTraceback(e);
      const exc = exceptionObject(e);
      if (truthy(callObject(exit, [exc.cls, exc, None]))) return Completion.Normal;
      throw e;
    }
    callObject(exit, [None, None, None]);
    return completion;
  }

  private handle(s: StmtOf<'Try'>, err: PyError, scope: Scope): Completion {
    const exc = exceptionObject(err);
    for (const h of s.handlers) {
      if (h.type && !this.matches(exc, this.eval(h.type, scope))) continue;
      if (h.name) this.store(h.name, exc, scope);
      this.handling.push(err);
      try {
        return this.execBlock(h.body, scope);
      } finally {
        this.handling.pop();
        if (h.name) scope.vars.delete(h.name);
      }
    }
    throw err;
  }

  private matches(exc: PyExceptionObject, spec: PyObject): boolean {
    if (spec instanceof PyTuple) return spec.items.some((t) => this.matches(exc, t));
    if (!(spec instanceof PyClass) || !spec.isSubclassOf(exceptionClass('BaseException'))) {
      throw typeError('catching classes that do not inherit from BaseException is not allowed');
    }
    return exc.cls.isSubclassOf(spec);
  }

  // ------------------------------------------------------------ assignment

  assign(target: Expr, value: PyObject, scope: Scope): void {
    switch (target.kind) {
      case 'Name':
        this.store(target.id, value, scope);
        return;
      case 'Tuple':
      case 'List': {
        const { values, starAt } = unpackValues(target.elts, value);
        const n = target.elts.length;
        if (starAt < 0) {
          for (let i = 0; i < n; i++) this.assign(target.elts[i], values[i], scope);
          return;
        }
        const after = n - starAt - 1;
        for (let i = 0; i < starAt; i++) this.assign(target.elts[i], values[i], scope);
        const star = target.elts[starAt] as ExprOf<'Starred'>;
        this.assign(star.value, new PyList(values.slice(starAt, values.length - after)), scope);
        for (let i = 0; i < after; i++) this.assign(target.elts[starAt + 1 + i], values[values.length - after + i], scope);
        return;
      }
      case 'Attribute':
        setAttr(this.eval(target.value, scope), target.attr, value);
        return;
      case 'Subscript':
        setItem(this.eval(target.value, scope), this.evalIndex(target.index, scope), value);
        return;
      case 'Starred':
        throw new PyError('SyntaxError', 'starred assignment target must be in a list or tuple');
      default:
        throw new PyError('SyntaxError', `cannot assign to ${describeTarget(target)}`);
    }
  }

  private augAssign(s: StmtOf<'AugAssign'>, scope: Scope): void {
    const t = s.target;
    switch (t.kind) {
      case 'Name': {
        const cur = this.lookup(t.id, scope);
        this.store(t.id, inplaceOp(s.op, cur, this.eval(s.value, scope)), scope);
        return;
      }
      case 'Attribute': {
        const obj = this.eval(t.value, scope);
        const cur = getAttr(obj, t.attr);
        setAttr(obj, t.attr, inplaceOp(s.op, cur, this.eval(s.value, scope)));
        return;
      }
      case 'Subscript': {
        const obj = this.eval(t.value, scope);
        const key = this.evalIndex(t.index, scope);
        const cur = getItem(obj, key);
        setItem(obj, key, inplaceOp(s.op, cur, this.eval(s.value, scope)));
        return;
      }
      default:
        throw new PyError('SyntaxError', `'${describeTarget(t)}' is an illegal expression for augmented assignment`);
    }
  }

  private delete(t: Expr, scope: Scope): void {
    switch (t.kind) {
      case 'Name': {
        const map = scope.info === null || scope.info.globals.has(t.id) ? this.globals : scope.vars;
        if (!map.delete(t.id)) {
          if (scope.info && scope.info.locals.has(t.id)) {
            throw new PyError('UnboundLocalError', `cannot access local variable '${t.id}' where it is not associated with a value`);
          }
          throw new PyError('NameError', `name '${t.id}' is not defined`);
        }
        return;
      }
      case 'Tuple':
      case 'List':
        t.elts.forEach((e) => this.delete(e, scope));
        return;
      case 'Subscript':
        delItem(this.eval(t.value, scope), this.evalIndex(t.index, scope));
        return;
      case 'Attribute':
        deleteAttr(this.eval(t.value, scope), t.attr);
        return;
      default:
        throw new PyError('SyntaxError', `cannot delete ${describeTarget(t)}`);
    }
  }

  // ------------------------------------------------------------ functions and calls

  private defineFunction(s: StmtOf<'FunctionDef'>, scope: Scope): PyObject {
    const decorators = s.decorators.map((d) => this.eval(d, scope));
    let fn: PyObject = this.makeFunction(s.name, s.params, s.body, s, s.span, scope);
    for (let i = decorators.length - 1; i >= 0; i--) fn = callObject(decorators[i], [fn]);
    return fn;
  }
}
