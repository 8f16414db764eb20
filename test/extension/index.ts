// Entry point of the extension-host suites, in the form @vscode/test-electron and the VS Code
// server's `extensionTestsPath` both expect: a module exporting `run()`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Marks the suites' report lines so the harness can tell them from the workbench's own logging,
 * which arrives through the same channel. (The extension host owns `console`, so the mark goes
 * into mocha's reporter output and the suites' `report()` helper instead.)
 */
export const OUTPUT_MARK = '[gradlens-test] ';

const marking = process.env.GRADLENS_TEST_MARK_OUTPUT === '1';

/** Prints a line of the test report (figures, notes). */
export function report(...args: unknown[]): void {
  const text = format(...args);
  console.log(marking ? text.split('\n').map((l) => OUTPUT_MARK + l).join('\n') : text);
}

export function run(): Promise<void> {
  if (marking) (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  if (process.env.GRADLENS_TEST_GREP) mocha.grep(process.env.GRADLENS_TEST_GREP);
  const dir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
