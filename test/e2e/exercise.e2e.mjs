// Browser-level check of the exercise panel from the packaged extension: packs a .vsix into a
// temporary folder (so a media file missing from the package fails here), installs it into the
// VS Code server, runs "Grad Lens: Open Exercise" from the command palette in headless Chromium,
// presses the webview's own Run tests button on a correct solution, waits for the verdict, and
// saves docs/images/exercise-panel.png (the panel beside the editor).
//
//   node esbuild.mjs --production && node test/e2e/exercise.e2e.mjs

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT, ensureInstalled, installVsix, launchChromium, makeWorkspace, scratch, startServer, workbenchUrl,
} from '../../scripts/harness/server.mjs';

const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'exercise-panel.png');
const STEP_TIMEOUT_MS = 90_000;

// A correct solution, in the file the panel opens (it never overwrites an existing file).
const SOLUTION = `import jax
import jax.numpy as jnp


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    # jax.grad differentiates loss with respect to its first argument, w.
    return jax.grad(loss)(float(w), b, x)
`;

async function until(what, probe) {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - started > STEP_TIMEOUT_MS) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The webview's content frame: the one holding the panel's <main id="panel">. */
async function panelFrame(page) {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => Boolean(document.getElementById('panel'))).catch(() => false);
    if (found) return frame;
  }
  return undefined;
}

async function main() {
  ensureInstalled();
  const tmp = scratch('gradlens-e2e-exercise-');
  const vsix = path.join(tmp, 'gradlens.vsix');
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, stdio: 'inherit' });
  const listing = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  for (const f of ['media/exercise/panel.js', 'media/exercise/panel.css', 'media/exercise/katex/katex.min.css', 'media/exercise/katex/fonts/KaTeX_Main-Regular.woff2']) {
    assert.ok(listing.split('\n').includes(f), `the package holds ${f}`);
  }
  const dataDir = path.join(tmp, 'server');
  let server;
  let browser;
  let page;
  try {
    console.log(`[e2e] ${installVsix(dataDir, vsix)}`);
    server = await startServer({ dataDir, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.minimap.enabled': false } });
    const workspace = makeWorkspace(path.join(tmp, 'workspace'));
    fs.mkdirSync(path.join(workspace, 'gradlens-exercises'));
    fs.writeFileSync(path.join(workspace, 'gradlens-exercises', 'grad_of_quadratic.py'), SOLUTION);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(workbenchUrl(server, workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: STEP_TIMEOUT_MS });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: STEP_TIMEOUT_MS }).catch(() => {});

    // The command palette, as a user would: the first exercise of the quick pick is the quadratic one.
    page.debugShot = () => page.screenshot({ path: path.join(tmp, '..', 'gradlens-e2e-exercise-failure.png') });
    // The palette lists the extension's commands once the extension host has registered them:
    // reopen it until the command is there.
    await until('the command in the palette', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      await page.waitForSelector('.quick-input-widget input', { timeout: STEP_TIMEOUT_MS });
      await page.keyboard.type('Grad Lens: Open Exercise');
      await page.waitForTimeout(1000);
      return page.evaluate(() =>
        [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes('Grad Lens: Open Exercise')));
    });
    await page.keyboard.press('Enter');
    await until('the track in the quick pick', () => page.evaluate(() =>
      [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes('Gradient of a quadratic loss'))));
    await page.keyboard.press('Enter');

    const frame = await until('the exercise panel', () => panelFrame(page));
    await frame.waitForSelector('h1', { timeout: STEP_TIMEOUT_MS });
    assert.equal(await frame.evaluate(() => document.querySelector('h1').textContent), 'Gradient of a quadratic loss');
    assert.ok(await frame.evaluate(() => document.querySelectorAll('math').length > 0), 'math rendered');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: STEP_TIMEOUT_MS });

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

    await page.mouse.move(700, 880);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`[e2e] screenshot: ${path.relative(ROOT, SCREENSHOT)}`);
    console.log('[e2e] passed');
  } catch (e) {
    await page?.debugShot?.().catch(() => {});
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[e2e] FAILED: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
