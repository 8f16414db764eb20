// Browser-level check of the packaged extension: installs gradlens.vsix into the VS Code server
// (so a file missing from the package fails here), opens the worked example in the real
// workbench in headless Chromium, reads the CodeLens and the inline values from the page, and
// saves the README screenshot to docs/images/worked-example.png.
//
//   npm run test:e2e      (packages the .vsix first)

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT, ensureInstalled, installVsix, launchChromium, makeWorkspace, scratch, startServer, workbenchUrl,
} from '../../scripts/harness/server.mjs';

const VSIX = path.join(ROOT, 'gradlens.vsix');
const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'worked-example.png');
const STEP_TIMEOUT_MS = 90_000;

// The end-of-line values are `after` decorations: VS Code renders their text as CSS generated
// content, so it is read from the computed style of the ::after pseudo-elements.
const READ_INLINE_VALUES = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('.monaco-editor .view-lines span')) {
    const c = getComputedStyle(el, '::after').content;
    if (c && c !== 'none' && c !== 'normal' && c !== '""') out.push(JSON.parse(c));
  }
  return out;
})()`;

const READ_LENSES = `[...document.querySelectorAll('.monaco-editor .codelens-decoration')].map((e) => e.textContent)`;

async function poll(page, expression, accept, what) {
  const started = Date.now();
  let last;
  while (Date.now() - started < STEP_TIMEOUT_MS) {
    last = await page.evaluate(expression);
    if (accept(last)) return last;
    await page.waitForTimeout(250);
  }
  assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

async function main() {
  assert.ok(fs.existsSync(VSIX), 'gradlens.vsix is missing: run `npm run package` first');
  ensureInstalled();
  const tmp = scratch('gradlens-e2e-');
  const dataDir = path.join(tmp, 'server');
  let server;
  let browser;
  try {
    console.log(`[e2e] ${installVsix(dataDir, VSIX)}`);
    server = await startServer({ dataDir, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 15, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.minimap.enabled': false } });
    const workspace = makeWorkspace(path.join(tmp, 'workspace'));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(workbenchUrl(server, workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: STEP_TIMEOUT_MS });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: STEP_TIMEOUT_MS }).catch(() => {});

    // Open the worked example with Quick Open, as a user would.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: STEP_TIMEOUT_MS });
    await page.keyboard.type('worked_example.py');
    await poll(page, `document.querySelectorAll('.quick-input-list .monaco-list-row').length`, (n) => n > 0, 'the Quick Open result');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: STEP_TIMEOUT_MS });

    const lenses = await poll(page, READ_LENSES, (l) => l.some((t) => t.includes('Compute gradient')), 'the Compute gradient CodeLens');
    const values = await poll(page, READ_INLINE_VALUES, (v) => v.some((t) => t.startsWith('→ [2. 2.]')), 'the inline value of jax.grad(f, argnums=1)');
    console.log(`[e2e] CodeLens: ${JSON.stringify(lenses)}`);
    console.log(`[e2e] inline values: ${JSON.stringify(values)}`);
    assert.ok(values.includes('→ 4.0  ✓'), 'jax.grad(f)(2.0, x) shows 4.0 with its expectation met');
    assert.ok(values.includes('→ [2. 2.]  ✓'));
    assert.ok(values.includes('∇w = 4.0  ✓'), 'the # @grad annotation of f shows its gradient, checked by finite differences');

    await page.mouse.move(1200, 700); // no hover widget in the picture
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`[e2e] screenshot: ${path.relative(ROOT, SCREENSHOT)}`);
    console.log('[e2e] passed');
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
