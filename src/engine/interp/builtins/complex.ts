// complex: arithmetic, repr and attributes (enough for snippets that touch complex numbers).

import { PyError, typeError } from '../../errors';
import { pyFloatRepr as floatRepr } from '../../numeric/pyfloat';
import { BinaryOp, MaybeNotImplemented, NotImplementedSignal, PyComplex, PyFloat, PyObject, complexClass, nativeMethod } from '../object';
import { floatHash } from './numeric';
import { formatComplex } from '../format';
import { pyRepr } from '../protocol';

export interface C {
  re: number;
  im: number;
}

function div(a: C, b: C): C {
  const d = b.re * b.re + b.im * b.im;
  if (d === 0) throw new PyError('ZeroDivisionError', 'complex division by zero');
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}

function pow(a: C, b: C): C {
  if (b.re === 0 && b.im === 0) return { re: 1, im: 0 };
  if (a.re === 0 && a.im === 0) {
    if (b.im !== 0 || b.re < 0) throw new PyError('ZeroDivisionError', '0.0 to a negative or complex power');
    return { re: 0, im: 0 };
  }
  const r = Math.hypot(a.re, a.im);
  const theta = Math.atan2(a.im, a.re);
  const logR = Math.log(r);
  const mag = Math.exp(b.re * logR - b.im * theta);
  const ang = b.im * logR + b.re * theta;
  return { re: mag * Math.cos(ang), im: mag * Math.sin(ang) };
}

export function complexBinary(op: BinaryOp, a: C, b: C): MaybeNotImplemented {
  let r: C;
  switch (op) {
    case '+': r = { re: a.re + b.re, im: a.im + b.im }; break;
    case '-': r = { re: a.re - b.re, im: a.im - b.im }; break;
    case '*': r = { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }; break;
    case '/': r = div(a, b); break;
    case '**': r = pow(a, b); break;
    case '//':
    case '%':
      throw typeError(`unsupported operand type(s) for ${op}: 'complex' and 'complex'`);
    default: return NotImplementedSignal;
  }
  return new PyComplex(r.re, r.im);
}

function part(x: number): string {
  const s = floatRepr(x);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

export function complexRepr(z: { re: number; im: number }): string {
  if (z.re === 0 && !Object.is(z.re, -0)) return `${part(z.im)}j`;
  const im = part(z.im);
  const sign = im.startsWith('-') ? '' : '+';
  return `(${part(z.re)}${sign}${im}j)`;
}

complexClass.slots.unary = (op, self) => {
  const z = self as PyComplex;
  if (op === '~') throw typeError("bad operand type for unary ~: 'complex'");
  return op === '-' ? new PyComplex(-z.re, -z.im) : new PyComplex(z.re, z.im);
};
complexClass.slots.bool = (self) => (self as PyComplex).re !== 0 || (self as PyComplex).im !== 0;
complexClass.slots.hash = (self) => {
  const z = self as PyComplex;
  return z.im === 0 ? floatHash(z.re) : `c:${z.re},${z.im}`;
};
complexClass.slots.complex = (self) => ({ re: (self as PyComplex).re, im: (self as PyComplex).im });
complexClass.slots.getattr = (self: PyObject, name: string) => {
  const z = self as PyComplex;
  if (name === 'real') return new PyFloat(z.re);
  if (name === 'imag') return new PyFloat(z.im);
  return undefined;
};
nativeMethod(complexClass, 'conjugate', ([self]) => new PyComplex((self as PyComplex).re, -(self as PyComplex).im));

complexClass.slots.format = (self, spec) =>
  spec === '' ? pyRepr(self) : formatComplex((self as PyComplex).re, (self as PyComplex).im, spec);
