// Activation and lifecycle: activates on Python files, never on `*`; the manifest declares
// support for untrusted and virtual workspaces; activation is quick and does no engine work.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { report } from '../index';
import { EXTENSION_ID, closeAll, gradLens, open } from './helpers';

describe('activation', () => {
  after(closeAll);

  it('declares Python, its own commands and its exercise panel as its only activation triggers', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    // Commands and views activate implicitly; the panel event lets the serializer restore an
    // open exercise after a reload. Never '*'.
    assert.deepEqual(pkg.activationEvents, ['onLanguage:python', 'onWebviewPanel:gradlens.exercise']);
    const commands = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.deepEqual(commands.sort(), ['gradlens.checkFile', 'gradlens.computeGradient', 'gradlens.openExercise', 'gradlens.showLog']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /never runs Python, native code/);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
  });

  it('activates when a Python file opens, quickly, with the status bar item showing', async () => {
    await open('worked_example.py');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = await gradLens();
    assert.equal(ext.isActive, true);
    assert.ok(api.activationMs < 500, `activation took ${api.activationMs} ms`);
    report(`      [figure] activation: ${api.activationMs.toFixed(1)} ms`);
    assert.match(api.statusText(), /Grad Lens/);
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['gradlens.checkFile', 'gradlens.computeGradient', 'gradlens.openExercise', 'gradlens.showLog']) assert.ok(all.includes(c), c);
  });
});
