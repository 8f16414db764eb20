// Python's `format(value, spec)` for the scalars a 0-d array turns into: float, int, bool,
// complex and str (the format-specification mini-language of PEP 3101, as CPython implements
// it for those types).

import { runContext } from '../context';
import { PyError } from '../errors';
import { intToDecimal } from './intText';
import { pyFloatRepr, roundFraction, roundSignificant } from './pyfloat';

export type PyScalar =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: bigint; typeName?: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'complex'; re: number; im: number }
  | { kind: 'str'; value: string };

interface Spec {
  fill: string;
  align: '' | '<' | '>' | '=' | '^';
  sign: '' | '+' | '-' | ' ';
  alternate: boolean;
  /** 'z': a negative zero (after rounding) loses its sign. */
  coerceZero: boolean;
  zero: boolean;
  width: number;
  grouping: '' | ',' | '_';
  precision: number; // -1: not given
  type: string;
}

const SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su;

function parseSpec(spec: string): Spec {
  const m = SPEC.exec(spec);
  if (!m) throw new PyError('ValueError', 'Invalid format specifier');
  // A width or precision is a string of that many characters: `f"{1:>1000000000}"`.
  for (const digits of [m[7], m[9]]) if (digits !== undefined && digits.length > 5) runContext().allocateItems(Number(digits), 'str');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: (m[2] ?? (m[6] ? '=' : '')) as Spec['align'],
    sign: (m[3] ?? '') as Spec['sign'],
    alternate: !!m[5],
    coerceZero: !!m[4],
    zero: !!m[6],
    width: m[7] ? Number(m[7]) : 0,
    grouping: (m[8] ?? '') as Spec['grouping'],
    precision: m[9] !== undefined ? Number(m[9]) : -1,
    type: m[10] ?? '',
  };
}

function unknownCode(type: string, of: string): PyError {
  return new PyError('ValueError', `Unknown format code '${type}' for object of type '${of}'`);
}

/** `format(value, spec)` exactly as CPython computes it for these types. */
export function pyFormat(value: PyScalar, spec: string): string {
  if (value.kind === 'bool' && spec === '') return value.value ? 'True' : 'False';
  const s = parseSpec(spec);
  switch (value.kind) {
    case 'str':
      return formatStr(value.value, s);
    case 'bool':
      return formatInt(value.value ? 1n : 0n, s, 'bool');
    case 'int':
      return formatInt(value.value, s, value.typeName ?? 'int');
    case 'float':
      return formatFloat(value.value, s);
    case 'complex':
      return formatComplex(value.re, value.im, s);
  }
}

function formatStr(v: string, s: Spec): string {
  if (s.type !== '' && s.type !== 's') throw unknownCode(s.type, 'str');
  if (s.sign) throw new PyError('ValueError', 'Sign not allowed in string format specifier');
  if (s.align === '=') throw new PyError('ValueError', "'=' alignment not allowed in string format specifier");
  const text = s.precision >= 0 ? [...v].slice(0, s.precision).join('') : v;
  return pad(text, '', s, '<');
}

function formatInt(v: bigint, s: Spec, of: string): string {
  if ('eEfFgGn%'.includes(s.type) && s.type !== '' && s.type !== 'n') return formatFloat(Number(v), s);
  if (s.precision >= 0) throw new PyError('ValueError', 'Precision not allowed in integer format specifier');
  const neg = v < 0n;
  const a = neg ? -v : v;
  let body: string;
  let prefix = '';
  switch (s.type) {
    case '':
    case 'd':
    case 'n':
      body = group(intToDecimal(a), s.grouping, 3, zeroWidth(s, signText(neg, s).length, 0));
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      const radix = s.type === 'b' ? 2 : s.type === 'o' ? 8 : 16;
      if (s.alternate) prefix = '0' + (s.type === 'X' ? 'X' : s.type);
      body = group(a.toString(radix), s.grouping, 4, zeroWidth(s, signText(neg, s).length + prefix.length, 0));
      if (s.type === 'X') body = body.toUpperCase();
      break;
    }
    case 'c':
      if (s.sign) throw new PyError('ValueError', "Sign not allowed with integer format specifier 'c'");
      if (v < 0n || v >= 0x110000n) throw new PyError('OverflowError', '%c arg not in range(0x110000)');
      return pad(String.fromCodePoint(Number(v)), '', s, '<');
    default:
      throw unknownCode(s.type, of);
  }
  return pad(body, signText(neg, s) + prefix, s, '>');
}

function formatFloat(x: number, s: Spec): string {
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'].includes(s.type)) throw unknownCode(s.type, 'float');
  const upper = s.type === 'E' || s.type === 'F' || s.type === 'G';
  let neg = x < 0 || Object.is(x, -0);
  let body = floatBody(Math.abs(x), s.type.toLowerCase(), s.precision, s.alternate, true);
  if (s.coerceZero && neg && Number.isFinite(x) && !/[1-9]/.test(body.replace(/e.*$/, ''))) neg = false;
  if (s.grouping) body = groupFixed(body, s.grouping, (rest) => zeroWidth(s, signText(neg, s).length, rest));
  if (upper) body = body.toUpperCase();
  return pad(body, signText(neg && !Number.isNaN(x), s), s, '>');
}

/** The unsigned text of |x| for a float presentation type (`addDot0`: '' type's `.0` rule). */
function floatBody(a: number, type: string, precision: number, alternate: boolean, addDot0: boolean): string {
  if (type === '%') return floatBody(a * 100, 'f', precision, alternate, false) + '%';
  if (Number.isNaN(a)) return 'nan';
  if (a === Infinity) return 'inf';
  if (type === '' && precision < 0) {
    const r = pyFloatRepr(a);
    return addDot0 ? r : r.replace(/\.0$/, '').replace(/\.0e/, 'e');
  }
  const p = precision < 0 ? 6 : precision;
  if (type === 'f') return fixedText(roundFraction(a, p), p, alternate);
  if (type === 'e') return expText(roundSignificant(a, p + 1), p, alternate);
  // 'g', 'n', and '' with a precision.
  const sig = p === 0 ? 1 : p;
  const d = roundSignificant(a, sig);
  const exponent = a === 0 ? 0 : d.exponent;
  const dot0 = type === '' && addDot0;
  if (exponent < -4 || exponent >= (dot0 ? sig - 1 : sig)) {
    return expText(d, alternate ? sig - 1 : d.digits.length - 1, alternate);
  }
  const fracDigits = Math.max(0, d.digits.length - 1 - exponent);
  let text = fixedText(d, alternate ? sig - 1 - exponent : fracDigits, alternate);
  if (dot0 && !text.includes('.')) text += '.0';
  return text;
}

function fixedText(d: { digits: string; exponent: number }, frac: number, alternate: boolean): string {
  const { digits, exponent } = d;
  const whole = exponent >= 0 ? digits.slice(0, exponent + 1).padEnd(exponent + 1, '0') : '0';
  const fracDigits = (exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits).padEnd(frac, '0');
  if (frac === 0) return alternate ? `${whole}.` : whole;
  return `${whole}.${fracDigits.slice(0, frac)}`;
}

function expText(d: { digits: string; exponent: number }, frac: number, alternate: boolean): string {
  const fracDigits = d.digits.slice(1).padEnd(frac, '0');
  const mant = frac > 0 ? `${d.digits[0]}.${fracDigits}` : alternate ? `${d.digits[0]}.` : d.digits[0]!;
  const e = d.digits === '0' ? 0 : d.exponent;
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function formatComplex(re: number, im: number, s: Spec): string {
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n'].includes(s.type)) throw unknownCode(s.type, 'complex');
  if (s.zero) throw new PyError('ValueError', 'Zero padding is not allowed in complex format specifier');
  if (s.align === '=') throw new PyError('ValueError', "'=' alignment flag is not allowed in complex format specifier");
  const type = s.type.toLowerCase();
  const bare = s.type === '';
  const skipRe = bare && re === 0 && !Object.is(re, -0);
  const reNeg = re < 0 || Object.is(re, -0);
  const imNeg = im < 0 || Object.is(im, -0);
  const reText = skipRe ? '' : signText(reNeg && !Number.isNaN(re), s) + floatBody(Math.abs(re), type, s.precision, s.alternate, false);
  const imSign = imNeg && !Number.isNaN(im) ? '-' : skipRe ? signText(false, s) : '+';
  let body = `${reText}${imSign}${floatBody(Math.abs(im), type, s.precision, s.alternate, false)}j`;
  if (s.type === 'E' || s.type === 'F' || s.type === 'G') body = body.toUpperCase();
  if (bare && !skipRe) body = `(${body})`;
  return pad(body, '', s, '>');
}

function signText(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

/**
 * Inserts a separator every `every` digits from the right. With zero padding ('0' fill and '='
 * alignment) CPython pads the digits themselves to `minWidth`, separators included, and never
 * starts with a separator.
 */
function group(digits: string, sep: string, every: number, minWidth = 0): string {
  if (!sep) return digits;
  const out: string[] = [];
  let i = digits.length - 1;
  let inGroup = 0;
  while (i >= 0 || out.length < minWidth) {
    if (inGroup === every) {
      out.push(sep);
      inGroup = 0;
    }
    out.push(i >= 0 ? digits[i--]! : '0');
    inGroup++;
  }
  return out.reverse().join('');
}

/** Width the grouped digits must fill under zero padding; `used`/`rest`: the other parts. */
function zeroWidth(s: Spec, used: number, rest: number): number {
  return s.fill === '0' && s.align === '=' ? s.width - used - rest : 0;
}

function groupFixed(body: string, sep: string, minWidth: (restLength: number) => number): string {
  const m = /^(\d+)(.*)$/s.exec(body);
  return m ? group(m[1]!, sep, 3, minWidth(m[2]!.length)) + m[2] : body;
}

/** Pads `sign + body` to the width with the fill, by alignment ('=' pads between them). */
function pad(body: string, sign: string, s: Spec, defaultAlign: '<' | '>'): string {
  const len = [...sign].length + [...body].length;
  const n = Math.max(0, s.width - len);
  const fill = s.fill.repeat(n);
  switch (s.align || defaultAlign) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = s.fill.repeat(Math.floor(n / 2));
      return left + sign + body + s.fill.repeat(n - Math.floor(n / 2));
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}
