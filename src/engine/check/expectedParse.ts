// Parsing the value of an expected-value comment (`expr  # → 4.0`).
//
// The expected text is read as a literal when it is one: Python numbers, bools, None, strings,
// tuples, lists, dicts, NumPy's printed arrays (`[2. 2.]`, space separated, as `print` shows
// them) and JAX reprs (`Array([2., 2.], dtype=float32)`). Anything else is a Python expression
// for the interpreter to evaluate (`jnp.ones(3) * 2`). Text after the value is a remark
// (`# → 4.0  (1 + 3)`) and is ignored.

import { parseExpressionStatement } from '../syntax';

export type ExpectedValue =
  | { kind: 'number'; value: number; isInt: boolean }
  | { kind: 'complex'; re: number; im: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'str'; value: string }
  /** `[...]`: with commas a Python list, without (NumPy's print form) an array. */
  | { kind: 'seq'; items: ExpectedValue[]; commas: boolean }
  | { kind: 'tuple'; items: ExpectedValue[] }
  | { kind: 'dict'; entries: [string, ExpectedValue][] }
  /** `Array(<value>, dtype=..., weak_type=True)`: the repr, so dtype and weak type count too. */
  | { kind: 'array'; value: ExpectedValue; dtype: string; weakType: boolean }
  /** Not a literal: a Python expression to evaluate. */
  | { kind: 'python'; text: string };

/** `→ 4.0  (remark)` or `-> 4.0` → the value's text, or undefined when the comment is not one. */
export function parseExpected(comment: string): { text: string } | undefined {
  const m = /^\s*#?\s*(?:→|->)\s*/.exec(comment);
  if (!m) return undefined;
  const body = comment.slice(m[0].length).trimEnd();
  if (body === '') return undefined;
  const literal = literalPrefix(body);
  if (literal !== undefined) return { text: body.slice(0, literal).trim() };
  const python = pythonPrefix(body);
  return python === undefined ? undefined : { text: python };
}

/** The expected value of a text that `parseExpected` returned. */
export function readExpected(text: string): ExpectedValue {
  const p = new LiteralParser(text);
  try {
    const v = p.value();
    if (p.rest().trim() === '') return v;
  } catch (e) {
    if (!(e instanceof NotLiteral)) throw e;
  }
  return { kind: 'python', text };
}

/** Length of the literal at the start of `text` when the rest is a remark, else undefined. */
function literalPrefix(text: string): number | undefined {
  const p = new LiteralParser(text);
  try {
    p.value();
  } catch (e) {
    if (e instanceof NotLiteral) return undefined;
    throw e;
  }
  const rest = p.rest();
  // `4.0 * 2` continues an expression: not a literal followed by a remark.
  if (rest === '' || (/^\s/.test(rest) && !/^\s*([-+*/%@<>=!&|^.]|\*\*|if\b|and\b|or\b|for\b|$)/.test(rest))) {
    return text.length - rest.length;
  }
  if (/^\s*$/.test(rest)) return text.length;
  return undefined;
}

/** The longest prefix (ending before whitespace) that parses as one Python expression. */
function pythonPrefix(text: string): string | undefined {
  const ends: number[] = [text.length];
  for (let i = text.length - 1; i > 0; i--) if (/\s/.test(text[i]) && !/\s/.test(text[i - 1])) ends.push(i);
  for (const end of ends) {
    const candidate = text.slice(0, end).trim();
    // `4.0 (remark)` would parse as a call; a remark in parentheses follows whitespace.
    if (/[\w.\])]\s+\(/.test(candidate)) continue;
    const { stmt } = parseExpressionStatement(candidate);
    if (stmt && stmt.kind === 'Expr') return candidate;
  }
  return undefined;
}

class NotLiteral extends Error {}

const NUMBER = /^[+-]?(?:\d[\d_]*\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d[\d_]*(?:[eE][+-]?\d+)?)([jJ])?/;

class LiteralParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.pos);
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  private eat(token: string): boolean {
    this.skip();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new NotLiteral();
  }

  value(): ExpectedValue {
    const c = this.peek();
    if (c === '(') return this.tuple();
    if (c === '[') return this.seq();
    if (c === '{') return this.dict();
    if (c === '"' || c === "'") return { kind: 'str', value: this.string() };
    const word = /^[A-Za-z_]\w*/.exec(this.rest());
    if (word) {
      const w = word[0];
      if (w === 'Array') return this.arrayRepr();
      this.pos += w.length;
      if (w === 'True' || w === 'False') return { kind: 'bool', value: w === 'True' };
      if (w === 'None') return { kind: 'none' };
      if (w === 'nan' || w === 'inf') return this.maybeComplex(w === 'nan' ? NaN : Infinity, false);
      throw new NotLiteral();
    }
    return this.number();
  }

  private number(): ExpectedValue {
    this.skip();
    const special = /^([+-])(nan|inf)\b/.exec(this.rest());
    if (special) {
      this.pos += special[0].length;
      const v = special[2] === 'nan' ? NaN : Infinity;
      return { kind: 'number', value: special[1] === '-' ? -v : v, isInt: false };
    }
    const m = NUMBER.exec(this.rest());
    if (!m || m[0] === '' || /^[+-]?$/.test(m[0])) throw new NotLiteral();
    this.pos += m[0].length;
    const digits = m[0].replace(/_/g, '').replace(/[jJ]$/, '');
    const value = Number(digits);
    if (Number.isNaN(value)) throw new NotLiteral();
    if (m[1]) return { kind: 'complex', re: 0, im: value };
    return this.maybeComplex(value, /^[+-]?\d+$/.test(digits));
  }

  /** `1+2j`: a real part followed directly by a signed imaginary part. */
  private maybeComplex(re: number, isInt: boolean): ExpectedValue {
    const m = /^[+-](?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+|nan|inf)[jJ]/.exec(this.rest());
    if (!m) return { kind: 'number', value: re, isInt };
    this.pos += m[0].length;
    const body = m[0].slice(0, -1);
    const im = /nan/.test(body) ? NaN : /inf/.test(body) ? (body[0] === '-' ? -Infinity : Infinity) : Number(body);
    return { kind: 'complex', re, im };
  }

  private string(): string {
    const q = this.text[this.pos];
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\' && i + 1 < this.text.length) {
        out += this.text[++i];
      } else if (c === q) {
        this.pos = i + 1;
        return out;
      } else out += c;
    }
    throw new NotLiteral();
  }

  private tuple(): ExpectedValue {
    this.expect('(');
    const items: ExpectedValue[] = [];
    let comma = false;
    while (!this.eat(')')) {
      items.push(this.value());
      comma = this.eat(',');
      if (!comma && this.peek() !== ')') throw new NotLiteral();
    }
    return items.length === 1 && !comma ? items[0] : { kind: 'tuple', items };
  }

  private seq(): ExpectedValue {
    this.expect('[');
    const items: ExpectedValue[] = [];
    let commas = false;
    while (!this.eat(']')) {
      if (this.pos >= this.text.length) throw new NotLiteral();
      items.push(this.value());
      if (this.eat(',')) commas = true;
      else if (commas && this.peek() !== ']') throw new NotLiteral();
    }
    return { kind: 'seq', items, commas };
  }

  private dict(): ExpectedValue {
    this.expect('{');
    const entries: [string, ExpectedValue][] = [];
    while (!this.eat('}')) {
      this.skip();
      const key = this.peek() === '"' || this.peek() === "'" ? this.string() : undefined;
      if (key === undefined) throw new NotLiteral();
      this.expect(':');
      entries.push([key, this.value()]);
      if (!this.eat(',') && this.peek() !== '}') throw new NotLiteral();
    }
    return { kind: 'dict', entries };
  }

  /** `Array(4., dtype=float32, weak_type=True)` as JAX prints it. */
  private arrayRepr(): ExpectedValue {
    this.expect('Array');
    this.expect('(');
    const value = this.value();
    this.expect(',');
    this.expect('dtype=');
    const dtype = /^\w+/.exec(this.rest().trimStart());
    if (!dtype) throw new NotLiteral();
    this.skip();
    this.pos += dtype[0].length;
    let weakType = false;
    if (this.eat(',')) {
      this.expect('weak_type=True');
      weakType = true;
    }
    this.expect(')');
    return { kind: 'array', value, dtype: dtype[0], weakType };
  }
}

/**
 * For run.ts: undefined when the comment is not an expected-value comment, the value's text
 * when it is one, or an error message when it starts with `→` but no value can be read.
 */
export function readExpectedComment(comment: string): { text: string } | { error: string } | undefined {
  const m = /^\s*#?\s*(?:→|->)/.exec(comment);
  if (!m) return undefined;
  const parsed = parseExpected(comment);
  if (parsed) return parsed;
  const body = comment.slice(m[0].length).trim();
  return { error: body === '' ? 'The expected-value comment has no value after the arrow' : `Cannot read an expected value in "${body}"` };
}
