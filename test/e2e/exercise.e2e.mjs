// Browser-level check of the exercise panel from the packaged extension: packs a .vsix into a
// temporary folder (so a media file missing from the package fails here), installs it into the
// VS Code server, runs "Grad Lens: Open Exercise" from the command palette in headless Chromium,
// presses the webview's own Run tests button on a correct solution, waits for the verdict, and
// saves docs/images/exercise-panel.png (the panel beside the editor). Then, in each of the six
// themes, checks that the panel's text is readable (WCAG contrast of its computed colours).
//
//   node esbuild.mjs --production && node test/e2e/exercise.e2e.mjs
//   GRADLENS_E2E_THEME_SHOTS=<dir>   also saves a picture of the panel per theme into <dir>

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contrastRatio, flatten, requiredContrast } from './contrast.mjs';
import { ROOT, THEMES, runCommand, scratch, screenshot, until, webviewFrame, withWorkbench } from './workbench.mjs';

const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'exercise-panel.png');
const THEME_SHOTS = process.env.GRADLENS_E2E_THEME_SHOTS;

// A correct solution, in the file the panel opens (it never overwrites an existing file).
const SOLUTION = `import jax
import jax.numpy as jnp


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    # jax.grad differentiates loss with respect to its first argument, w.
    return jax.grad(loss)(float(w), b, x)
`;

// In the panel, text that must stay readable in every theme: selector → what it is. The first
// set is on screen after any run; the other two only after a passing or a failing one.
const PANEL_TEXT = {
  h1: 'the title',
  '.verdict': 'the verdict',
  '.outcome .mark': 'a test mark',
  'table.examples th': 'a table header',
  '.muted': 'muted text',
  '.status': 'the exercise status',
  'code': 'code',
  '.button.primary': 'the primary button',
  '.button.secondary': 'a secondary button',
};
const PASSED_TEXT = { '.verdict.passed': 'the passing verdict', '.outcome.passed .mark': 'a PASS mark' };
const FAILED_TEXT = {
  '.verdict.failed': 'the failing verdict',
  '.outcome.failed .mark': 'a FAIL mark',
  '.outcome .label': 'an expected/got label',
  '.feedback p': 'the feedback on the mistake',
  '.feedback code': 'code in the feedback',
};

/** Each piece of panel text: its colour and opacity, and the backgrounds under it, innermost first. */
function readPanelText(frame, texts) {
  return frame.evaluate((selectors) => {
    // Backgrounds up to the first opaque one (code spans draw a translucent one over the page).
    const backgrounds = (el) => {
      const out = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        out.push(bg);
        if (/^rgb\(/.test(bg)) break;
      }
      return out;
    };
    return selectors.flatMap((sel) => [...document.querySelectorAll(sel)].map((el) => ({
      sel, text: el.textContent.trim().slice(0, 40), color: getComputedStyle(el).color,
      opacity: Number(getComputedStyle(el).opacity), backgrounds: backgrounds(el),
    })));
  }, Object.keys(texts));
}

// The colours of text a passing run does not show (FAIL marks, a failed verdict, an exception):
// each theme variable must exist in the webview and be readable on the panel's background.
const UNSEEN_COLOURS = ['gradlens-matchForeground', 'gradlens-mismatchForeground', 'gradlens-errorForeground'];

function readPanelColours(frame) {
  return frame.evaluate((names) => {
    const root = getComputedStyle(document.documentElement);
    const probe = document.body.appendChild(document.createElement('span'));
    const out = { background: getComputedStyle(document.body).backgroundColor, colours: {} };
    for (const n of names) {
      probe.style.color = `var(--vscode-${n})`;
      out.colours[n] = root.getPropertyValue(`--vscode-${n}`).trim() ? getComputedStyle(probe).color : undefined;
    }
    probe.remove();
    return out;
  }, UNSEEN_COLOURS);
}

async function checkPanelContrast(frame, theme, state) {
  const minimum = requiredContrast(THEMES[theme].kind);
  const texts = { ...PANEL_TEXT, ...(state === 'passed' ? PASSED_TEXT : FAILED_TEXT) };
  const items = await readPanelText(frame, texts);
  for (const sel of Object.keys(texts)) assert.ok(items.some((i) => i.sel === sel), `${theme}: the panel shows ${texts[sel]}`);
  for (const i of items) {
    const background = flatten(i.backgrounds);
    const ratio = contrastRatio(i.color, background, i.opacity);
    assert.ok(ratio >= minimum, `${theme}: ${texts[i.sel]} "${i.text}" in ${i.color} on ${background} has contrast ${ratio.toFixed(2)} < ${minimum}`);
  }
  const { background, colours } = await readPanelColours(frame);
  for (const [name, colour] of Object.entries(colours)) {
    assert.ok(colour, `${theme}: the webview defines --vscode-${name}`);
    const ratio = contrastRatio(colour, background);
    assert.ok(ratio >= minimum, `${theme}: --vscode-${name} ${colour} on ${background} has contrast ${ratio.toFixed(2)} < ${minimum}`);
  }
  console.log(`[e2e] ${theme}, ${state} run: ${items.length} pieces of panel text and ${UNSEEN_COLOURS.length} status colours readable`);
}

async function main() {
  const tmp = scratch('gradlens-e2e-vsix-');
  try {
    const vsix = path.join(tmp, 'gradlens.vsix');
    execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'inherit' });
    const listing = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    for (const f of ['media/exercise/panel.js', 'media/exercise/panel.css', 'media/exercise/katex/katex.min.css', 'media/exercise/katex/fonts/KaTeX_Main-Regular.woff2']) {
      assert.ok(listing.split('\n').includes(f), `the package holds ${f}`);
    }
    const prepareWorkspace = (workspace) => {
      fs.mkdirSync(path.join(workspace, 'gradlens-exercises'));
      fs.writeFileSync(path.join(workspace, 'gradlens-exercises', 'grad_of_quadratic.py'), SOLUTION);
    };
    const options = { vsix, name: 'gradlens-e2e-exercise', settings: { 'editor.fontSize': 14 }, viewport: { width: 1440, height: 900 }, prepareWorkspace };
    await withWorkbench(options, async ({ page, setTheme }) => {
      // The command palette, as a user would: the first exercise of the quick pick is the quadratic one.
      await runCommand(page, 'Grad Lens: Open Exercise');
      await until('the track in the quick pick', () => page.evaluate(() =>
        [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes('Gradient of a quadratic loss'))));
      await page.keyboard.press('Enter');

      const frame = await until('the exercise panel', () => webviewFrame(page, 'panel'));
      await frame.waitForSelector('h1');
      assert.equal(await frame.evaluate(() => document.querySelector('h1').textContent), 'Gradient of a quadratic loss');
      assert.ok(await frame.evaluate(() => document.querySelectorAll('math').length > 0), 'math rendered');
      await page.waitForSelector('.monaco-editor .view-lines');

      await frame.click('button[data-action="runTests"]');
      const verdict = await until('the verdict', () => frame.evaluate(() => document.querySelector('.verdict')?.textContent));
      console.log(`[e2e] verdict: ${verdict}`);
      assert.match(verdict, /^(\d+)\/\1 tests passed\. Solved/);
      // The picture: the editor and the panel side by side, the explorer closed to give them room,
      // the panel scrolled to the statement so its formula, the examples and the verdict are in view.
      await page.click('.monaco-editor .view-lines');
      await page.keyboard.press('Control+B');
      await frame.evaluate(() => document.querySelector('.statement')?.scrollIntoView());
      await page.waitForTimeout(500);
      await screenshot(page, SCREENSHOT, { x: 700, y: 880 });

      for (const theme of Object.keys(THEMES)) {
        await setTheme(theme);
        await checkPanelContrast(frame, theme, 'passed');
        if (THEME_SHOTS) await page.screenshot({ path: path.join(THEME_SHOTS, `exercise-panel-${theme}.png`) });
      }

      // A classic mistake, differentiating with respect to b: FAIL marks, expected/got and the
      // feedback on the mistake, checked in every theme too.
      await page.click('.monaco-editor .view-lines');
      await page.keyboard.press('Control+End'); // the empty line after the return statement
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home'); // to the indentation: the statement only
      await page.keyboard.insertText('return jax.grad(loss, argnums=1)(float(w), b, x)');
      await frame.click('button[data-action="runTests"]');
      const failed = await until('the failing verdict', () => frame.evaluate(() => document.querySelector('.verdict.failed')?.textContent));
      console.log(`[e2e] verdict: ${failed}`);
      assert.match(failed, /Not solved yet/);
      assert.ok(await frame.evaluate(() => document.querySelector('.feedback[data-mistake="wrong-argument"]') !== null), 'the wrong-argument feedback is shown');
      // The first example: DESIGN's 6.0 expected, the derivative in b (2·1 + 2·1 = 4) got, and no
      // third line repeating those two.
      const first = await frame.evaluate(() => document.querySelector('.outcome.failed .details')?.innerText ?? '');
      assert.match(first, /expected\s+6\.0/);
      assert.match(first, /got\s+Array\(4\., dtype=float32/);
      assert.doesNotMatch(first, /expected 6\.0, got 4\.0/);
      await frame.evaluate(() => document.querySelector('.verdict')?.scrollIntoView());
      for (const theme of Object.keys(THEMES).reverse()) {
        await setTheme(theme);
        await checkPanelContrast(frame, theme, 'failed');
        if (THEME_SHOTS) await page.screenshot({ path: path.join(THEME_SHOTS, `exercise-panel-failed-${theme}.png`) });
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('[e2e] passed');
}

main().catch((e) => {
  console.error(`[e2e] FAILED: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
