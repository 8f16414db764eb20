// Exercise statements: markdown (markdown-it, raw HTML off so the text cannot inject markup) with
// `$...$` and `$$...$$` math rendered by KaTeX on the extension side, so the webview needs only
// KaTeX's stylesheet and fonts, no script.

import katex from 'katex';
import MarkdownIt = require('markdown-it');
type StateInline = MarkdownIt.StateInline;

const DOLLAR = 0x24;

/** An inline rule: `$$tex$$` (display) or `$tex$` (inline; no space just inside the dollars). */
function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const delimiter = display ? '$$' : '$';
  const start = pos + delimiter.length;
  const end = src.indexOf(delimiter, start);
  if (end <= start) return false;
  const tex = src.slice(start, end);
  // "$5 and $6" is money, not math (Pandoc's rule): inline math neither starts nor ends with a
  // space, and its closing dollar is not followed by a digit. Nor does it reach into code.
  const after = src.charCodeAt(end + 1);
  if (!display && (/^\s|\s$|`/.test(tex) || (after >= 0x30 && after <= 0x39))) return false;
  if (!silent) {
    const token = state.push('math', 'math', 0);
    token.content = tex;
    token.meta = { display };
  }
  state.pos = end + delimiter.length;
  return true;
}

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before('escape', 'math', mathRule);
  md.renderer.rules.math = (tokens, idx) => {
    const token = tokens[idx];
    // throwOnError false: a typo in the TeX shows as red source text instead of breaking the panel.
    return katex.renderToString(token.content, {
      displayMode: Boolean(token.meta?.display),
      throwOnError: false,
      // MathML only: KaTeX's HTML output positions glyphs with inline style attributes, which the
      // panel's Content-Security-Policy (styles only from media/) rightly blocks; Chromium lays
      // out MathML natively, with KaTeX's fonts from its stylesheet.
      output: 'mathml',
    });
  };
  return md;
}

let renderer: ReturnType<typeof createRenderer> | undefined;

/** The statement (or a hint, a feedback text) as HTML. */
export function renderMarkdown(text: string): string {
  renderer ??= createRenderer();
  return renderer.render(text);
}

/** The same for one line: no enclosing paragraph. */
export function renderInline(text: string): string {
  renderer ??= createRenderer();
  return renderer.renderInline(text);
}
