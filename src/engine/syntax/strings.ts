// Decoding of Python string literals: prefixes, quotes, raw strings and backslash escapes.

/** The prefix letters (lower-cased) and the quote of a literal such as `rb'''...'''`. */
export function splitLiteral(text: string): { prefix: string; quote: string; body: string } {
  let i = 0;
  while (i < text.length && text[i] !== "'" && text[i] !== '"') i++;
  const prefix = text.slice(0, i).toLowerCase();
  const q = text[i] ?? '"';
  const quote = text.startsWith(q.repeat(3), i) ? q.repeat(3) : q;
  let body = text.slice(i + quote.length);
  // An unterminated literal (while typing) has no closing quote: keep what is there.
  if (body.endsWith(quote)) body = body.slice(0, body.length - quote.length);
  return { prefix, quote, body };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Applies Python's backslash escapes (not for raw strings). Unknown escapes stay as written. */
export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === '\r' && s[i + 2] === '\n') {
      i += 2;
      continue;
    }
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
    } else if (n >= '0' && n <= '7') {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCodePoint(parseInt(s.slice(i + 1, j), 8));
      i = j - 1;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = s.slice(i + 2, i + 2 + len);
      if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + len;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}
