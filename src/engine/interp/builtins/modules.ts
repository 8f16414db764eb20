// Modules Grad Lens provides itself: math, functools, operator, itertools, typing, __future__.
// (jax and friends come from the ModuleRegistry the checker passes to the Interpreter.)

import { PyError, typeError, valueError } from '../../errors';
import { erf, erfc, lgamma } from '../../numeric/special';
import {
  BinaryOp, Kwargs, None, PyBool, PyClass, PyFloat, PyInt, PyIterator, PyModule, PyNativeFunction, PyObject, PyStr,
  PyTuple, objectClass,
} from '../object';
import {
  binaryOp, callObject, compareOp, contains, getAttr, getItem, iterate, pyIs, setAttr, toPyFloat, toPyIndex, truthy,
  unaryOp, setItem, delItem, toArray,
} from '../protocol';
import { arity, builtin, takeKwargs } from './args';
import { floatToInt, intValue, isIntLike } from './numeric';
import { collectionsModule } from './collections';

function moduleWith(name: string, entries: Record<string, PyObject>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of Object.entries(entries)) m.attrs.set(k, v);
  return m;
}

function fn(name: string, f: (args: PyObject[], kwargs: Kwargs) => PyObject, module: string): PyNativeFunction {
  return new PyNativeFunction(name, f, `${module}.${name}`);
}

// ---------------------------------------------------------------- math

function mathDomain(ok: boolean): void {
  if (!ok) throw valueError('math domain error');
}

function real(name: string, o: PyObject | undefined): number {
  if (o === undefined) throw typeError(`${name}() takes exactly one argument (0 given)`);
  return toPyFloat(o);
}

function unaryMath(name: string, f: (x: number) => number, domain?: (x: number) => boolean): [string, PyObject] {
  return [name, fn(name, (args) => {
    arity(name, args, 1);
    const x = real(name, args[0]);
    if (domain) mathDomain(domain(x));
    const r = f(x);
    if (!Number.isFinite(r) && Number.isFinite(x)) {
      if (Number.isNaN(r)) mathDomain(false);
      throw new PyError('OverflowError', 'math range error');
    }
    return new PyFloat(r);
  }, 'math')];
}

function mathLog(args: PyObject[]): PyObject {
  arity('log', args, 1, 2);
  const ln = (o: PyObject) => {
    if (isIntLike(o) && intValue(o) > 0n) {
      // Big ints: log of the leading digits plus the scale, as CPython does.
      const s = intValue(o).toString();
      if (s.length > 300) return Math.log(Number('0.' + s.slice(0, 17))) + s.length * Math.LN10;
    }
    const x = toPyFloat(o);
    mathDomain(x > 0 || Number.isNaN(x));
    return Math.log(x);
  };
  const v = ln(args[0]);
  if (args.length === 1) return new PyFloat(v);
  const base = ln(args[1]);
  if (base === 0) throw new PyError('ZeroDivisionError', 'float division by zero');
  return new PyFloat(v / base);
}

function isclose(args: PyObject[], kwargs: Kwargs): PyObject {
  takeKwargs('isclose', kwargs, ['rel_tol', 'abs_tol']);
  arity('isclose', args, 2);
  const a = toPyFloat(args[0]);
  const b = toPyFloat(args[1]);
  const rel = kwargs.has('rel_tol') ? toPyFloat(kwargs.get('rel_tol')!) : 1e-9;
  const abs = kwargs.has('abs_tol') ? toPyFloat(kwargs.get('abs_tol')!) : 0;
  if (rel < 0 || abs < 0) throw valueError('tolerances must be non-negative');
  if (a === b) return PyBool.True;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return PyBool.False;
  const d = Math.abs(b - a);
  return PyBool.of(d <= Math.abs(rel * b) || d <= Math.abs(rel * a) || d <= abs);
}

function toIntResult(name: string, f: (x: number) => number) {
  return fn(name, (args) => {
    arity(name, args, 1);
    const x = args[0];
    if (isIntLike(x)) return new PyInt(intValue(x));
    const method = x.cls.lookup(`__${name}__`);
    if (method && !(x instanceof PyFloat)) return callObject(getAttr(x, `__${name}__`), []);
    return new PyInt(floatToInt(f(toPyFloat(x))));
  }, 'math');
}

function factorial(args: PyObject[]): PyObject {
  arity('factorial', args, 1);
  if (!isIntLike(args[0])) throw typeError(`'${args[0].cls.name}' object cannot be interpreted as an integer`);
  const n = intValue(args[0]);
  if (n < 0n) throw valueError('factorial() not defined for negative values');
  if (n > 20000n) throw new PyError('BudgetExceeded', 'Grad Lens does not compute factorials this large');
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return new PyInt(r);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function mathModule(): PyModule {
  const m = moduleWith('math', {
    pi: new PyFloat(Math.PI),
    e: new PyFloat(Math.E),
    tau: new PyFloat(2 * Math.PI),
    inf: new PyFloat(Infinity),
    nan: new PyFloat(NaN),
  });
  const entries: [string, PyObject][] = [
    unaryMath('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x)),
    unaryMath('exp', Math.exp),
    unaryMath('expm1', Math.expm1),
    unaryMath('log2', Math.log2, (x) => x > 0 || Number.isNaN(x)),
    unaryMath('log10', Math.log10, (x) => x > 0 || Number.isNaN(x)),
    unaryMath('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x)),
    unaryMath('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x)),
    unaryMath('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x)),
    unaryMath('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x)),
    unaryMath('asin', Math.asin, (x) => Math.abs(x) <= 1 || Number.isNaN(x)),
    unaryMath('acos', Math.acos, (x) => Math.abs(x) <= 1 || Number.isNaN(x)),
    unaryMath('atan', Math.atan),
    unaryMath('sinh', Math.sinh),
    unaryMath('cosh', Math.cosh),
    unaryMath('tanh', Math.tanh),
    unaryMath('asinh', Math.asinh),
    unaryMath('acosh', Math.acosh, (x) => x >= 1 || Number.isNaN(x)),
    unaryMath('atanh', Math.atanh, (x) => Math.abs(x) < 1 || Number.isNaN(x)),
    unaryMath('fabs', Math.abs),
    unaryMath('degrees', (x) => (x * 180) / Math.PI),
    unaryMath('radians', (x) => (x * Math.PI) / 180),
    unaryMath('erf', erf),
    unaryMath('erfc', erfc),
    unaryMath('gamma', gamma, (x) => !(x <= 0 && Number.isInteger(x))),
    unaryMath('lgamma', lgamma, (x) => !(x <= 0 && Number.isInteger(x))),
    ['log', fn('log', mathLog, 'math')],
    ['floor', toIntResult('floor', Math.floor)],
    ['ceil', toIntResult('ceil', Math.ceil)],
    ['trunc', toIntResult('trunc', Math.trunc)],
    ['isclose', fn('isclose', isclose, 'math')],
    ['isnan', fn('isnan', (a) => PyBool.of(Number.isNaN(real('isnan', a[0]))), 'math')],
    ['isinf', fn('isinf', (a) => PyBool.of(Math.abs(real('isinf', a[0])) === Infinity), 'math')],
    ['isfinite', fn('isfinite', (a) => PyBool.of(Number.isFinite(real('isfinite', a[0]))), 'math')],
    ['atan2', fn('atan2', (a) => new PyFloat(Math.atan2(toPyFloat(a[0]), toPyFloat(a[1]))), 'math')],
    ['hypot', fn('hypot', (a) => new PyFloat(Math.hypot(...a.map(toPyFloat))), 'math')],
    ['copysign', fn('copysign', (a) => {
      const x = Math.abs(toPyFloat(a[0]));
      const y = toPyFloat(a[1]);
      return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
    }, 'math')],
    ['fmod', fn('fmod', (a) => {
      const y = toPyFloat(a[1]);
      mathDomain(y !== 0);
      return new PyFloat(toPyFloat(a[0]) % y);
    }, 'math')],
    ['pow', fn('pow', (a) => {
      const x = toPyFloat(a[0]);
      const y = toPyFloat(a[1]);
      if (x === 0 && y < 0) mathDomain(false);
      const r = Math.pow(x, y);
      if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) mathDomain(false);
      return new PyFloat(x === 1 || y === 0 ? 1 : r);
    }, 'math')],
    ['factorial', fn('factorial', factorial, 'math')],
    ['gcd', fn('gcd', (a) => new PyInt(a.reduce((acc, x) => gcd(acc, toPyIndex(x)), 0n)), 'math')],
    ['comb', fn('comb', (a) => {
      const n = toPyIndex(a[0]);
      const k = toPyIndex(a[1]);
      if (n < 0n || k < 0n) throw valueError(`${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
      if (k > n) return new PyInt(0n);
      let r = 1n;
      for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
      return new PyInt(r);
    }, 'math')],
    ['prod', fn('prod', (a, kw) => {
      takeKwargs('prod', kw, ['start']);
      let acc: PyObject = kw.get('start') ?? new PyInt(1n);
      for (const x of iterate(a[0])) acc = binaryOp('*', acc, x);
      return acc;
    }, 'math')],
    ['fsum', fn('fsum', (a) => {
      // Neumaier summation: close to CPython's exact fsum for ordinary inputs.
      let sum = 0;
      let c = 0;
      for (const o of iterate(a[0])) {
        const x = toPyFloat(o);
        const t = sum + x;
        c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
        sum = t;
      }
      return new PyFloat(sum + c);
    }, 'math')],
  ];
  for (const [k, v] of entries) m.attrs.set(k, v);
  return m;
}


function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (Number.isInteger(x) && x <= 171) {
    let r = 1;
    for (let i = 2; i < x; i++) r *= i;
    return r;
  }
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

// ---------------------------------------------------------------- functools

class PyPartial extends PyObject {
  constructor(readonly func: PyObject, readonly args: PyObject[], readonly kwargs: Kwargs) {
    super();
  }
  get cls(): PyClass {
    return partialClass;
  }
}
const partialClass = new PyClass('partial', [objectClass], 'functools');
partialClass.attrs.set('__new__', builtin('partial', (args, kwargs) => {
  if (args.length < 2) throw typeError('type \'partial\' takes at least one argument');
  return new PyPartial(args[1], args.slice(2), new Map(kwargs));
}));
partialClass.slots.call = (self, args, kwargs) => {
  const p = self as PyPartial;
  return callObject(p.func, [...p.args, ...args], new Map([...p.kwargs, ...kwargs]));
};
partialClass.slots.getattr = (self, name) => {
  const p = self as PyPartial;
  if (name === 'func') return p.func;
  if (name === 'args') return new PyTuple(p.args);
  return undefined;
};

export function functoolsModule(): PyModule {
  return moduleWith('functools', {
    partial: partialClass,
    reduce: fn('reduce', (args) => {
      arity('reduce', args, 2, 3);
      const it = iterate(args[1])[Symbol.iterator]();
      let acc = args[2];
      if (acc === undefined) {
        const first = it.next();
        if (first.done) throw typeError('reduce() of empty iterable with no initial value');
        acc = first.value;
      }
      for (let r = it.next(); !r.done; r = it.next()) acc = callObject(args[0], [acc, r.value]);
      return acc;
    }, 'functools'),
    // Decorators that change nothing observable here.
    wraps: fn('wraps', (args) => {
      const wrapped = args[0];
      return builtin('decorator', ([f]) => {
        for (const attr of ['__name__', '__qualname__', '__doc__']) {
          try {
            setAttr(f, attr, getAttr(wrapped, attr));
          } catch {
            // Attributes the wrapped object lacks are skipped, as functools.wraps does.
          }
        }
        return f;
      });
    }, 'functools'),
    lru_cache: fn('lru_cache', (args) => (args[0] && args[0].cls.slot('call') ? args[0] : builtin('decorator', ([f]) => f)), 'functools'),
    cache: fn('cache', (args) => args[0], 'functools'),
  });
}

// ---------------------------------------------------------------- operator

export function operatorModule(): PyModule {
  const m = new PyModule('operator');
  const bin = (name: string, op: BinaryOp) => m.attrs.set(name, fn(name, (a) => {
    arity(name, a, 2);
    return binaryOp(op, a[0], a[1]);
  }, 'operator'));
  bin('add', '+');
  bin('sub', '-');
  bin('mul', '*');
  bin('truediv', '/');
  bin('floordiv', '//');
  bin('mod', '%');
  bin('pow', '**');
  bin('matmul', '@');
  bin('and_', '&');
  bin('or_', '|');
  bin('xor', '^');
  bin('lshift', '<<');
  bin('rshift', '>>');
  for (const [name, op] of [['lt', '<'], ['le', '<='], ['gt', '>'], ['ge', '>='], ['eq', '=='], ['ne', '!=']] as const) {
    m.attrs.set(name, fn(name, (a) => compareOp(op, a[0], a[1]), 'operator'));
  }
  m.attrs.set('neg', fn('neg', (a) => unaryOp('-', a[0]), 'operator'));
  m.attrs.set('pos', fn('pos', (a) => unaryOp('+', a[0]), 'operator'));
  m.attrs.set('invert', fn('invert', (a) => unaryOp('~', a[0]), 'operator'));
  m.attrs.set('not_', fn('not_', (a) => PyBool.of(!truthy(a[0])), 'operator'));
  m.attrs.set('truth', fn('truth', (a) => PyBool.of(truthy(a[0])), 'operator'));
  m.attrs.set('is_', fn('is_', (a) => PyBool.of(pyIs(a[0], a[1])), 'operator'));
  m.attrs.set('contains', fn('contains', (a) => PyBool.of(contains(a[0], a[1])), 'operator'));
  m.attrs.set('getitem', fn('getitem', (a) => getItem(a[0], a[1]), 'operator'));
  m.attrs.set('setitem', fn('setitem', (a) => (setItem(a[0], a[1], a[2]), None), 'operator'));
  m.attrs.set('delitem', fn('delitem', (a) => (delItem(a[0], a[1]), None), 'operator'));
  m.attrs.set('index', fn('index', (a) => new PyInt(toPyIndex(a[0])), 'operator'));
  m.attrs.set('itemgetter', fn('itemgetter', (keys) => builtin('itemgetter', ([obj]) =>
    keys.length === 1 ? getItem(obj, keys[0]) : new PyTuple(keys.map((k) => getItem(obj, k)))), 'operator'));
  m.attrs.set('attrgetter', fn('attrgetter', (names) => builtin('attrgetter', ([obj]) => {
    const get = (n: PyObject) => (n as PyStr).value.split('.').reduce((o, part) => getAttr(o, part), obj);
    return names.length === 1 ? get(names[0]) : new PyTuple(names.map(get));
  }), 'operator'));
  return m;
}

// ---------------------------------------------------------------- itertools

function* product(pools: PyObject[][]): Generator<PyObject> {
  if (pools.some((p) => p.length === 0)) return;
  const idx = pools.map(() => 0);
  for (;;) {
    yield new PyTuple(idx.map((i, k) => pools[k][i]));
    let k = pools.length - 1;
    while (k >= 0 && ++idx[k] === pools[k].length) idx[k--] = 0;
    if (k < 0) return;
  }
}

function* combinations(pool: PyObject[], r: number): Generator<PyObject> {
  const n = pool.length;
  if (r > n) return;
  const idx = Array.from({ length: r }, (_, i) => i);
  for (;;) {
    yield new PyTuple(idx.map((i) => pool[i]));
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
}

export function itertoolsModule(): PyModule {
  return moduleWith('itertools', {
    chain: fn('chain', (args) => new PyIterator((function* () {
      for (const a of args) yield* iterate(a);
    })()), 'itertools'),
    product: fn('product', (args, kwargs) => {
      takeKwargs('product', kwargs, ['repeat']);
      const times = Number(toPyIndex(kwargs.get('repeat') ?? new PyInt(1n)));
      const pools = args.map((a) => toArray(a));
      const all: PyObject[][] = [];
      for (let i = 0; i < times; i++) for (const p of pools) all.push(p);
      return new PyIterator(product(all));
    }, 'itertools'),
    combinations: fn('combinations', (args) => new PyIterator(combinations(toArray(args[0]), Number(toPyIndex(args[1])))), 'itertools'),
    repeat: fn('repeat', (args) => {
      if (args.length < 2) throw new PyError('NotImplementedError', 'Grad Lens does not evaluate infinite iterators yet');
      const n = Number(toPyIndex(args[1]));
      // Lazily: list(itertools.repeat(0, 10**9)) must meet the budgets, not one huge allocation.
      return new PyIterator((function* () {
        for (let i = 0; i < n; i++) yield args[0];
      })());
    }, 'itertools'),
    islice: fn('islice', (args) => {
      const [start, stop, step] = args.length === 2 ? [0, args[1], 1] : [Number(toPyIndex(args[1])), args[2], args[3] ? Number(toPyIndex(args[3])) : 1];
      const end = stop === None ? Infinity : Number(toPyIndex(stop));
      return new PyIterator((function* () {
        let i = 0;
        for (const x of iterate(args[0])) {
          if (i >= end) return;
          if (i >= start && (i - start) % step === 0) yield x;
          i++;
        }
      })());
    }, 'itertools'),
    accumulate: fn('accumulate', (args) => new PyIterator((function* () {
      let acc: PyObject | undefined;
      for (const x of iterate(args[0])) {
        acc = acc === undefined ? x : args[1] && args[1] !== None ? callObject(args[1], [acc, x]) : binaryOp('+', acc, x);
        yield acc;
      }
    })()), 'itertools'),
  });
}

// ---------------------------------------------------------------- typing, __future__

/** `typing`: names used in annotations. Annotations are not evaluated, so these are placeholders. */
export function typingModule(): PyModule {
  const m = new PyModule('typing');
  for (const name of ['Any', 'Callable', 'Dict', 'List', 'Optional', 'Sequence', 'Tuple', 'Union', 'Iterable', 'Iterator', 'Mapping', 'Set', 'Type', 'TypeVar', 'Generic', 'Protocol', 'Literal', 'Final', 'ClassVar', 'NamedTuple', 'cast', 'overload']) {
    const cls = new PyClass(name, [objectClass], 'typing');
    cls.attrs.set('__new__', builtin(name, (args) => (name === 'cast' ? args[2] ?? None : name === 'TypeVar' ? new PyStr(String((args[1] as PyStr)?.value ?? 'T')) : None)));
    m.attrs.set(name, cls);
  }
  m.attrs.set('cast', builtin('cast', (args) => args[1] ?? None));
  m.attrs.set('overload', builtin('overload', (args) => args[0] ?? None));
  m.attrs.set('TYPE_CHECKING', PyBool.False);
  return m;
}

export function futureModule(): PyModule {
  return moduleWith('__future__', { annotations: PyBool.True, division: PyBool.True, print_function: PyBool.True });
}

export const BUILTIN_MODULES: ReadonlyMap<string, () => PyModule> = new Map([
  ['math', mathModule],
  ['functools', functoolsModule],
  ['operator', operatorModule],
  ['itertools', itertoolsModule],
  ['typing', typingModule],
  ['__future__', futureModule],
  ['collections', collectionsModule],
]);

