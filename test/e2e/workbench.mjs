// What the browser-level checks share: a VS Code server with a packaged .vsix installed, a scratch
// workspace, headless Chromium on the workbench, and a teardown that always runs (browser closed,
// server's process group stopped, scratch folder removed), also when a check fails or times out.
// Plus the few page gestures the checks repeat: waiting, Quick Open, the command palette, the
// webview frame of a panel, switching the colour theme (through its picker, as a user does).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ROOT, ensureInstalled, installVsix, launchChromium, makeWorkspace, scratch, startServer, workbenchUrl,
} from '../../scripts/harness/server.mjs';

export { ROOT, scratch };

export const STEP_TIMEOUT_MS = 90_000;

/**
 * The built-in themes the checks run in: the settings id, the label the theme picker shows, and
 * the class the workbench root carries for the theme's kind. The 2026 pair are VS Code's current
 * defaults; Dark Modern is the README pictures' theme.
 */
export const THEMES = {
  dark: { id: 'Default Dark Modern', label: 'Dark Modern', kind: 'vs-dark' },
  light: { id: 'Default Light Modern', label: 'Light Modern', kind: 'vs' },
  dark2026: { id: 'Dark 2026', label: 'Dark 2026', kind: 'vs-dark' },
  light2026: { id: 'Light 2026', label: 'Light 2026', kind: 'vs' },
  highContrast: { id: 'Default High Contrast', label: 'Dark High Contrast', kind: 'hc-black' },
  highContrastLight: { id: 'Default High Contrast Light', label: 'Light High Contrast', kind: 'hc-light' },
};

/** Settings that keep the pictures free of the side bar's chat view and the minimap. */
const QUIET_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
};

/** Resolves with the first truthy value `probe()` gives; fails after `timeoutMs`. */
export async function until(what, probe, timeoutMs = STEP_TIMEOUT_MS) {
  const started = Date.now();
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs `body(wb)` against a fresh workbench and always tears everything down.
 *
 * options: `vsix` (path of the package to install), `name` (scratch prefix and failure picture),
 * `theme` (a key of THEMES, default dark), `settings` (more user settings), `viewport`,
 * `prepareWorkspace(dir)` (extra files before the workbench opens).
 * `wb` holds `page`, `workspace`, `server`, `setTheme(key)` (through the theme picker).
 * On failure a screenshot is left at `<tmpdir>/<name>-failure.png` and the server log is shown.
 */
export async function withWorkbench(options, body) {
  const { vsix, name = 'gradlens-e2e', theme = 'dark', settings = {}, viewport = { width: 1280, height: 760 } } = options;
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
  ensureInstalled();
  const tmp = scratch(`${name}-`);
  const dataDir = path.join(tmp, 'server');
  let server;
  let browser;
  let page;
  try {
    console.log(`[e2e] ${installVsix(dataDir, vsix)}`);
    server = await startServer({ dataDir, settings: { ...QUIET_SETTINGS, ...settings, 'workbench.colorTheme': THEMES[theme].id } });
    const workspace = makeWorkspace(path.join(tmp, 'workspace'));
    await options.prepareWorkspace?.(workspace);
    browser = await launchChromium();
    page = await browser.newPage({ viewport });
    await page.goto(workbenchUrl(server, workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: STEP_TIMEOUT_MS });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: STEP_TIMEOUT_MS }).catch(() => {});
    await waitForThemeKind(page, THEMES[theme].kind);

    let current = theme;
    const setTheme = async (key) => {
      if (key === current) return;
      await runCommand(page, 'Preferences: Color Theme');
      await page.keyboard.type(THEMES[key].label); // the list is long and only its visible rows exist
      const row = quickInputRow(page, THEMES[key].label);
      await row.waitFor({ timeout: STEP_TIMEOUT_MS });
      await row.click();
      await page.mouse.move(200, viewport.height / 2); // off the title bar's buttons and their tooltips
      await waitForThemeKind(page, THEMES[key].kind);
      await page.waitForTimeout(500); // webviews get the new theme variables a moment later
      current = key;
    };
    return await body({ page, workspace, server, setTheme });
  } catch (e) {
    const shot = path.join(os.tmpdir(), `${name}-failure.png`);
    if (page) await page.screenshot({ path: shot }).then(() => console.error(`[e2e] failure screenshot: ${shot}`), () => {});
    if (server) console.error(`[e2e] server log (tail):\n${server.logTail()}`);
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function waitForThemeKind(page, kind) {
  await until(`the ${kind} theme`, () => page.evaluate((k) => document.querySelector('.monaco-workbench')?.classList.contains(k), kind));
}

/** Opens `fileName` with Quick Open, as a user would, and waits for its editor. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.type(fileName);
  await until('the Quick Open result', () => page.evaluate(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length > 0));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: STEP_TIMEOUT_MS });
}

/** The quick-input row whose label is exactly `label` (filtering also lists longer matches). */
function quickInputRow(page, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
}

/**
 * Runs a command from the palette. The palette lists an extension's commands only once the
 * extension host has registered them, so it is reopened until the command is there.
 */
export async function runCommand(page, title) {
  await until(`"${title}" in the command palette`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: STEP_TIMEOUT_MS });
    await page.keyboard.type(title);
    await page.waitForTimeout(1000);
    return (await quickInputRow(page, title).count()) > 0;
  });
  await quickInputRow(page, title).click();
}

/** The content frame of the webview whose document holds `#id` (webviews are nested iframes). */
export async function webviewFrame(page, id) {
  for (const frame of page.frames()) {
    const found = await frame.evaluate((i) => Boolean(document.getElementById(i)), id).catch(() => false);
    if (found) return frame;
  }
  return undefined;
}

/** Saves a picture of the page with the mouse parked at `park` (no hover widget in it). */
export async function screenshot(page, file, park = { x: 1200, y: 700 }) {
  await page.mouse.move(park.x, park.y);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`[e2e] screenshot: ${path.relative(ROOT, file)}`);
}
