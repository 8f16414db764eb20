// The VS Code server (from the code-server npm package) and headless Chromium, as the recipe in
// shared/REAL-VSCODE-TESTING.md describes. Shared by the extension-host suites and the e2e check.
//
// Every process this starts is stopped by `stop()`: the server runs in its own process group
// (setsid), so `kill -- -<pid>` also ends its extension host and file watcher.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HARNESS = path.join(ROOT, '.test-harness');
const NODE24 = path.join(HARNESS, 'bin', 'node');
const SERVER_MAIN = path.join(HARNESS, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Runs scripts/harness/setup.sh (idempotent: a no-op when everything is installed). */
export function ensureInstalled() {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'harness', 'setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`harness setup failed (exit ${r.status})`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A scratch folder under the system temp dir, removed by `cleanup()`. */
export function scratch(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Built-in extensions that activate at startup and have nothing to do with the tests (chat, git,
 * merge conflicts...). On a 2-core machine they slow the extension host down by seconds.
 */
const QUIET = [
  'GitHub.copilot-chat', 'vscode.git', 'vscode.git-base', 'vscode.github', 'vscode.merge-conflict',
  'vscode.debug-auto-launch', 'vscode.emmet', 'vscode.npm', 'vscode.typescript-language-features',
  'ms-vscode.js-debug', 'ms-vscode.js-debug-companion', 'vscode.tunnel-forwarding',
].flatMap((id) => ['--disable-extension', id]);

function serverArgs(dataDir) {
  return ['--server-data-dir', dataDir, '--user-data-dir', path.join(dataDir, 'user'), '--extensions-dir', path.join(dataDir, 'ext')];
}

/** Installs a .vsix into the server's extensions folder under `dataDir` (server CLI mode). */
export function installVsix(dataDir, vsix) {
  const r = spawnSync(NODE24, [SERVER_MAIN, ...serverArgs(dataDir), '--accept-server-license-terms', '--install-extension', vsix, '--force'], {
    encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/** Starts the server; resolves once it answers HTTP. `settings` go into the user settings.json. */
export async function startServer({ dataDir, settings = {}, readyTimeoutMs = 90_000 }) {
  const port = await freePort();
  fs.mkdirSync(path.join(dataDir, 'user', 'User'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'user', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'git.enabled': false,
    ...settings,
  }, null, 2));
  const logFile = path.join(dataDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(NODE24, [
    SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry',
    '--disable-workspace-trust', ...QUIET, ...serverArgs(dataDir),
  ], { detached: true, stdio: ['ignore', out, out], env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}` } });
  fs.closeSync(out);
  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    logFile,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        try { process.kill(-child.pid, 0); } catch { return; }
        spawnSync('sleep', ['0.1']);
      }
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
    logTail(lines = 40) {
      try { return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
    },
  };
  const started = Date.now();
  while (Date.now() - started < readyTimeoutMs) {
    if (child.exitCode !== null) throw new Error(`the VS Code server exited with ${child.exitCode}:\n${server.logTail()}`);
    try {
      const res = await fetch(`${server.url}/`);
      if (res.status < 500) return server;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.stop();
  throw new Error(`the VS Code server did not answer within ${readyTimeoutMs} ms:\n${server.logTail()}`);
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The workbench URL opening `folder`, with an optional test payload. */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Copies the example files and the test fixtures into a fresh workspace folder. */
export function makeWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const from of [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'extension', 'fixtures')]) {
    if (!fs.existsSync(from)) continue;
    for (const f of fs.readdirSync(from)) {
      if (f.endsWith('.py')) fs.copyFileSync(path.join(from, f), path.join(dir, f));
    }
  }
  return dir;
}
