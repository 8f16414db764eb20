// int, bool, float and complex: arithmetic with Python's semantics (arbitrary-precision ints,
// floor division and modulo toward -inf, true division giving floats), comparisons across
// numeric types, hashing (1 == 1.0 == True hash alike), reprs and constructors.

import { PyError, typeError, valueError } from '../../errors';
import { pyFloatRepr as floatRepr } from '../../numeric/pyfloat';
import { checkDecimalDigits, intToDecimal } from '../../numeric/intText';
import { formatFloat, formatInt } from '../format';
import {
  BinaryOp, CompareOp, MaybeNotImplemented, NotImplementedSignal, PyBool, PyClass, PyComplex, PyFloat, PyInt, PyObject,
  PyStr, PyTuple, PyNativeFunction, boolClass, complexClass, floatClass, intClass, nativeMethod,
} from '../object';
import { intToFloat, pyRepr, toPyFloat, toPyIndex, truthy, typeName } from '../protocol';
import { complexBinary, complexRepr } from './complex';

export function isIntLike(o: PyObject): o is PyInt | PyBool {
  return o instanceof PyInt || o instanceof PyBool;
}

export function intValue(o: PyInt | PyBool): bigint {
  return o instanceof PyBool ? (o.value ? 1n : 0n) : o.value;
}

const zero = (msg: string) => new PyError('ZeroDivisionError', msg);

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** True division of ints, correctly rounded for ordinary sizes. */
function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) throw zero('division by zero');
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x / y;
  // Huge operands: scale down first.
  const q = Number(a / b);
  if (!Number.isFinite(q)) throw new PyError('OverflowError', 'integer division result too large for a float');
  return q + Number(a % b) / y;
}

function intPow(a: bigint, b: bigint): PyObject {
  if (b < 0n) {
    if (a === 0n) throw zero('0.0 cannot be raised to a negative power');
    return new PyFloat(floatPow(intToFloat(a), Number(b)));
  }
  const bits = a === 0n || a === 1n || a === -1n ? 1 : a.toString(2).length;
  if (bits * Number(b) > 4_000_000) {
    throw new PyError('BudgetExceeded', 'Grad Lens does not compute integer powers with more than a million digits');
  }
  return new PyInt(a ** b);
}

export function intBinary(op: BinaryOp, a: bigint, b: bigint, bothBool: boolean): PyObject {
  switch (op) {
    case '+': return new PyInt(a + b);
    case '-': return new PyInt(a - b);
    case '*': return new PyInt(a * b);
    case '/': return new PyFloat(intTrueDiv(a, b));
    case '//':
      if (b === 0n) throw zero('integer division or modulo by zero');
      return new PyInt(floorDiv(a, b));
    case '%':
      if (b === 0n) throw zero('integer modulo by zero');
      return new PyInt(floorMod(a, b));
    case '**': return intPow(a, b);
    case '&': return bothBool ? PyBool.of((a & b) !== 0n) : new PyInt(a & b);
    case '|': return bothBool ? PyBool.of((a | b) !== 0n) : new PyInt(a | b);
    case '^': return bothBool ? PyBool.of((a ^ b) !== 0n) : new PyInt(a ^ b);
    case '<<':
      if (b < 0n) throw valueError('negative shift count');
      if (b > 1_000_000n) throw new PyError('OverflowError', 'too many digits in integer');
      return new PyInt(a << b);
    case '>>':
      if (b < 0n) throw valueError('negative shift count');
      return new PyInt(a >> b);
    default: throw typeError(`unsupported operand type(s) for ${op}: 'int' and 'int'`);
  }
}

export function floatPow(a: number, b: number): number {
  if (b === 0 || a === 1) return 1;
  if (a === 0 && b < 0) throw zero('0.0 cannot be raised to a negative power');
  if (a === -1 && !Number.isFinite(b)) return 1;
  const r = Math.pow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new PyError('OverflowError', "(34, 'Numerical result out of range')");
  }
  return r;
}

/** CPython's float_divmod: floor quotient and a remainder with the divisor's sign. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatBinary(op: BinaryOp, a: number, b: number): MaybeNotImplemented {
  switch (op) {
    case '+': return new PyFloat(a + b);
    case '-': return new PyFloat(a - b);
    case '*': return new PyFloat(a * b);
    case '/':
      if (b === 0) throw zero('float division by zero');
      return new PyFloat(a / b);
    case '//':
      if (b === 0) throw zero('float floor division by zero');
      return new PyFloat(floatDivmod(a, b)[0]);
    case '%':
      if (b === 0) throw zero('float modulo by zero');
      return new PyFloat(floatDivmod(a, b)[1]);
    case '**':
      if (a < 0 && Number.isFinite(b) && !Number.isInteger(b)) {
        // Python 3: a negative base to a fractional power is complex.
        return complexBinary('**', { re: a, im: 0 }, { re: b, im: 0 });
      }
      return new PyFloat(floatPow(a, b));
    default:
      return NotImplementedSignal;
  }
}

/** A numeric operand's kind: int (incl. bool), float, complex, or none of these. */
function numKind(o: PyObject): 0 | 1 | 2 | -1 {
  if (o instanceof PyInt || o instanceof PyBool) return 0;
  if (o instanceof PyFloat) return 1;
  if (o instanceof PyComplex) return 2;
  return -1;
}

function asComplex(o: PyObject): { re: number; im: number } {
  return o instanceof PyComplex ? { re: o.re, im: o.im } : { re: toPyFloat(o), im: 0 };
}

/** Arithmetic between two built-in numbers, promoting int → float → complex. */
export function numericBinary(op: BinaryOp, a: PyObject, b: PyObject): MaybeNotImplemented {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka < 0 || kb < 0) return NotImplementedSignal;
  const k = Math.max(ka, kb);
  if (k === 0) return intBinary(op, intValue(a as PyInt), intValue(b as PyInt), a instanceof PyBool && b instanceof PyBool);
  if (k === 1) return floatBinary(op, toPyFloat(a), toPyFloat(b));
  return complexBinary(op, asComplex(a), asComplex(b));
}

function cmp<T extends number | bigint>(op: CompareOp, x: T, y: T): boolean {
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '==': return x === y;
    default: return x !== y;
  }
}

/** Exact comparison of an int with a float (no rounding of big ints). */
function compareIntFloat(op: CompareOp, a: bigint, f: number): boolean {
  if (Number.isNaN(f)) return op === '!=';
  if (f === Infinity) return cmp(op, 0, 1);
  if (f === -Infinity) return cmp(op, 1, 0);
  const fl = Math.floor(f);
  const fb = BigInt(fl);
  if (fl === f) return cmp(op, a, fb);
  // f lies strictly between fb and fb + 1.
  return cmp(op, a <= fb ? 0 : 2, 1);
}

export function numericCompare(op: CompareOp, a: PyObject, b: PyObject): MaybeNotImplemented {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka < 0 || kb < 0) return NotImplementedSignal;
  if (ka === 2 || kb === 2) {
    if (op !== '==' && op !== '!=') return NotImplementedSignal;
    const x = asComplex(a);
    const y = asComplex(b);
    return PyBool.of((x.re === y.re && x.im === y.im) === (op === '=='));
  }
  if (ka === 0 && kb === 0) return PyBool.of(cmp(op, intValue(a as PyInt), intValue(b as PyInt)));
  if (ka === 1 && kb === 1) return PyBool.of(cmp(op, (a as PyFloat).value, (b as PyFloat).value));
  if (ka === 0) return PyBool.of(compareIntFloat(op, intValue(a as PyInt), (b as PyFloat).value));
  const swapped: Record<CompareOp, CompareOp> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' };
  return PyBool.of(compareIntFloat(swapped[op], intValue(b as PyInt), (a as PyFloat).value));
}

export function floatHash(x: number): string {
  if (Number.isInteger(x)) return `n:${BigInt(x)}`;
  return `f:${x}`;
}

// ---------------------------------------------------------------- slots

function installNumberSlots(cls: PyClass): void {
  cls.slots.binary = (op, a, b) => numericBinary(op, a, b);
  cls.slots.rbinary = (op, self, other) => numericBinary(op, other, self);
  cls.slots.compare = (op, a, b) => numericCompare(op, a, b);
}

installNumberSlots(intClass);
installNumberSlots(floatClass);
installNumberSlots(complexClass);

intClass.slots.unary = (op, self) => {
  const v = intValue(self as PyInt);
  return new PyInt(op === '-' ? -v : op === '+' ? v : ~v);
};
intClass.slots.bool = (self) => intValue(self as PyInt) !== 0n;
intClass.slots.hash = (self) => `n:${intValue(self as PyInt)}`;
intClass.slots.repr = (self) => (self instanceof PyBool ? (self.value ? 'True' : 'False') : intToDecimal((self as PyInt).value));
intClass.slots.format = (self, spec) => formatInt(intValue(self as PyInt), spec, typeName(self));
intClass.slots.index = (self) => intValue(self as PyInt);
intClass.slots.int = (self) => intValue(self as PyInt);
intClass.slots.float = (self) => intToFloat(intValue(self as PyInt));
intClass.slots.getattr = (self, name) => {
  const v = intValue(self as PyInt);
  if (name === 'real' || name === 'numerator') return new PyInt(v);
  if (name === 'imag') return new PyInt(0n);
  if (name === 'denominator') return new PyInt(1n);
  return undefined;
};
nativeMethod(intClass, 'bit_length', ([self]) => {
  const v = intValue(self as PyInt);
  return new PyInt(BigInt(v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length));
});
nativeMethod(intClass, 'conjugate', ([self]) => new PyInt(intValue(self as PyInt)));
nativeMethod(intClass, 'is_integer', () => PyBool.True);

boolClass.slots.format = (self, spec) => (spec === '' ? pyRepr(self) : formatInt(intValue(self as PyBool), spec, 'bool'));

floatClass.slots.unary = (op, self) => {
  const v = (self as PyFloat).value;
  if (op === '~') throw typeError("bad operand type for unary ~: 'float'");
  return new PyFloat(op === '-' ? -v : v);
};
floatClass.slots.bool = (self) => (self as PyFloat).value !== 0;
floatClass.slots.hash = (self) => floatHash((self as PyFloat).value);
floatClass.slots.repr = (self) => floatRepr((self as PyFloat).value);
floatClass.slots.format = (self, spec) => formatFloat((self as PyFloat).value, spec);
floatClass.slots.float = (self) => (self as PyFloat).value;
floatClass.slots.int = (self) => floatToInt((self as PyFloat).value);
floatClass.slots.getattr = (self, name) => {
  if (name === 'real') return new PyFloat((self as PyFloat).value);
  if (name === 'imag') return new PyFloat(0);
  return undefined;
};
nativeMethod(floatClass, 'is_integer', ([self]) => PyBool.of(Number.isInteger((self as PyFloat).value)));
nativeMethod(floatClass, 'conjugate', ([self]) => new PyFloat((self as PyFloat).value));
nativeMethod(floatClass, 'as_integer_ratio', ([self]) => {
  let x = (self as PyFloat).value;
  if (!Number.isFinite(x)) throw Number.isNaN(x) ? valueError('cannot convert NaN to integer ratio') : new PyError('OverflowError', 'cannot convert Infinity to integer ratio');
  let den = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  return new PyTuple([new PyInt(BigInt(x)), new PyInt(den)]);
});

export function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

complexClass.slots.repr = (self) => complexRepr(self as PyComplex);

// ---------------------------------------------------------------- constructors

function parseIntText(text: string, base: number): bigint | null {
  let t = text.trim().toLowerCase();
  let sign = 1n;
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t[0] === '-') sign = -1n;
    t = t.slice(1);
  }
  const prefixes: Record<string, number> = { '0x': 16, '0o': 8, '0b': 2 };
  const p = t.slice(0, 2);
  if (p in prefixes && (base === 0 || base === prefixes[p])) {
    base = prefixes[p];
    t = t.slice(2).replace(/^_/, '');
  } else if (base === 0) {
    if (/^0+$/.test(t.replace(/_/g, ''))) return 0n;
    if (t.startsWith('0')) return null;
    base = 10;
  }
  if (!/^[0-9a-z]+(_[0-9a-z]+)*$/.test(t)) return null;
  t = t.replace(/_/g, '');
  // Power-of-two bases convert in linear time and have no limit; the others do (CPython).
  if (base === 16 || base === 8 || base === 2) {
    if (!new RegExp(`^[0-${Math.min(base, 10) - 1}${base === 16 ? 'a-f' : ''}]+$`).test(t)) return null;
    return sign * BigInt(`0${base === 16 ? 'x' : base === 8 ? 'o' : 'b'}${t}`);
  }
  checkDecimalDigits(t);
  if (base === 10) return /^[0-9]+$/.test(t) ? sign * BigInt(t) : null;
  let v = 0n;
  for (const ch of t) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  return sign * v;
}

intClass.attrs.set('__new__', nativeFn('int.__new__', (args, kwargs) => {
  const [, x, baseArg] = args;
  const base = baseArg ?? kwargs.get('base');
  if (x === undefined) return new PyInt(0n);
  if (base !== undefined) {
    if (!(x instanceof PyStr)) throw typeError("int() can't convert non-string with explicit base");
    const b = Number(toPyIndex(base));
    const v = parseIntText(x.value, b);
    if (v === null) throw valueError(`invalid literal for int() with base ${b}: ${pyRepr(x)}`);
    return new PyInt(v);
  }
  if (x instanceof PyStr) {
    const v = parseIntText(x.value, 10);
    if (v === null) throw valueError(`invalid literal for int() with base 10: ${pyRepr(x)}`);
    return new PyInt(v);
  }
  if (x instanceof PyBool) return new PyInt(x.value ? 1n : 0n);
  if (x instanceof PyInt) return new PyInt(x.value);
  const intSlot = x.cls.slot('int');
  if (intSlot) return new PyInt(intSlot(x));
  const indexSlot = x.cls.slot('index');
  if (indexSlot) return new PyInt(indexSlot(x));
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}));

floatClass.attrs.set('__new__', nativeFn('float.__new__', (args) => {
  const x = args[1];
  if (x === undefined) return new PyFloat(0);
  if (x instanceof PyStr) {
    const v = parseFloatText(x.value);
    if (v === null) throw valueError(`could not convert string to float: ${pyRepr(x)}`);
    return new PyFloat(v);
  }
  if (x instanceof PyFloat) return new PyFloat(x.value);
  if (x.cls.slot('float') || x.cls.slot('index') || isIntLike(x)) return new PyFloat(toPyFloat(x));
  throw typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}));

function parseFloatText(text: string): number | null {
  const t = text.trim().toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(t);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*|\d+(_\d+)*\.)(e[+-]?\d+(_\d+)*)?$/.test(t)) return null;
  return Number(t.replace(/_/g, ''));
}

boolClass.attrs.set('__new__', nativeFn('bool.__new__', (args) => {
  return PyBool.of(args[1] === undefined ? false : truthy(args[1]));
}));

complexClass.attrs.set('__new__', nativeFn('complex.__new__', (args) => {
  const [, re, im] = args;
  const r = re === undefined ? { re: 0, im: 0 } : asComplex(re);
  const i = im === undefined ? { re: 0, im: 0 } : asComplex(im);
  return new PyComplex(r.re - i.im, r.im + i.re);
}));

function nativeFn(name: string, fn: (args: PyObject[], kwargs: Map<string, PyObject>) => PyObject): PyNativeFunction {
  return new PyNativeFunction(name, fn);
}
