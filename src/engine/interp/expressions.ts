// Expression evaluation, name resolution, frames and calls of Python functions: the half of
// the evaluator that statements build on (evaluator.ts adds the statements).
//
// Every call counts a step of the run's budget; the frame stack gives tracebacks, snapshot when
// an error first leaves a Python frame, pointing at the innermost failing expression.

import { PyError, notSupported, typeError } from '../errors';
import { runContext } from '../context';
import type { Frame } from '../report';
import type { SourceText } from '../syntax';
import type { Arg, Expr, ExprOf, FStringPart, Params, Span, Stmt } from '../syntax/ast';
import { makeSet } from './builtins/containers';
import { bindArguments, PyFunction } from './function';
import {
  Ellipsis, Kwargs, None, PyBool, PyClass, PyComplex, PyDict, PyFloat, PyInt, PyIterator, PyList,
  PyObject, PySlice, PyStr, PyTuple,
} from './object';
import {
  binaryOp, callObject, collect, compareOp, contains, isIterable, getAttr, getItem, hashKey, iterate,
  pyFormat, pyIs, pyRepr, pyStr, truthy, unaryOp,
} from './protocol';
import { Scope, comprehensionScopeInfo, functionScopeInfo } from './scope';
import { PySuper } from './classes';


export const enum Completion {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

export interface FrameRecord {
  name: string;
  span: Span;
  source: SourceText;
  returnValue: PyObject;
  /** The Python function running in this frame and its first argument (for `super()`). */
  fn?: PyFunction;
  firstArg?: PyObject;
}

/** Names that would reach outside the editor: they do not exist in Grad Lens. */
export const OUTSIDE_WORLD_BUILTINS = new Set(['open', 'eval', 'exec', 'compile', '__import__', 'input', 'breakpoint', 'exit', 'quit']);

/** Builtins that are harmless but outside the subset. */
const UNSUPPORTED_BUILTINS = new Set(['globals', 'locals', 'vars', 'memoryview', 'bytes', 'bytearray', 'aiter', 'anext']);

export function outsideWorldMessage(what: string): string {
  return `Grad Lens does not run code that touches the outside world: ${what} is not available`;
}

export abstract class ExpressionEvaluator {
  protected readonly frames: FrameRecord[] = [];
  protected readonly tracebacks = new WeakMap<PyError, Frame[]>();
  /** Errors whose position in the current frame is already recorded. */
  protected readonly located = new WeakSet<PyError>();
  protected depth = 0;

  constructor(
    readonly globals: Map<string, PyObject>,
    readonly builtins: Map<string, PyObject>,
  ) {}

  protected truth(e: Expr, scope: Scope): boolean {
    return truthy(this.eval(e, scope));
  }

  /** Runs statements (evaluator.ts). */
  abstract execBlock(stmts: readonly Stmt[], scope: Scope): Completion;
  /** Binds an assignment target (evaluator.ts). */
  abstract assign(target: Expr, value: PyObject, scope: Scope): void;

  // ------------------------------------------------------------ frames and tracebacks

  pushFrame(name: string, span: Span, source: SourceText): FrameRecord {
    const f: FrameRecord = { name, span, source, returnValue: None };
    this.frames.push(f);
    return f;
  }

  popFrame(): void {
    this.frames.pop();
  }

  protected get frame(): FrameRecord {
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

  /**
   * Converts a JS stack overflow into Python's RecursionError and a JS allocation too large for
   * the engine (a string or array past V8's length limit) into Python's MemoryError, CPython's
   * answer when an object cannot be allocated; other errors pass through.
   */
  static asPyError(e: unknown): unknown {
    if (!(e instanceof RangeError)) return e;
    // Near the stack limit even this check may overflow: then the outer frame converts it.
    let message = 'call stack';
    try {
      message = e.message;
    } catch {
      // keep 'call stack': an overflow while reading the message is itself a stack overflow
    }
    if (message.includes('call stack')) return new PyError('RecursionError', 'maximum recursion depth exceeded');
    if (/Invalid (string|array|typed array) length|allocation failed/i.test(message)) return new PyError('MemoryError', '');
    return e;
  }

  /** Zero-argument `super()` in the innermost running method. */
  currentSuper(): PyObject {
    const f = this.frame;
    if (!f?.fn?.ownerClass) throw new PyError('RuntimeError', 'super(): __class__ cell not found');
    if (!f.firstArg) throw new PyError('RuntimeError', 'super(): no arguments');
    return new PySuper(f.fn.ownerClass, f.firstArg);
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
    if (UNSUPPORTED_BUILTINS.has(name)) throw notSupported(`\`${name}()\``);
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
    // A generator function must not run its body on call: refuse before any side effect.
    if (isGenerator(fn.body)) throw notSupported('generators (`yield`)');
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
      if (c === Completion.Break || c === Completion.Continue) throw misplacedJump(c);
      return c === Completion.Return ? frame.returnValue : None;
    } catch (e0) {
      const e = ExpressionEvaluator.asPyError(e0);
      if (e instanceof PyError) this.noteTraceback(e);
      throw e;
    } finally {
      this.depth--;
      this.popFrame();
    }
  }

  private evalArgs(argNodes: readonly Arg[], scope: Scope, fn: PyObject): { args: PyObject[]; kwargs: Kwargs } {
    const args: PyObject[] = [];
    const kwargs: Kwargs = new Map();
    const putKw = (k: string, v: PyObject) => {
      if (kwargs.has(k)) throw typeError(`${callableName(fn)}() got multiple values for keyword argument '${k}'`);
      kwargs.set(k, v);
    };
    for (const a of argNodes) {
      switch (a.kind) {
        case 'pos':
          args.push(this.eval(a.value, scope));
          break;
        case 'star': {
          const v = this.eval(a.value, scope);
          if (!isIterable(v)) throw typeError(`${callableName(fn)}() argument after * must be an iterable, not ${v.cls.name}`);
          for (const x of iterate(v)) args.push(x);
          break;
        }
        case 'kw':
          putKw(a.name, this.eval(a.value, scope));
          break;
        case 'dstar': {
          const v = this.eval(a.value, scope);
          if (!(v instanceof PyDict)) throw typeError(`${callableName(fn)}() argument after ** must be a mapping, not ${v.cls.name}`);
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
        const { args, kwargs } = this.evalArgs(e.args, scope, fn);
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
        collect(iterate(v), 'list', out);
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

  /**
   * Comprehensions run in their own scope; the first iterable is evaluated outside it. A
   * generator expression is lazy, as in Python: `any(x > 2 for x in range(10**12))` stops at
   * the fourth item, and side effects happen in the order the consumer draws.
   */
  private comprehension(e: ExprOf<'Comprehension'> | ExprOf<'DictComprehension'>, scope: Scope): PyObject {
    const info = comprehensionScopeInfo(e);
    const inner = new Scope(info, scope.closureScope, this.globals, false, scope.owner);
    const firstIter = this.eval(e.generators[0].iter, scope);
    if (e.kind === 'DictComprehension') {
      const dict = new PyDict();
      for (const [k, v] of this.comprehensionItems(e, inner, 0, firstIter, () => [this.eval(e.key, inner), this.eval(e.value, inner)] as const)) {
        dictPut(dict, k, v);
      }
      return dict;
    }
    const items = this.comprehensionItems(e, inner, 0, firstIter, () => this.eval(e.elt, inner));
    if (e.type === 'gen') return new PyIterator(items);
    const results = collect(items, e.type);
    return e.type === 'list' ? new PyList(results) : makeSet(results);
  }

  /** The comprehension's values in order: nested `for`s and their `if`s, one step per item. */
  private *comprehensionItems<T>(
    e: ExprOf<'Comprehension'> | ExprOf<'DictComprehension'>,
    inner: Scope,
    level: number,
    iterable: PyObject,
    element: () => T,
  ): Generator<T, void, undefined> {
    const g = e.generators[level];
    for (const item of iterate(iterable)) {
      runContext().step();
      this.assign(g.target, item, inner);
      if (!g.ifs.every((c) => this.truth(c, inner))) continue;
      if (level + 1 < e.generators.length) {
        yield* this.comprehensionItems(e, inner, level + 1, this.eval(e.generators[level + 1].iter, inner), element);
      } else {
        yield element();
      }
    }
  }
}

/** `break`/`continue`/`return` that reached a place no loop or function encloses. */
export function misplacedJump(c: Completion): PyError {
  const text = c === Completion.Break ? "'break' outside loop" : c === Completion.Continue ? "'continue' not properly in loop" : "'return' outside function";
  return new PyError('SyntaxError', text);
}

const generatorBodies = new WeakMap<object, boolean>();

/** Whether a function body contains `yield` (not looking into nested functions or classes). */
function isGenerator(body: readonly Stmt[] | Expr): boolean {
  let known = generatorBodies.get(body);
  if (known === undefined) {
    known = containsYield(body, true);
    generatorBodies.set(body, known);
  }
  return known;
}

function containsYield(node: unknown, root: boolean): boolean {
  if (Array.isArray(node)) return node.some((n) => containsYield(n, root));
  if (node === null || typeof node !== 'object') return false;
  const kind = (node as { kind?: unknown }).kind;
  if (!root && (kind === 'FunctionDef' || kind === 'Lambda' || kind === 'ClassDef')) return false;
  if (kind === 'Unsupported' && String((node as { what: unknown }).what).includes('yield')) return true;
  return Object.values(node).some((v) => typeof v === 'object' && containsYield(v, false));
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

export function describeTarget(t: Expr): string {
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
