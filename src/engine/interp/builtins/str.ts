// str: indexing, concatenation, comparisons, `%` formatting, `str.format` and common methods.

import { PyError, typeError, valueError } from '../../errors';
import { formatStr } from '../format';
import {
  Kwargs, NotImplementedSignal, None, PyBool, PyInt, PyList, PyObject, PySlice, PyStr, PyTuple, strClass,
} from '../object';
import { getAttr, getItem, pyFormat, pyRepr, pyStr, toArray, toPyFloat, toPyIndex, typeName } from '../protocol';
import { arity, builtin, method, takeKwargs } from './args';
import { formatFloat, formatInt } from '../format';
import { isIntLike } from './numeric';
import { checkRepeat, checkSize, normIndex, seqIndexKey, sliceItems } from './seqUtil';

const val = (o: PyObject): string => (o as PyStr).value;
const str = (s: string): PyStr => new PyStr(s);

/** Python's repr of a str: single quotes unless the text has ' and no ", escapes as CPython. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

strClass.slots.repr = (self) => strRepr(val(self));
strClass.slots.str = (self) => val(self);
strClass.slots.format = (self, spec) => formatStr(val(self), spec);
strClass.slots.hash = (self) => `s:${val(self)}`;
strClass.slots.len = (self) => val(self).length;
strClass.slots.bool = (self) => val(self).length > 0;
strClass.slots.iter = (self) => {
  const s = val(self);
  let i = 0;
  return { next: () => (i < s.length ? { done: false, value: str(s[i++]) } : { done: true, value: undefined }) };
};
strClass.slots.contains = (self, item) => {
  if (!(item instanceof PyStr)) throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
  return val(self).includes(item.value);
};
strClass.slots.getitem = (self, key) => {
  const s = val(self);
  if (key instanceof PySlice) return str(sliceItems(s.split(''), key).join(''));
  return str(s[normIndex(seqIndexKey(key, 'string'), s.length, 'string')]);
};
strClass.slots.binary = (op, a, b) => {
  if (op === '+' && b instanceof PyStr) return str(val(a) + b.value);
  if (op === '*' && (isIntLike(b) || b.cls.slot('index'))) return str(val(a).repeat(checkRepeat(val(a).length, toPyIndex(b), 'str')));
  if (op === '%') return str(percentFormat(val(a), b));
  return NotImplementedSignal;
};
strClass.slots.rbinary = (op, self, other) => {
  if (op === '*' && (isIntLike(other) || other.cls.slot('index'))) return str(val(self).repeat(checkRepeat(val(self).length, toPyIndex(other), 'str')));
  return NotImplementedSignal;
};
strClass.slots.compare = (op, a, b) => {
  if (!(b instanceof PyStr)) return NotImplementedSignal;
  const x = val(a);
  const y = b.value;
  switch (op) {
    case '<': return PyBool.of(x < y);
    case '<=': return PyBool.of(x <= y);
    case '>': return PyBool.of(x > y);
    case '>=': return PyBool.of(x >= y);
    case '==': return PyBool.of(x === y);
    default: return PyBool.of(x !== y);
  }
};

strClass.attrs.set('__new__', builtin('str', (args) => {
  arity('str', args.slice(1), 0, 1);
  return args[1] === undefined ? str('') : str(pyStr(args[1]));
}));

// ---------------------------------------------------------------- methods

function argStr(name: string, o: PyObject | undefined, what = 'argument'): string {
  if (!(o instanceof PyStr)) throw typeError(`${name}() ${what} must be str, not ${o ? typeName(o) : 'None'}`);
  return o.value;
}

const WS = ' \t\n\r\x0b\x0c';
function stripChars(s: string, chars: PyObject | undefined, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === None ? WS : argStr('strip', chars, 'arg');
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a])) a++;
  if (right) while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

method(strClass, 'strip', (self, args) => str(stripChars(val(self), args[0], true, true)));
method(strClass, 'lstrip', (self, args) => str(stripChars(val(self), args[0], true, false)));
method(strClass, 'rstrip', (self, args) => str(stripChars(val(self), args[0], false, true)));
method(strClass, 'upper', (self) => str(val(self).toUpperCase()));
method(strClass, 'lower', (self) => str(val(self).toLowerCase()));
method(strClass, 'casefold', (self) => str(val(self).toLowerCase()));
method(strClass, 'capitalize', (self) => {
  const s = val(self);
  return str(s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase());
});
method(strClass, 'title', (self) => str(val(self).toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_, p, c) => p + c.toUpperCase())));
method(strClass, 'swapcase', (self) => str([...val(self)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')));

method(strClass, 'join', (self, args) => {
  arity('str.join', args, 1);
  const parts = toArray(args[0]).map((p, i) => {
    if (!(p instanceof PyStr)) throw typeError(`sequence item ${i}: expected str instance, ${typeName(p)} found`);
    return p.value;
  });
  checkSize(parts.reduce((n, p) => n + p.length, 0) + val(self).length * Math.max(0, parts.length - 1), 'str');
  return str(parts.join(val(self)));
});

function splitWhitespace(s: string, maxsplit: number, fromRight: boolean): string[] {
  const words = s.split(/[ \t\n\r\x0b\x0c]+/).filter((w) => w.length > 0);
  if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
  if (!fromRight) {
    // Keep the remainder after `maxsplit` splits as it was written (leading whitespace removed).
    let rest = s.replace(/^[ \t\n\r\x0b\x0c]+/, '');
    const out: string[] = [];
    for (let i = 0; i < maxsplit; i++) {
      const m = /^(\S+)[ \t\n\r\x0b\x0c]+/.exec(rest)!;
      out.push(m[1]);
      rest = rest.slice(m[0].length);
    }
    out.push(rest);
    return out;
  }
  let rest = s.replace(/[ \t\n\r\x0b\x0c]+$/, '');
  const out: string[] = [];
  for (let i = 0; i < maxsplit; i++) {
    const m = /[ \t\n\r\x0b\x0c]+(\S+)$/.exec(rest)!;
    out.unshift(m[1]);
    rest = rest.slice(0, rest.length - m[0].length);
  }
  out.unshift(rest);
  return out;
}

function splitImpl(self: PyObject, args: PyObject[], kwargs: Kwargs, fromRight: boolean): PyObject {
  takeKwargs('split', kwargs, ['sep', 'maxsplit']);
  const sepObj = args[0] ?? kwargs.get('sep');
  const maxsplit = Number(toPyIndex(args[1] ?? kwargs.get('maxsplit') ?? PyInt.of(-1)));
  const s = val(self);
  if (sepObj === undefined || sepObj === None) return new PyList(splitWhitespace(s, maxsplit, fromRight).map(str));
  const sep = argStr('split', sepObj, 'argument');
  if (sep === '') throw valueError('empty separator');
  let parts = s.split(sep);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) {
    parts = fromRight
      ? [parts.slice(0, parts.length - maxsplit).join(sep), ...parts.slice(parts.length - maxsplit)]
      : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
  }
  return new PyList(parts.map(str));
}
method(strClass, 'split', (self, args, kwargs) => splitImpl(self, args, kwargs, false));
method(strClass, 'rsplit', (self, args, kwargs) => splitImpl(self, args, kwargs, true));
method(strClass, 'splitlines', (self) => new PyList(val(self).split(/\r\n|\r|\n/).filter((l, i, a) => i < a.length - 1 || l !== '').map(str)));

function affix(self: PyObject, args: PyObject[], name: string, test: (s: string, p: string) => boolean): PyObject {
  arity(name, args, 1, 3);
  const s = val(self).slice(args[1] ? Number(toPyIndex(args[1])) : 0, args[2] ? Number(toPyIndex(args[2])) : undefined);
  const p = args[0];
  if (p instanceof PyTuple) return PyBool.of(p.items.some((x) => test(s, argStr(name, x, 'arg'))));
  if (!(p instanceof PyStr)) throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
  return PyBool.of(test(s, p.value));
}
method(strClass, 'startswith', (self, args) => affix(self, args, 'startswith', (s, p) => s.startsWith(p)));
method(strClass, 'endswith', (self, args) => affix(self, args, 'endswith', (s, p) => s.endsWith(p)));

method(strClass, 'replace', (self, args) => {
  arity('replace', args, 2, 3);
  const old = argStr('replace', args[0], 'argument 1');
  const nu = argStr('replace', args[1], 'argument 2');
  let count = args[2] ? Number(toPyIndex(args[2])) : -1;
  const parts = val(self).split(old);
  if (count < 0 || count >= parts.length - 1) return str(parts.join(nu));
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) out += (count-- > 0 ? nu : old) + parts[i];
  return str(out);
});

function findImpl(self: PyObject, args: PyObject[], name: string, right: boolean): number {
  arity(name, args, 1, 3);
  const s = val(self);
  const sub = argStr(name, args[0], 'argument');
  const len = s.length;
  const norm = (o: PyObject | undefined, d: number) => {
    if (o === undefined || o === None) return d;
    let n = Number(toPyIndex(o));
    if (n < 0) n = Math.max(0, n + len);
    return Math.min(n, len);
  };
  const start = norm(args[1], 0);
  const end = norm(args[2], len);
  const part = s.slice(start, end);
  if (end - start < sub.length) return -1;
  const i = right ? part.lastIndexOf(sub) : part.indexOf(sub);
  return i < 0 ? -1 : i + start;
}
method(strClass, 'find', (self, args) => PyInt.of(findImpl(self, args, 'find', false)));
method(strClass, 'rfind', (self, args) => PyInt.of(findImpl(self, args, 'rfind', true)));
method(strClass, 'index', (self, args) => {
  const i = findImpl(self, args, 'index', false);
  if (i < 0) throw valueError('substring not found');
  return PyInt.of(i);
});
method(strClass, 'rindex', (self, args) => {
  const i = findImpl(self, args, 'rindex', true);
  if (i < 0) throw valueError('substring not found');
  return PyInt.of(i);
});
method(strClass, 'count', (self, args) => {
  arity('count', args, 1, 3);
  const sub = argStr('count', args[0], 'argument');
  const s = val(self);
  if (sub === '') return PyInt.of(s.length + 1);
  return PyInt.of(s.split(sub).length - 1);
});

const predicate = (name: string, re: RegExp) => method(strClass, name, (self) => PyBool.of(val(self).length > 0 && re.test(val(self))));
predicate('isdigit', /^[0-9]+$/);
predicate('isdecimal', /^[0-9]+$/);
predicate('isnumeric', /^[0-9]+$/);
predicate('isalpha', /^\p{L}+$/u);
predicate('isalnum', /^[\p{L}0-9]+$/u);
predicate('isspace', /^\s+$/);
method(strClass, 'isupper', (self) => PyBool.of(/\p{Lu}/u.test(val(self)) && !/\p{Ll}/u.test(val(self))));
method(strClass, 'islower', (self) => PyBool.of(/\p{Ll}/u.test(val(self)) && !/\p{Lu}/u.test(val(self))));
method(strClass, 'isidentifier', (self) => PyBool.of(/^[\p{L}_][\p{L}\p{N}_]*$/u.test(val(self))));

function padMethod(name: string, where: 'left' | 'right' | 'center') {
  method(strClass, name, (self, args) => {
    arity(name, args, 1, 2);
    const width = Number(toPyIndex(args[0]));
    const fill = args[1] ? argStr(name, args[1], 'argument 2') : ' ';
    if (fill.length !== 1) throw typeError('The fill character must be exactly one character long');
    const s = val(self);
    const n = width - s.length;
    if (n <= 0) return str(s);
    checkSize(width, 'str');
    if (where === 'left') return str(s + fill.repeat(n));
    if (where === 'right') return str(fill.repeat(n) + s);
    // CPython centres with the extra fill on the right unless the width and length are both odd.
    const left = Math.floor(n / 2) + (n & width & 1);
    return str(fill.repeat(left) + s + fill.repeat(n - left));
  });
}
padMethod('ljust', 'left');
padMethod('rjust', 'right');
padMethod('center', 'center');
method(strClass, 'zfill', (self, args) => {
  arity('zfill', args, 1);
  const s = val(self);
  const width = Number(toPyIndex(args[0]));
  if (s.length >= width) return str(s);
  checkSize(width, 'str');
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  return str(sign + '0'.repeat(width - s.length) + s.slice(sign.length));
});
method(strClass, 'partition', (self, args) => {
  const s = val(self);
  const sep = argStr('partition', args[0]);
  const i = s.indexOf(sep);
  return i < 0 ? new PyTuple([str(s), str(''), str('')]) : new PyTuple([str(s.slice(0, i)), str(sep), str(s.slice(i + sep.length))]);
});
method(strClass, 'removeprefix', (self, args) => {
  const s = val(self);
  const p = argStr('removeprefix', args[0]);
  return str(p && s.startsWith(p) ? s.slice(p.length) : s);
});
method(strClass, 'removesuffix', (self, args) => {
  const s = val(self);
  const p = argStr('removesuffix', args[0]);
  return str(p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
});
method(strClass, 'format', (self, args, kwargs) => str(strFormat(val(self), args, kwargs)));

// ---------------------------------------------------------------- str.format

/** `template.format(*args, **kwargs)` with auto/manual numbering, `.attr`, `[key]`, `!r`, specs. */
export function strFormat(template: string, args: PyObject[], kwargs: Kwargs): string {
  let auto = 0;
  let out = '';
  let i = 0;
  const fieldValue = (field: string): PyObject => {
    const m = /^([^.[]*)(.*)$/s.exec(field)!;
    let obj: PyObject;
    if (m[1] === '') {
      if (auto < 0) throw valueError('cannot switch from manual field specification to automatic field numbering');
      const k = auto++;
      if (k >= args.length) throw new PyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
      obj = args[k];
    } else if (/^\d+$/.test(m[1])) {
      if (auto > 0) throw valueError('cannot switch from automatic field numbering to manual field specification');
      auto = -1;
      const k = Number(m[1]);
      if (k >= args.length) throw new PyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
      obj = args[k];
    } else {
      const v = kwargs.get(m[1]);
      if (!v) throw new PyError('KeyError', `'${m[1]}'`);
      obj = v;
    }
    const re = /\.(\w+)|\[([^\]]*)\]/gy;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(m[2]))) {
      if (mm[1] !== undefined) obj = getAttr(obj, mm[1]);
      else obj = getItem(obj, /^\d+$/.test(mm[2]) ? PyInt.of(Number(mm[2])) : str(mm[2]));
    }
    return obj;
  };
  while (i < template.length) {
    const c = template[i];
    if (c === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < template.length && depth > 0) {
        if (template[j] === '{') depth++;
        else if (template[j] === '}') depth--;
        j++;
      }
      if (depth > 0) throw valueError("expected '}' before end of string");
      const body = template.slice(i + 1, j - 1);
      const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(body);
      if (!m) throw valueError('invalid format string');
      let value = fieldValue(m[1]);
      const spec = m[3] ? strFormat(m[3], args, kwargs) : '';
      if (m[2] === 'r' || m[2] === 'a') value = str(pyRepr(value));
      else if (m[2] === 's') value = str(pyStr(value));
      out += pyFormat(value, spec);
      i = j;
    } else if (c === '}') {
      throw valueError("Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- printf-style `%`

function percentFormat(template: string, values: PyObject): string {
  const list = values instanceof PyTuple ? [...values.items] : [values];
  const mapping = values instanceof PyTuple ? null : values;
  let k = 0;
  const re = /%(?:\((\w+)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  let usedMapping = false;
  const out = template.replace(re, (_all, name: string | undefined, flags: string, width: string | undefined, prec: string | undefined, type: string) => {
    if (type === '%') return '%';
    const next = (): PyObject => {
      if (name !== undefined && mapping) {
        usedMapping = true;
        return getItem(mapping, str(name));
      }
      if (k >= list.length) throw typeError('not enough arguments for format string');
      return list[k++];
    };
    const w = width === '*' ? String(toPyIndex(next())) : width ?? '';
    const p = prec === '*' ? String(toPyIndex(next())) : prec;
    const v = next();
    const align = flags.includes('-') ? '<' : '>';
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const zero = flags.includes('0') && !flags.includes('-') ? '0' : '';
    // The 0 flag pads numbers after the sign ('=' alignment), so no explicit '>' with it.
    const numAlign = zero ? '' : align;
    const alt = flags.includes('#') ? '#' : '';
    const precPart = p !== undefined ? `.${p}` : '';
    switch (type) {
      case 's': return formatStr(pyStr(v), `${align}${w}${precPart}`);
      case 'r':
      case 'a': return formatStr(pyRepr(v), `${align}${w}${precPart}`);
      case 'c': return formatStr(v instanceof PyStr ? v.value : String.fromCodePoint(Number(toPyIndex(v))), `${align}${w}`);
      case 'd':
      case 'i':
      case 'u': {
        if (!(isIntLike(v) || v.cls.slot('float') || v.cls.slot('index'))) throw typeError(`%${type} format: a real number is required, not ${typeName(v)}`);
        const n = isIntLike(v) ? toPyIndex(v) : BigInt(Math.trunc(toPyFloat(v)));
        return formatInt(n, `${numAlign}${sign}${zero}${w}`);
      }
      case 'o':
      case 'x':
      case 'X':
        return formatInt(toPyIndex(v), `${numAlign}${sign}${alt}${zero}${w}${type}`);
      default:
        return formatFloat(toPyFloat(v), `${numAlign}${sign}${alt}${zero}${w}${p !== undefined ? '.' + p : '.6'}${type}`);
    }
  });
  if (!usedMapping && mapping === null && k < list.length) throw typeError('not all arguments converted during string formatting');
  if (!usedMapping && mapping !== null && k === 0 && !(mapping instanceof PyStr && template.includes('%'))) {
    if (!/%/.test(template.replace(/%%/g, ''))) throw typeError('not all arguments converted during string formatting');
  }
  return out;
}
