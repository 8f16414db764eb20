// WCAG 2 contrast of the colours the browser computed: relative luminance of sRGB colours, with a
// translucent foreground first composited over its background (as an `opacity` or an alpha
// channel draws it).
//
import * as assert from 'node:assert/strict';

/** WCAG 2.1 (1.4.3, 1.4.6): body text, enhanced contrast, and the floor for de-emphasised text. */
export const BODY_TEXT = 4.5;
export const ENHANCED = 7;
export const FLOOR = 3;

/** What text must reach in a theme of this kind: high-contrast themes promise the enhanced level. */
export function requiredContrast(themeKind) {
  return themeKind.startsWith('hc-') ? ENHANCED : BODY_TEXT;
}

/** `rgb(1, 2, 3)` / `rgba(1, 2, 3, 0.5)` / `rgb(1 2 3 / 50%)` → [r, g, b, a] (0-255, alpha 0-1). */
export function parseCssColor(text) {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(text.trim());
  if (!m) throw new Error(`not a computed CSS colour: ${JSON.stringify(text)}`);
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `fg` drawn with an extra `opacity` over an opaque `bg`. */
export function composite(fg, bg, opacity = 1) {
  const a = fg[3] * opacity;
  return [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a)).concat(1);
}

function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two CSS colours (1 to 21); the foreground may be translucent. */
export function contrastRatio(fgCss, bgCss, opacity = 1) {
  const bg = parseCssColor(bgCss);
  assert.equal(bg[3], 1, `the background ${bgCss} is opaque`);
  const fg = composite(parseCssColor(fgCss), bg, opacity);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The WCAG definition's own fixed points: black on white is 21:1, a colour on itself 1:1, and
// #767676 is the lightest grey meeting 4.5:1 on white (#777777 just misses it).
assert.equal(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)'), 21);
assert.equal(contrastRatio('rgb(90, 90, 90)', 'rgb(90, 90, 90)'), 1);
assert.ok(contrastRatio('rgb(118, 118, 118)', 'rgb(255, 255, 255)') >= 4.5);
assert.ok(contrastRatio('rgb(119, 119, 119)', 'rgb(255, 255, 255)') < 4.5);
assert.equal(contrastRatio('rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'), 1);

/** The colour seen through stacked CSS backgrounds, innermost first, the last one opaque. */
export function flatten(backgrounds) {
  const layers = backgrounds.map(parseCssColor);
  let seen = layers.pop();
  assert.ok(seen && seen[3] === 1, `an opaque background ends ${JSON.stringify(backgrounds)}`);
  for (const layer of layers.reverse()) seen = composite(layer, seen);
  return `rgb(${seen.slice(0, 3).map((c) => c.toFixed(3)).join(', ')})`;
}
