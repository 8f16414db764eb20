// Python's format-spec mini-language for int, float and str (`format(x, spec)`, f-strings).
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]

import { runContext } from '../context';
import { PyError, valueError } from '../errors';
import { floatRepr, positional } from './floatRepr';
import { intToDecimal } from './intText';

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '^' | '=' | null;
  sign: '+' | '-' | ' ' | null;
  z: boolean;
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | null;
  precision: number | null;
  type: string;
}

const SPEC_RE = /^(?:(.)?([<>^=]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su;

export function parseSpec(spec: string): FormatSpec {
  const m = SPEC_RE.exec(spec);
  if (!m) throw valueError('Invalid format specifier');
  // A width or precision is a string of that many characters: `f"{1:>1000000000}"`.
  for (const digits of [m[7], m[9]]) if (digits !== undefined && digits.length > 5) runContext().allocateItems(Number(digits), 'str');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: (m[2] as FormatSpec['align']) ?? (m[6] ? '=' : null),
    sign: (m[3] as FormatSpec['sign']) ?? null,
    z: !!m[4],
    alternate: !!m[5],
    zero: !!m[6],
    width: m[7] ? Number(m[7]) : 0,
    grouping: (m[8] as FormatSpec['grouping']) ?? null,
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

function pad(body: string, sign: string, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  const total = sign.length + body.length;
  const n = spec.width - total;
  if (n <= 0) return sign + body;
  const fill = spec.fill.repeat(n);
  switch (spec.align ?? defaultAlign) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = Math.floor(n / 2);
      return spec.fill.repeat(left) + sign + body + spec.fill.repeat(n - left);
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function group(intPart: string, sep: string | null, every = 3): string {
  if (!sep) return intPart;
  let out = '';
  for (let i = intPart.length; i > 0; i -= every) out = intPart.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return out;
}

function signOf(negative: boolean, spec: FormatSpec): string {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

export function formatStr(s: string, specText: string): string {
  if (specText === '') return s;
  const spec = parseSpec(specText);
  if (spec.type !== '' && spec.type !== 's') throw unknownCode(spec.type, 'str');
  if (spec.sign) throw valueError('Sign not allowed in string format specifier');
  if (spec.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  if (spec.precision !== null) s = s.slice(0, spec.precision);
  return pad(s, '', spec, '<');
}

function unknownCode(type: string, typeName: string): PyError {
  return valueError(`Unknown format code '${type}' for object of type '${typeName}'`);
}

export function formatInt(n: bigint, specText: string, typeName = 'int'): string {
  if (specText === '') return intToDecimal(n);
  const spec = parseSpec(specText);
  if ('eEfFgG%'.includes(spec.type) && spec.type !== '') return formatFloat(Number(n), specText);
  if (spec.precision !== null) throw valueError('Precision not allowed in integer format specifier');
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let body: string;
  let prefix = '';
  switch (spec.type) {
    case '':
    case 'd':
    case 'n':
      body = group(intToDecimal(abs), spec.grouping);
      break;
    case 'b':
      body = group(abs.toString(2), spec.grouping === '_' ? '_' : null, 4);
      prefix = '0b';
      break;
    case 'o':
      body = group(abs.toString(8), spec.grouping === '_' ? '_' : null, 4);
      prefix = '0o';
      break;
    case 'x':
    case 'X':
      body = group(abs.toString(16), spec.grouping === '_' ? '_' : null, 4);
      prefix = '0x';
      if (spec.type === 'X') {
        body = body.toUpperCase();
        prefix = '0X';
      }
      break;
    case 'c':
      body = String.fromCodePoint(Number(n));
      return pad(body, '', spec, '<');
    default:
      throw unknownCode(spec.type, typeName);
  }
  const sign = signOf(neg, spec) + (spec.alternate ? prefix : '');
  return pad(body, sign, spec, '>');
}

export function formatFloat(x: number, specText: string): string {
  if (specText === '') return floatRepr(x);
  const spec = parseSpec(specText);
  let neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const upper = spec.type === 'E' || spec.type === 'F' || spec.type === 'G';
  let body: string;
  if (!Number.isFinite(x)) {
    if (!'eEfFgGn%'.includes(spec.type)) throw unknownCode(spec.type, 'float');
    body = Number.isNaN(x) ? 'nan' : 'inf';
    if (Number.isNaN(x)) neg = false;
    if (upper) body = body.toUpperCase();
    if (spec.type === '%') body += '%';
    return pad(body, signOf(neg, spec), { ...spec, fill: spec.zero && !spec.align ? ' ' : spec.fill, align: spec.zero && spec.fill === '0' ? '>' : spec.align }, '>');
  }
  const p = spec.precision;
  switch (spec.type) {
    case '':
      body = p === null ? floatRepr(abs) : general(abs, Math.max(p, 1), spec.alternate, true);
      break;
    case 'f':
    case 'F':
      body = fixed(abs, p ?? 6, spec.alternate);
      break;
    case 'e':
    case 'E':
      body = exponential(abs, p ?? 6, spec.alternate);
      break;
    case 'g':
    case 'G':
    case 'n':
      body = general(abs, p === null ? 6 : Math.max(p, 1), spec.alternate, false);
      break;
    case '%':
      body = fixed(abs * 100, p ?? 6, spec.alternate) + '%';
      break;
    default:
      throw unknownCode(spec.type, 'float');
  }
  if (upper) body = body.toUpperCase();
  // `z` turns a negative zero (after rounding) into a positive one.
  if (spec.z && neg && /^[0.]+(e[+-]\d+)?%?$/i.test(body) && !/[1-9]/.test(body.replace(/e.*$/i, ''))) neg = false;
  if (spec.grouping) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) body = group(m[1], spec.grouping) + m[2];
  }
  return pad(body, signOf(neg, spec), spec, '>');
}

/** `x` ≥ 0 with `p` digits after the point, correctly rounded. */
function fixed(x: number, p: number, alternate: boolean): string {
  let s: string;
  if (x >= 1e21) {
    s = BigInt(Math.round(x)).toString() + (p > 0 ? '.' + '0'.repeat(p) : '');
  } else if (p <= 100) {
    s = x.toFixed(p);
  } else {
    s = x.toFixed(100) + '0'.repeat(p - 100);
  }
  if (alternate && !s.includes('.')) s += '.';
  return s;
}

function exponential(x: number, p: number, alternate: boolean): string {
  const s = x.toExponential(Math.min(p, 100));
  const [mant, exp] = s.split('e');
  const e = Number(exp);
  const m = alternate && !mant.includes('.') ? mant + '.' : mant + (p > 100 ? '0'.repeat(p - 100) : '');
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** 'g': `p` significant digits, positional when -4 ≤ exp < p; `noneType` keeps a `.0`. */
function general(x: number, p: number, alternate: boolean, noneType: boolean): string {
  if (x === 0) return noneType ? '0.0' : alternate ? '0.' + '0'.repeat(p - 1) : '0';
  const [mant, expText] = x.toExponential(p - 1).split('e');
  const exp = Number(expText);
  let digits = mant.replace('.', '');
  if (exp >= -4 && exp < (noneType ? p : p)) {
    if (!alternate) digits = digits.replace(/0+$/, '') || '0';
    let s = positional(digits, exp, false);
    if (alternate && !s.includes('.')) s += '.';
    if (noneType && !s.includes('.')) s += '.0';
    return s;
  }
  if (!alternate) digits = digits.replace(/0+$/, '') || '0';
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits + (alternate ? '.' : '');
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
