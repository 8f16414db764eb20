// Runs the mocha suites of test/extension inside a real VS Code extension host (the VS Code
// server from code-server, driven by headless Chromium), and exits with the suites' exit code.
//
//   node scripts/harness/run-extension-tests.mjs        (after `tsc -p .` and `npm run build`)
//
// Environment: GRADLENS_TEST_GREP (mocha grep), GRADLENS_TEST_TIMEOUT_MS (default 600000),
// GRADLENS_KEEP_SCRATCH=1 (keep the temp folder with the server log).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { ROOT, ensureInstalled, launchChromium, makeWorkspace, scratch, startServer, workbenchUrl } from './server.mjs';

const MARK = '[gradlens-test] ';
const TIMEOUT_MS = Number(process.env.GRADLENS_TEST_TIMEOUT_MS ?? 600_000);
const testsIndex = path.join(ROOT, 'out', 'test', 'extension', 'index.js');
for (const required of [testsIndex, path.join(ROOT, 'dist', 'extension.js'), path.join(ROOT, 'dist', 'worker.js')]) {
  if (!fs.existsSync(required)) {
    console.error(`missing ${path.relative(ROOT, required)}: run \`tsc -p .\` and \`npm run build\` first`);
    process.exit(2);
  }
}

ensureInstalled();
const tmp = scratch('gradlens-exthost-');
const workspace = makeWorkspace(path.join(tmp, 'workspace'));
const workbenchLog = path.join(tmp, 'workbench.log');
let server;
let browser;
let exitCode = 1;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  server?.stop();
  if (process.env.GRADLENS_KEEP_SCRATCH !== '1') fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));

function showLogs() {
  const tail = (file, n) => { try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; } };
  console.error(`[harness] workbench log (tail):\n${tail(workbenchLog, 40)}`);
  console.error(`[harness] server log (tail):\n${server?.logTail() ?? ''}`);
}

const t0 = Date.now();
try {
  console.log('[harness] starting the VS Code server and the workbench');
  server = await startServer({ dataDir: path.join(tmp, 'server') });
  browser = await launchChromium();
  const page = await browser.newPage();
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The extension host forwards console calls: a format string and its arguments.
    // Lines the suites marked are the test report; the rest is the workbench's own logging, kept
    // in a file and shown only when something fails.
    const text = format(...(Array.isArray(args) ? args : [args]));
    for (const line of text.split('\n')) {
      if (line.startsWith(MARK)) process.stdout.write(`${line.slice(MARK.length)}\n`);
      else fs.appendFileSync(workbenchLog, `<${type}> ${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  // A dead page or browser would otherwise only show as the overall timeout.
  page.on('crash', () => { console.error('[harness] the workbench page crashed'); finish(1); });
  browser.on('disconnected', () => { console.error('[harness] the browser went away'); finish(1); });
  const env = { GRADLENS_TEST_MARK_OUTPUT: '1' };
  if (process.env.GRADLENS_TEST_GREP) env.GRADLENS_TEST_GREP = process.env.GRADLENS_TEST_GREP;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://remote${ROOT}`],
    ['extensionTestsPath', `vscode-remote://remote${testsIndex}`],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
  const outcome = await Promise.race([exited, timer]);
  if (outcome === 'timeout') {
    console.error(`\n[harness] the extension tests did not finish within ${TIMEOUT_MS} ms`);
    showLogs();
    exitCode = 1;
  } else {
    exitCode = outcome;
    console.log(`[harness] extension tests exited with ${exitCode} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (exitCode !== 0) showLogs();
  }
} catch (e) {
  console.error(`[harness] ${e instanceof Error ? e.stack : e}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
