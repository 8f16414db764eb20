// The tree-walking evaluator: statements and expressions of the subset (ast.ts).
//
// Control flow inside a function is returned as a `Completion` code instead of thrown, so
// loops and returns cost no JS exceptions; Python exceptions travel as `PyError`s. Every
// statement and every call counts one step of the run's budget. Tracebacks are snapshots of
// the frame stack taken when an error first leaves a Python frame.

import { PyError, notSupported, typeError } from '../errors';
import { runContext } from '../context';
import type { Frame } from '../report';
import type { SourceText } from '../syntax';
import type { Arg, Expr, ExprOf, FStringPart, Params, Span, Stmt, StmtOf } from '../syntax/ast';
import { causes, exceptionClass } from './builtins/exceptions';
import { makeSet } from './builtins/containers';
import { bindArguments, PyFunction } from './function';
import {
  Ellipsis, Kwargs, None, PyBool, PyClass, PyComplex, PyDict, PyExceptionObject, PyFloat, PyInt, PyIterator, PyList,
  PyObject, PySlice, PyStr, PyTuple,
} from './object';
import {
  binaryOp, callObject, compareOp, contains, delItem, isIterable, exceptionObject, getAttr, getItem, hashKey, inplaceOp, iterate,
  pyFormat, pyIs, pyRepr, pyStr, raiseObject, setAttr, setItem, truthy, unaryOp,
} from './protocol';
import { Scope, comprehensionScopeInfo, functionScopeInfo } from './scope';
import { unpackValues } from './unpack';
import { PySuper, defineClass, deleteAttr } from './classes';
import type { Importer } from './imports';

export const enum Completion {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

interface FrameRecord {
  name: string;
  span: Span;
  source: SourceText;
  returnValue: PyObject;
  /** The Python function running in this frame and its first argument (for `super()`). */
  fn?: PyFunction;
  firstArg?: PyObject;
}

/** Names that would reach outside the editor: they do not exist in Grad Lens. */
export const OUTSIDE_WORLD_BUILTINS = new Set(['open', 'eval', 'exec', 'compile', '__import__', 'input', 'breakpoint', 'exit', 'quit', 'globals', 'locals', 'vars']);

export function outsideWorldMessage(what: string): string {
  return `Grad Lens does not run code that touches the outside world: ${what} is not available`;
}

export class Evaluator {
  private readonly frames: FrameRecord[] = [];
  private readonly tracebacks = new WeakMap<PyError, Frame[]>();
  /** Errors whose position in the current frame is already recorded. */
  private readonly located = new WeakSet<PyError>();
  /** Exceptions being handled (innermost last), for a bare `raise`. */
  private readonly handling: PyError[] = [];
  private depth = 0;

  constructor(
    readonly globals: Map<string, PyObject>,
    readonly builtins: Map<string, PyObject>,
    private readonly importer: Importer,
  ) {}

  // ------------------------------------------------------------ frames and tracebacks

  pushFrame(name: string, span: Span, source: SourceText): FrameRecord {
    const f: FrameRecord = { name, span, source, returnValue: None };
    this.frames.push(f);
    return f;
  }

  popFrame(): void {
    this.frames.pop();
  }

  private get frame(): FrameRecord {
    return this.frames[this.frames.length - 1];
  }

  /** Records the traceback of `err` the first time it leaves a Python frame. */
  noteTraceback(err: PyError): void {
    if (this.tracebacks.has(err)) return;
    this.tracebacks.set(err, this.frames.map((f) => ({ name: f.name, range: f.source.lines.range(f.span) })));
  }

  traceback(err: PyError): Frame[] {
    return this.tracebacks.get(err) ?? [];
  }

  /** Converts a JS stack overflow into Python's RecursionError; other errors pass through. */
  static asPyError(e: unknown): unknown {
    if (!(e instanceof RangeError)) return e;
    // Near the stack limit even this check may overflow: then the outer frame converts it.
    let stack = true;
    try {
      stack = e.message.includes('call stack');
    } catch {
      // keep `stack`: an overflow while checking is itself a stack overflow
    }
    return stack ? new PyError('RecursionError', 'maximum recursion depth exceeded') : e;
  }

  /** Zero-argument `super()` in the innermost running method. */
  currentSuper(): PyObject {
    const f = this.frame;
    if (!f?.fn?.ownerClass) throw new PyError('RuntimeError', 'super(): __class__ cell not found');
    if (!f.firstArg) throw new PyError('RuntimeError', 'super(): no arguments');
    return new PySuper(f.fn.ownerClass, f.firstArg);
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
      case 'Delete':
        for (const t of s.targets) this.delete(t, scope);
        return Completion.Normal;
      case 'Unsupported':
        throw notSupported(s.what);
    }
  }

  private truth(e: Expr, scope: Scope): boolean {
    return truthy(this.eval(e, scope));
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
        const e = Evaluator.asPyError(e0);
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

  // ------------------------------------------------------------ names

  lookup(name: string, scope: Scope): PyObject {
    const info = scope.info;
    if (info !== null && !info.globals.has(name)) {
      if (info.locals.has(name)) {
        const v = scope.vars.get(name);
        if (v !== undefined) return v;
        if (scope.isClass) return this.lookupGlobal(name);
        throw new PyError('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
      }
      for (let p = scope.parent; p && p.info; p = p.parent) {
        if (p.info.locals.has(name) && !p.isClass) {
          const v = p.vars.get(name);
          if (v !== undefined) return v;
          throw new PyError('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
        }
      }
    }
    return this.lookupGlobal(name);
  }

  private lookupGlobal(name: string): PyObject {
    const g = this.globals.get(name);
    if (g !== undefined) return g;
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    if (OUTSIDE_WORLD_BUILTINS.has(name)) throw new PyError('NameError', outsideWorldMessage(`'${name}'`));
    throw new PyError('NameError', `name '${name}' is not defined`);
  }

  store(name: string, value: PyObject, scope: Scope): void {
    const info = scope.info;
    if (info === null || info.globals.has(name)) {
      this.globals.set(name, value);
      return;
    }
    if (info.nonlocals.has(name)) {
      for (let p = scope.parent; p && p.info; p = p.parent) {
        if (p.info.locals.has(name) && !p.isClass) {
          p.vars.set(name, value);
          return;
        }
      }
    }
    scope.vars.set(name, value);
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

  makeFunction(name: string, params: Params, body: readonly Stmt[] | Expr, node: object, span: Span, scope: Scope): PyFunction {
    const defaults = params.positional.filter((p) => p.default).map((p) => this.eval(p.default!, scope));
    const kwDefaults = new Map<string, PyObject>();
    for (const p of params.kwonly) if (p.default) kwDefaults.set(p.name, this.eval(p.default, scope));
    const info = functionScopeInfo(node, params, body);
    const closure = scope.closureScope;
    const qualname = qualnamePrefix(scope) + name;
    return new PyFunction(name, qualname, params, defaults, kwDefaults, body, info, closure, this.globals, span, this.frame.source, this);
  }

  /** Runs a Python function: binds arguments, pushes a frame, executes the body. */
  callFunction(fn: PyFunction, args: PyObject[], kwargs: Kwargs): PyObject {
    const ctx = runContext();
    if (this.depth >= ctx.limits.maxDepth) throw new PyError('RecursionError', 'maximum recursion depth exceeded');
    const bound = bindArguments(fn, args, kwargs);
    const scope = new Scope(fn.scopeInfo, fn.closure, fn.globals, false, `${fn.qualname}.<locals>.`);
    for (const [k, v] of bound) scope.vars.set(k, v);
    const frame = this.pushFrame(fn.name, fn.span, fn.source);
    frame.fn = fn;
    frame.firstArg = args[0];
    this.depth++;
    try {
      if (!Array.isArray(fn.body)) return this.eval(fn.body as Expr, scope);
      const c = this.execBlock(fn.body as Stmt[], scope);
      return c === Completion.Return ? frame.returnValue : None;
    } catch (e0) {
      const e = Evaluator.asPyError(e0);
      if (e instanceof PyError) this.noteTraceback(e);
      throw e;
    } finally {
      this.depth--;
      this.popFrame();
    }
  }

  private evalArgs(argNodes: readonly Arg[], scope: Scope, fnName: () => string): { args: PyObject[]; kwargs: Kwargs } {
    const args: PyObject[] = [];
    const kwargs: Kwargs = new Map();
    const putKw = (k: string, v: PyObject) => {
      if (kwargs.has(k)) throw typeError(`${fnName()} got multiple values for keyword argument '${k}'`);
      kwargs.set(k, v);
    };
    for (const a of argNodes) {
      switch (a.kind) {
        case 'pos':
          args.push(this.eval(a.value, scope));
          break;
        case 'star': {
          const v = this.eval(a.value, scope);
          if (!isIterable(v)) throw typeError(`${fnName()} argument after * must be an iterable, not ${v.cls.name}`);
          for (const x of iterate(v)) args.push(x);
          break;
        }
        case 'kw':
          putKw(a.name, this.eval(a.value, scope));
          break;
        case 'dstar': {
          const v = this.eval(a.value, scope);
          if (!(v instanceof PyDict)) throw typeError(`${fnName()} argument after ** must be a mapping, not ${v.cls.name}`);
          for (const [k, val] of v.entries.values()) {
            if (!(k instanceof PyStr)) throw typeError('keywords must be strings');
            putKw(k.value, val);
          }
          break;
        }
      }
    }
    return { args, kwargs };
  }

  // ------------------------------------------------------------ expressions

  /** Evaluates `e`; an error raised by this very expression is located at its span. */
  eval(e: Expr, scope: Scope): PyObject {
    try {
      return this.evalInner(e, scope);
    } catch (err) {
      if (err instanceof PyError && !this.located.has(err) && !this.tracebacks.has(err)) {
        // The innermost expression that fails is where CPython's traceback points.
        this.located.add(err);
        this.frame.span = e.span;
      }
      throw err;
    }
  }

  private evalInner(e: Expr, scope: Scope): PyObject {
    switch (e.kind) {
      case 'Name':
        return this.lookup(e.id, scope);
      case 'Constant':
        return constant(e);
      case 'FString':
        return new PyStr(this.fstring(e.parts, scope));
      case 'Tuple':
        return new PyTuple(this.elements(e.elts, scope));
      case 'List':
        return new PyList(this.elements(e.elts, scope));
      case 'Set':
        return makeSet(this.elements(e.elts, scope));
      case 'Dict': {
        const d = new PyDict();
        for (const item of e.items) {
          if ('unpack' in item) {
            const src = this.eval(item.unpack, scope);
            if (!(src instanceof PyDict)) throw typeError(`'${src.cls.name}' object is not a mapping`);
            for (const [k, v] of src.entries.values()) dictPut(d, k, v);
          } else {
            const k = this.eval(item.key, scope);
            dictPut(d, k, this.eval(item.value, scope));
          }
        }
        return d;
      }
      case 'BinOp':
        return binaryOp(e.op, this.eval(e.left, scope), this.eval(e.right, scope));
      case 'BoolOp': {
        const l = this.eval(e.left, scope);
        if (e.op === 'and' ? !truthy(l) : truthy(l)) return l;
        return this.eval(e.right, scope);
      }
      case 'UnaryOp': {
        const v = this.eval(e.operand, scope);
        return e.op === 'not' ? PyBool.of(!truthy(v)) : unaryOp(e.op, v);
      }
      case 'Compare':
        return this.compare(e, scope);
      case 'Call': {
        const fn = this.eval(e.func, scope);
        const { args, kwargs } = this.evalArgs(e.args, scope, () => `${callableName(fn)}()`);
        const frame = this.frame;
        const outer = frame.span;
        frame.span = e.span;
        const result = callObject(fn, args, kwargs);
        frame.span = outer;
        return result;
      }
      case 'Attribute':
        return getAttr(this.eval(e.value, scope), e.attr);
      case 'Subscript':
        return getItem(this.eval(e.value, scope), this.evalIndex(e.index, scope));
      case 'Slice':
        return this.evalIndex(e, scope);
      case 'IfExp':
        return this.truth(e.test, scope) ? this.eval(e.body, scope) : this.eval(e.orelse, scope);
      case 'Lambda':
        return this.makeFunction('<lambda>', e.params, e.body, e, e.span, scope);
      case 'Comprehension':
        return this.comprehension(e, scope);
      case 'DictComprehension':
        return this.comprehension(e, scope);
      case 'Starred':
        throw new PyError('SyntaxError', "can't use starred expression here");
      case 'Unsupported':
        throw notSupported(e.what);
    }
  }

  private elements(elts: readonly Expr[], scope: Scope): PyObject[] {
    const out: PyObject[] = [];
    for (const x of elts) {
      if (x.kind === 'Starred') {
        const v = this.eval(x.value, scope);
        if (!isIterable(v)) throw typeError(`Value after * must be an iterable, not ${v.cls.name}`);
        for (const item of iterate(v)) out.push(item);
      } else {
        out.push(this.eval(x, scope));
      }
    }
    return out;
  }

  evalIndex(e: Expr, scope: Scope): PyObject {
    if (e.kind === 'Slice') {
      const part = (p: Expr | null) => (p ? this.eval(p, scope) : None);
      return new PySlice(part(e.lower), part(e.upper), part(e.step));
    }
    if (e.kind === 'Tuple') return new PyTuple(e.elts.map((x) => (x.kind === 'Starred' ? this.eval(x, scope) : this.evalIndex(x, scope))));
    return this.eval(e, scope);
  }

  private compare(e: ExprOf<'Compare'>, scope: Scope): PyObject {
    let left = this.eval(e.left, scope);
    let result: PyObject = PyBool.True;
    for (let i = 0; i < e.ops.length; i++) {
      const right = this.eval(e.comparators[i], scope);
      const op = e.ops[i];
      switch (op) {
        case 'in':
          result = PyBool.of(contains(right, left));
          break;
        case 'not in':
          result = PyBool.of(!contains(right, left));
          break;
        case 'is':
          result = PyBool.of(pyIs(left, right));
          break;
        case 'is not':
          result = PyBool.of(!pyIs(left, right));
          break;
        default:
          result = compareOp(op, left, right);
      }
      if (i < e.ops.length - 1 && !truthy(result)) return result;
      left = right;
    }
    return result;
  }

  private fstring(parts: readonly FStringPart[], scope: Scope): string {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const v = this.eval(p.expr, scope);
      const spec = p.spec ? this.fstring(p.spec, scope) : '';
      if (p.selfDoc !== null) out += p.selfDoc;
      if (p.conversion === 'r' || p.conversion === 'a') out += spec ? pyFormat(new PyStr(pyRepr(v)), spec) : pyRepr(v);
      else if (p.conversion === 's') out += spec ? pyFormat(new PyStr(pyStr(v)), spec) : pyStr(v);
      else out += pyFormat(v, spec);
    }
    return out;
  }

  /** Comprehensions run in their own scope; the first iterable is evaluated outside it. */
  private comprehension(e: ExprOf<'Comprehension'> | ExprOf<'DictComprehension'>, scope: Scope): PyObject {
    const info = comprehensionScopeInfo(e);
    const inner = new Scope(info, scope.closureScope, this.globals, false, scope.owner);
    const firstIter = this.eval(e.generators[0].iter, scope);
    const results: PyObject[] = [];
    const dict = e.kind === 'DictComprehension' ? new PyDict() : null;
    const loop = (level: number, iterable: PyObject): void => {
      const g = e.generators[level];
      for (const item of iterate(iterable)) {
        runContext().step();
        this.assign(g.target, item, inner);
        if (!g.ifs.every((c) => this.truth(c, inner))) continue;
        if (level + 1 < e.generators.length) {
          loop(level + 1, this.eval(e.generators[level + 1].iter, inner));
        } else if (dict) {
          const d = e as ExprOf<'DictComprehension'>;
          const k = this.eval(d.key, inner);
          dictPut(dict, k, this.eval(d.value, inner));
        } else {
          results.push(this.eval((e as ExprOf<'Comprehension'>).elt, inner));
        }
      }
    };
    loop(0, firstIter);
    if (dict) return dict;
    switch ((e as ExprOf<'Comprehension'>).type) {
      case 'list':
        return new PyList(results);
      case 'set':
        return makeSet(results);
      default:
        // Generator expressions are evaluated eagerly; the result iterates once, like a generator.
        return new PyIterator(results[Symbol.iterator]());
    }
  }
}

function dictPut(d: PyDict, k: PyObject, v: PyObject): void {
  const h = hashKey(k);
  const old = d.entries.get(h);
  d.entries.set(h, [old ? old[0] : k, v]);
}

const constants = new WeakMap<Expr, PyObject>();

function constant(e: ExprOf<'Constant'>): PyObject {
  let v = constants.get(e);
  if (v) return v;
  const lit = e.value;
  switch (lit.type) {
    case 'int': v = new PyInt(lit.value); break;
    case 'float': v = new PyFloat(lit.value); break;
    case 'imag': v = new PyComplex(0, lit.value); break;
    case 'str': v = new PyStr(lit.value); break;
    case 'bool': v = PyBool.of(lit.value); break;
    case 'None': v = None; break;
    case 'Ellipsis': v = Ellipsis; break;
  }
  constants.set(e, v);
  return v;
}

function qualnamePrefix(scope: Scope): string {
  return scope.owner;
}

function callableName(fn: PyObject): string {
  if (fn instanceof PyFunction) return fn.qualname;
  if (fn instanceof PyClass) return fn.name;
  const n = (fn as { name?: unknown }).name;
  return typeof n === 'string' ? n : fn.cls.name;
}

function describeTarget(t: Expr): string {
  switch (t.kind) {
    case 'Call': return 'function call';
    case 'Constant': return 'literal';
    case 'BinOp':
    case 'UnaryOp': return 'expression';
    case 'Compare': return 'comparison';
    case 'Lambda': return 'lambda';
    case 'IfExp': return 'conditional expression';
    default: return 'expression';
  }
}

