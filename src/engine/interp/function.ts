// Python functions defined by `def` and `lambda`, and argument binding with CPython's
// TypeError texts ("f() missing 1 required positional argument: 'x'", ...).

import { typeError } from '../errors';
import { None } from './object';
import { objectId } from './protocol';
import type { Expr, Params, Span, Stmt } from '../syntax/ast';
import type { SourceText } from '../syntax';
import { Kwargs, PyClass, PyDict, PyObject, PyStr, PyTuple, functionClass } from './object';
import type { Scope, ScopeInfo } from './scope';

export interface FunctionRunner {
  callFunction(fn: PyFunction, args: PyObject[], kwargs: Kwargs): PyObject;
}

export class PyFunction extends PyObject {
  /** Attributes set on the function (`f.__name__ = ...`, functools.wraps). */
  readonly dict = new Map<string, PyObject>();
  /** The class whose body defined it (for zero-argument `super()`). */
  ownerClass: PyClass | null = null;
  constructor(
    /** `__name__`: the def's name, or '<lambda>'. */
    public name: string,
    /** `__qualname__`: e.g. 'outer.<locals>.inner'. */
    public qualname: string,
    readonly params: Params,
    /** Default values of `params.positional`, aligned to its end. */
    readonly defaults: PyObject[],
    readonly kwDefaults: Map<string, PyObject>,
    /** The def's statements, or the lambda's expression. */
    readonly body: readonly Stmt[] | Expr,
    readonly scopeInfo: ScopeInfo,
    /** The scope free names are resolved in (null at module level: globals, then builtins). */
    readonly closure: Scope | null,
    readonly globals: Map<string, PyObject>,
    /** Where it is defined (the whole `def`, decorators included, or the lambda). */
    readonly span: Span,
    readonly source: SourceText,
    /** The evaluator that runs its body. */
    readonly runner: FunctionRunner,
  ) {
    super();
  }

  get cls(): PyClass {
    return functionClass;
  }

  get isLambda(): boolean {
    return !Array.isArray(this.body);
  }

  /** Parameter names in order: positional, *args, keyword-only, **kwargs. */
  get parameterNames(): string[] {
    const p = this.params;
    return [
      ...p.positional.map((x) => x.name),
      ...(p.varargs ? [p.varargs] : []),
      ...p.kwonly.map((x) => x.name),
      ...(p.varkw ? [p.varkw] : []),
    ];
  }
}

function quoteList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** Binds call arguments to parameter names, raising CPython's TypeErrors. */
export function bindArguments(fn: PyFunction, args: readonly PyObject[], kwargs: Kwargs): Map<string, PyObject> {
  const p = fn.params;
  const name = `${fn.qualname}()`;
  const bound = new Map<string, PyObject>();
  const npos = p.positional.length;
  const given = Math.min(args.length, npos);
  for (let i = 0; i < given; i++) bound.set(p.positional[i].name, args[i]);
  if (args.length > npos) {
    if (p.varargs) {
      bound.set(p.varargs, new PyTuple(args.slice(npos)));
    } else {
      const required = npos - fn.defaults.length;
      const takes = required === npos ? `${npos}` : `from ${required} to ${npos}`;
      const kwGiven = [...kwargs.keys()].filter((k) => p.kwonly.some((x) => x.name === k)).length;
      const plural = npos === 1 && required === npos ? 'argument' : 'arguments';
      const was = args.length === 1 ? 'was' : 'were';
      if (kwGiven > 0) {
        throw typeError(
          `${name} takes ${takes} positional ${plural} but ${args.length} positional argument${args.length === 1 ? '' : 's'} ` +
            `(and ${kwGiven} keyword-only argument${kwGiven === 1 ? '' : 's'}) were given`,
        );
      }
      throw typeError(`${name} takes ${takes} positional ${plural} but ${args.length} ${was} given`);
    }
  } else if (p.varargs) {
    bound.set(p.varargs, new PyTuple([]));
  }

  let extra: PyDict | null = null;
  if (p.varkw) {
    extra = new PyDict();
    bound.set(p.varkw, extra);
  }
  const posOnlyAsKw: string[] = [];
  for (const [k, v] of kwargs) {
    const posIndex = p.positional.findIndex((x) => x.name === k);
    const isKwonly = p.kwonly.some((x) => x.name === k);
    if (posIndex >= 0 && posIndex < p.positionalOnly) {
      if (extra) {
        extra.entries.set(`s:${k}`, [new PyStr(k), v]);
        continue;
      }
      posOnlyAsKw.push(k);
      continue;
    }
    if (posIndex >= 0 || isKwonly) {
      if (bound.has(k) && k !== p.varargs && k !== p.varkw) throw typeError(`${name} got multiple values for argument '${k}'`);
      bound.set(k, v);
    } else if (extra) {
      extra.entries.set(`s:${k}`, [new PyStr(k), v]);
    } else {
      throw typeError(`${name} got an unexpected keyword argument '${k}'`);
    }
  }
  if (posOnlyAsKw.length > 0) {
    throw typeError(`${name} got some positional-only arguments passed as keyword arguments: '${posOnlyAsKw.join(', ')}'`);
  }

  const firstDefault = npos - fn.defaults.length;
  const missing: string[] = [];
  for (let i = 0; i < npos; i++) {
    const param = p.positional[i].name;
    if (bound.has(param)) continue;
    if (i >= firstDefault) bound.set(param, fn.defaults[i - firstDefault]);
    else missing.push(param);
  }
  if (missing.length > 0) {
    throw typeError(`${name} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${quoteList(missing)}`);
  }
  const missingKw: string[] = [];
  for (const k of p.kwonly) {
    if (bound.has(k.name)) continue;
    const d = fn.kwDefaults.get(k.name);
    if (d) bound.set(k.name, d);
    else missingKw.push(k.name);
  }
  if (missingKw.length > 0) {
    throw typeError(`${name} missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${quoteList(missingKw)}`);
  }
  return bound;
}

functionClass.slots.call = (self, args, kwargs) => (self as PyFunction).runner.callFunction(self as PyFunction, args, kwargs);
functionClass.slots.repr = (self) => `<function ${(self as PyFunction).qualname} at 0x${objectId(self).toString(16).padStart(12, '0')}>`;
functionClass.slots.hash = (self) => `#${objectId(self)}`;
functionClass.slots.getattr = (self, name) => {
  const f = self as PyFunction;
  const own = f.dict.get(name);
  if (own) return own;
  switch (name) {
    case '__name__': return new PyStr(f.name);
    case '__qualname__': return new PyStr(f.qualname);
    case '__module__': return new PyStr('__main__');
    case '__doc__': return docstring(f);
    case '__defaults__': return f.defaults.length ? new PyTuple(f.defaults) : None;
    case '__wrapped__': return undefined;
    default: return undefined;
  }
};
functionClass.slots.setattr = (self, name, value) => {
  const f = self as PyFunction;
  if (name === '__name__' && value instanceof PyStr) f.name = value.value;
  else if (name === '__qualname__' && value instanceof PyStr) f.qualname = value.value;
  else f.dict.set(name, value);
};

function docstring(f: PyFunction): PyObject {
  if (!Array.isArray(f.body)) return None;
  const first = (f.body as Stmt[])[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') return new PyStr(first.value.value.value);
  return None;
}
