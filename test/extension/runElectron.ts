// `npm run test:electron`: the same suites in a desktop VS Code downloaded by @vscode/test-electron,
// for machines that can reach Microsoft's download servers (these build machines cannot; there
// `npm run test:extension` runs the suites in the VS Code server instead).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlens-electron-'));
  for (const from of [path.join(root, 'examples'), path.join(root, 'test', 'extension', 'fixtures')]) {
    if (!fs.existsSync(from)) continue;
    for (const f of fs.readdirSync(from).filter((f) => f.endsWith('.py'))) fs.copyFileSync(path.join(from, f), path.join(workspace, f));
  }
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
