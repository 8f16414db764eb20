// The exercise panel in the real extension host: the quadratic exercise (DESIGN §1, §7) opened,
// solved wrongly then correctly through the panel's message path (the same messages the
// webview's buttons post), progress kept across a simulated reload, forged messages ignored.
// Oracles: the catalog's own data (starter code, hint texts, feedback texts, test count) and
// DESIGN §1's worked fact d/dw Σ(w·xᵢ + b)² = 6 at w = 0, b = 1, x = [1, 2].

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exerciseById } from '../../../src/exercises/catalog';
import { closeAll, gradLens, waitFor } from './helpers';

const ID = 'grad_of_quadratic';
const exercise = exerciseById(ID)!;

const CORRECT = `import jax
import jax.numpy as jnp


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    return jax.grad(loss)(float(w), b, x)
`;

// The classic mistake: b first in the loss, so jax.grad differentiates with respect to b.
const WRONG_ARGUMENT = `import jax
import jax.numpy as jnp


def loss(b, w, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    return jax.grad(loss)(float(b), float(w), x)
`;

async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  assert.ok(await editor.edit((e) => e.replace(all, text)), 'the edit was applied');
}

function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('exercise panel', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    await closeAll();
  });

  it('opens the quadratic exercise: the panel, and the starter file in a real editor in the workspace', async () => {
    const api = (await gradLens()).exercises;
    editor = await api.open(ID);
    const panel = api.panel();
    assert.ok(panel, 'a panel is open');
    assert.equal(panel.exerciseId, ID);
    assert.equal(editor.document.uri.toString(), panel.fileUri.toString());
    assert.equal(editor.document.languageId, 'python');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.ok(panel.fileUri.path.startsWith(folder.path + '/'), `${panel.fileUri.path} is inside the workspace`);
    assert.equal(editor.document.getText(), exercise.starterCode);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('gradlens.exercise')), 'a webview tab');
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === panel.fileUri.toString()), 'an editor tab');
    // The statement is rendered (KaTeX MathML), the visible examples are listed.
    assert.match(panel.html, /<math/);
    assert.ok(plain(panel.html).includes('grad_of_quadratic(w=0.0, b=1.0, x=jnp.array([1.0, 2.0]))'), 'first example');
    assert.equal(api.progress(ID).status, 'new');
    assert.ok(plain(panel.html).includes('unlocks after you run the tests'), 'solution locked before an attempt');
  });

  it('refuses to show the solution before an attempt, even to a forged message', async () => {
    const api = (await gradLens()).exercises;
    await api.post({ type: 'showSolution' });
    assert.ok(!plain(api.panel()!.html).includes('jax.grad(loss)(float(w), b, x)'), 'the solution stays hidden');
  });

  it('a solution that differentiates b fails with the wrong-argument feedback', async () => {
    const api = (await gradLens()).exercises;
    await setText(editor, WRONG_ARGUMENT);
    await api.post({ type: 'runTests' });
    const run = api.lastRun();
    assert.ok(run && run.status === 'ok', JSON.stringify(run));
    assert.equal(run.result.passed, false);
    assert.deepEqual(run.result.mistakes.map((m) => m.id), ['wrong-argument']);
    const html = api.panel()!.html;
    assert.ok(html.includes('data-mistake="wrong-argument"'));
    assert.ok(plain(html).includes('Your result is the derivative with respect to b, not w'), 'the feedback text is shown');
    assert.match(plain(html), /expected\s*6\.0/, 'expected vs got for the worked example');
    assert.equal(api.progress(ID).status, 'attempted');
    assert.equal(api.progress(ID).solutionUnlocked, true);
  });

  it('a correct solution passes every test; the solution and Next exercise appear', async () => {
    const api = (await gradLens()).exercises;
    await setText(editor, CORRECT);
    await api.post({ type: 'runTests' });
    const run = api.lastRun();
    assert.ok(run && run.status === 'ok', JSON.stringify(run));
    const total = exercise.examples.length + exercise.hiddenTests.length;
    assert.equal(run.result.outcomes.length, total);
    assert.deepEqual(run.result.outcomes.filter((o) => o.status !== 'passed'), []);
    assert.equal(run.result.passed, true);
    // DESIGN §1: 6.0 at (0, 1, [1, 2]).
    assert.match(run.result.outcomes[0].got ?? '', /^Array\(6\., dtype=float32/);
    const html = api.panel()!.html;
    assert.ok(plain(html).includes(`${total}/${total} tests passed`));
    assert.ok(html.includes('data-action="nextExercise"'));
    assert.equal(api.progress(ID).status, 'solved');
    await api.post({ type: 'showHint' });
    assert.equal(api.progress(ID).hintsShown, 1);
    await api.post({ type: 'showSolution' });
    assert.ok(plain(api.panel()!.html).includes('jax.grad(loss)(float(w), b, x)'), 'the reference solution is shown');
  });

  it('ignores messages of unexpected shape without error', async () => {
    const api = (await gradLens()).exercises;
    const before = { html: api.panel()!.html, run: api.lastRun(), progress: api.progress(ID) };
    for (const forged of [null, 'runTests', 42, [], {}, { type: 'deleteFiles' }, { type: 'runTests', source: 'x' }, { type: 7 }]) {
      await api.post(forged);
    }
    assert.equal(api.panel()!.html, before.html);
    assert.equal(api.lastRun(), before.run);
    assert.deepEqual(api.progress(ID), before.progress);
  });

  it('restores the panel and the progress after a reload', async () => {
    const api = (await gradLens()).exercises;
    await api.simulateReload();
    const panel = await waitFor('the restored panel', () => api.panel());
    assert.equal(panel.exerciseId, ID);
    assert.equal(api.lastRun(), undefined, 'a fresh panel');
    const text = plain(panel.html);
    assert.ok(text.includes('solved'), 'status solved');
    const hints = /<ol class="hints">(.*?)<\/ol>/s.exec(panel.html)?.[1] ?? '';
    assert.equal(hints.match(/<li>/g)?.length, 1, 'one hint still shown');
    assert.ok(panel.html.includes('data-action="showSolution"'), 'solution still unlocked');
    assert.ok(panel.html.includes('data-action="nextExercise"'), 'next exercise offered');
  });

  it('Next exercise opens the second exercise of the track with its own file', async () => {
    const api = (await gradLens()).exercises;
    await api.post({ type: 'nextExercise' });
    const panel = api.panel()!;
    assert.equal(panel.exerciseId, 'value_and_grad');
    await waitFor('the new file in the active editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === panel.fileUri.toString());
  });

  it('Open Exercise with an id opens that exercise', async () => {
    await vscode.commands.executeCommand('gradlens.openExercise', ID);
    const api = (await gradLens()).exercises;
    assert.equal(api.panel()!.exerciseId, ID);
    await closeAll();
  });
});
