// Browser-level check of the packaged extension: installs gradlens.vsix into the VS Code server
// (so a file missing from the package fails here), opens the worked example in the real
// workbench in headless Chromium, reads the CodeLens and the inline values from the page, and
// saves the README screenshot to docs/images/worked-example.png. Then, in the light, high-contrast
// and high-contrast-light themes too, checks that the inline values are readable: their computed
// colour against the editor background, fresh and stale, as WCAG contrast ratios.
//
//   npm run test:e2e      (packages the .vsix first)
//   GRADLENS_E2E_THEME_SHOTS=<dir>   also saves a picture per theme (with a hover) into <dir>

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertExtensionBundleHasNoEngine } from './bundle.mjs';
import { FLOOR, contrastRatio, requiredContrast } from './contrast.mjs';
import { ROOT, THEMES, quickOpen, screenshot, until, withWorkbench } from './workbench.mjs';

const VSIX = path.join(ROOT, 'gradlens.vsix');
const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'worked-example.png');
const THEME_SHOTS = process.env.GRADLENS_E2E_THEME_SHOTS;

// The end-of-line values are `after` decorations: VS Code renders their text as CSS generated
// content, so text, colour and opacity are read from the computed style of the ::after
// pseudo-elements. The background is the editor's own.
const READ_INLINE_VALUES = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('.monaco-editor .view-lines span')) {
    const style = getComputedStyle(el, '::after');
    const c = style.content;
    if (c && c !== 'none' && c !== 'normal' && c !== '""') out.push({ text: JSON.parse(c), color: style.color, opacity: Number(style.opacity) });
  }
  return out;
})()`;
const READ_EDITOR_BACKGROUND = `getComputedStyle(document.querySelector('.monaco-editor .monaco-editor-background')).backgroundColor`;

// Every colour package.json contributes, as the workbench resolved it for the current theme.
// Resolving a colour through a probe element turns any CSS colour syntax into rgb()/rgba().
const READ_CONTRIBUTED_COLOURS = `(() => {
  const probe = document.createElement('span');
  document.querySelector('.monaco-workbench').appendChild(probe);
  const out = {};
  for (const kind of ['value', 'match', 'mismatch', 'error']) {
    probe.style.color = 'var(--vscode-gradlens-' + kind + 'Foreground)';
    out[kind] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
})()`;

const READ_LENSES = `[...document.querySelectorAll('.monaco-editor .codelens-decoration')].map((e) => e.textContent)`;


async function checkContrast(page, theme, { stale }) {
  const background = await page.evaluate(READ_EDITOR_BACKGROUND);
  const labels = (await page.evaluate(READ_INLINE_VALUES)).filter((l) => l.text.endsWith('(stale)') === stale);
  assert.ok(labels.length >= 5, `${theme}: the worked example's inline values are on screen`);
  // Stale values are dimmed on purpose, but must stay legible.
  const minimum = stale ? FLOOR : requiredContrast(THEMES[theme].kind);
  let lowest = Infinity;
  for (const l of labels) {
    const ratio = contrastRatio(l.color, background, l.opacity);
    lowest = Math.min(lowest, ratio);
    assert.ok(ratio >= minimum, `${theme}: "${l.text}" in ${l.color} (opacity ${l.opacity}) on ${background} has contrast ${ratio.toFixed(2)} < ${minimum}`);
  }
  if (!stale) {
    // Also the kinds the worked example does not show (a mismatch, an error).
    for (const [kind, color] of Object.entries(await page.evaluate(READ_CONTRIBUTED_COLOURS))) {
      const ratio = contrastRatio(color, background);
      assert.ok(ratio >= minimum, `${theme}: gradlens.${kind}Foreground ${color} on ${background} has contrast ${ratio.toFixed(2)} < ${minimum}`);
    }
  }
  console.log(`[e2e] ${theme}: ${labels.length} ${stale ? 'stale' : 'fresh'} inline values on ${background}, lowest contrast ${lowest.toFixed(2)} (>= ${minimum})`);
}

/** A picture with the hover of the `jax.grad(f, argnums=1)` line open, for looking at a theme. */
async function themeShot(page, theme) {
  const line = page.locator('.monaco-editor .view-line', { hasText: 'argnums=1)(2.0' }).first();
  await line.locator('span span').first().hover();
  await page.waitForSelector('.monaco-hover .markdown-hover', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(THEME_SHOTS, `worked-example-${theme}.png`) });
  await page.mouse.move(1200, 700);
}

async function main() {
  assertExtensionBundleHasNoEngine();
  await withWorkbench({ vsix: VSIX, name: 'gradlens-e2e', settings: { 'editor.fontSize': 15 } }, async ({ page, setTheme }) => {
    await quickOpen(page, 'worked_example.py');
    const lenses = await until('the Compute gradient CodeLens', async () => {
      const l = await page.evaluate(READ_LENSES);
      return l.some((t) => t.includes('Compute gradient')) && l;
    });
    const texts = async () => (await page.evaluate(READ_INLINE_VALUES)).map((l) => l.text);
    const values = await until('the inline value of jax.grad(f, argnums=1)', async () => {
      const v = await texts();
      return v.some((t) => t.startsWith('→ [2. 2.]')) && v;
    });
    console.log(`[e2e] CodeLens: ${JSON.stringify(lenses)}`);
    console.log(`[e2e] inline values: ${JSON.stringify(values)}`);
    assert.ok(values.includes('→ 4.0  ✓'), 'jax.grad(f)(2.0, x) shows 4.0 with its expectation met');
    assert.ok(values.includes('→ [2. 2.]  ✓'));
    assert.ok(values.includes('∇w = 4.0  ✓'), 'the # @grad annotation of f shows its gradient, checked by finite differences');
    await screenshot(page, SCREENSHOT);

    for (const theme of Object.keys(THEMES)) {
      await setTheme(theme);
      await checkContrast(page, theme, { stale: false });
      if (THEME_SHOTS) await themeShot(page, theme);
    }
    // A syntax error at the end of the file: the last good values stay, marked (stale).
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nbroken = 1 +'); // (an opening bracket would be auto-closed)
    await page.keyboard.press('Control+Home');
    await until('the stale values', async () => {
      const v = await texts();
      return v.length > 0 && v.every((t) => t.endsWith('(stale)'));
    });
    for (const theme of Object.keys(THEMES).reverse()) {
      await setTheme(theme);
      await checkContrast(page, theme, { stale: true });
    }
  });
  console.log('[e2e] passed');
}

main().catch((e) => {
  console.error(`[e2e] FAILED: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
