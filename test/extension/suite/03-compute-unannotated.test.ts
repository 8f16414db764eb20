// "Compute gradient" on a function that has no annotation: the lens is there because the file
// passes it to jax.grad; the command writes `# @grad <args>` as one undoable edit and shows the
// result. Oracle: DESIGN §1, d/dw Σ(w·xᵢ + b)² at w=0, b=1, x=[1, 2] is 6.0.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ComputeResult } from '../../../src/extension/commands';
import { closeAll, gradLens, open } from './helpers';

const FILE = 'grad_of_quadratic.py';

describe('compute gradient on an unannotated function', () => {
  afterEach(closeAll);

  it('offers the lens on the function passed to jax.grad', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'gradlens.computeGradient');
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.command!.title, l.command!.arguments?.[1]]), [
      [7, '$(play) Compute gradient…', 'loss'],
    ]);
  });

  it('writes the annotation above the def as one undoable edit', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const original = doc.getText();
    await vscode.commands.executeCommand<ComputeResult>(
      'gradlens.computeGradient', doc.uri.toString(), 'loss', 'w=0.0, b=1.0, x=jnp.array([1.0, 2.0])');
    assert.equal(doc.lineAt(7).text, '# @grad w=0.0, b=1.0, x=jnp.array([1.0, 2.0])');
    assert.equal(doc.lineAt(8).text, 'def loss(w, b, x):');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original);
  });

  it('shows the gradient of the new annotation: ∇w = 6.0', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const r = await vscode.commands.executeCommand<ComputeResult>(
      'gradlens.computeGradient', doc.uri.toString(), 'loss', 'w=0.0, b=1.0, x=jnp.array([1.0, 2.0])');
    assert.ok(r?.annotation?.result, JSON.stringify(r));
    assert.equal(r.label, '∇w = 6.0  ✓');
  });
});
