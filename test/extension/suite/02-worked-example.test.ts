// The worked example (examples/worked_example.py), checked in the real extension host. Expected
// values are DESIGN §1's facts about f(w, x) = sum(w * x) at w = 2.0, x = [1.0, 3.0]:
// f = 8.0, ∂f/∂w = 4.0, ∂f/∂x = [2., 2.], argnums=(0, 1) gives the pair.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { report } from '../index';
import type { ArrayLeaf, Tree } from '../../../src/engine/report';
import type { ComputeResult } from '../../../src/extension/commands';
import { closeAll, diagnosticsOf, codeOf, gradLens, median, open, replaceOnLine, setting, waitFor, workspaceFile } from './helpers';

const FILE = 'worked_example.py';

function leaf(t: Tree | undefined): ArrayLeaf {
  assert.ok(t && 'dtype' in t && t.dtype !== 'float0', `not an array leaf: ${JSON.stringify(t)}`);
  return t as ArrayLeaf;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('worked example', () => {
  afterEach(closeAll);

  it('shows a Compute gradient lens above the annotated function', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'gradlens.computeGradient');
    assert.equal(ours.length, 1, JSON.stringify(ours.map((l) => l.command?.title)));
    assert.equal(ours[0].range.start.line, 8, 'above `# @grad ...` on line 9');
    assert.equal(ours[0].command!.title, '$(play) Compute gradient');
    assert.deepEqual(ours[0].command!.arguments, [doc.uri.toString(), 'f']);
  });

  it('computes ∇w = 4.0 for the annotation, with the finite-difference check', async () => {
    const { doc } = await open(FILE);
    const r = await vscode.commands.executeCommand<ComputeResult>('gradlens.computeGradient', doc.uri.toString(), 'f');
    assert.ok(r?.annotation, JSON.stringify(r));
    const g = leaf(r.annotation.result);
    assert.equal(g.value, 4);
    assert.equal(g.dtype, 'float32');
    assert.deepEqual(g.shape, []);
    assert.equal(r.label, '∇w = 4.0  ✓');
    const api = await gradLens();
    assert.equal(api.labels(doc.uri).find((l) => l.line === 9)?.text, '∇w = 4.0  ✓', 'drawn after `def f(w, x):`');
    assert.match(api.statusText(), /1 gradient, 0 problems/);
  });

  it('shows the value of each top-level expression with its expectation', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    const result = await api.nextResult(doc.uri, doc.version);
    const labels = api.labels(doc.uri);
    const at = (line1: number) => labels.find((l) => l.line === line1 - 1)?.text;
    assert.equal(at(16), '→ 8.0  ✓');
    assert.equal(at(17), '→ 4.0  ✓');
    assert.equal(at(18), '→ [2. 2.]  ✓');
    assert.equal(at(19), '→ (4.0, [2. 2.])  ✓');
    assert.equal(at(20), '→ (8.0, 4.0)  ✓');
    const pair = result.report.values.find((v) => v.line === 19)!.result;
    assert.ok('tuple' in pair);
    assert.equal(leaf(pair.tuple[0]).value, 4);
    assert.deepEqual(leaf(pair.tuple[1]).value, [2, 2]);
    assert.deepEqual(leaf(pair.tuple[1]).shape, [2]);
    assert.deepEqual(diagnosticsOf(doc.uri).map((d) => d.message), []);
    assert.match(api.statusText(), /0 problems/);
  });

  it('hovers with the full repr, dtype, shape and weak type', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(17, 3));
    const text = hoverText(hovers);
    for (const part of ['Array([2., 2.], dtype=float32)', 'dtype `float32`', 'shape `(2,)`', 'weak type `False`']) {
      assert.ok(text.includes(part), `hover lacks ${part}:\n${text}`);
    }
  });

  it('updates the values after an edit (and measures how fast)', async () => {
    const { doc, editor } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    await replaceOnLine(editor, 15, 'f(2.0, x)', 'f(3.0, x)');
    const r = await api.nextResult(doc.uri, doc.version);
    assert.equal(r.report.values.find((v) => v.line === 16)?.text, '12.0'); // 3·1 + 3·3
    assert.equal(api.labels(doc.uri).find((l) => l.line === 15)?.text, '→ 12.0  ✗ expected 8.0');
    assert.ok(diagnosticsOf(doc.uri).some((d) => codeOf(d) === 'expected-value-mismatch'));

    let w = 3;
    for (const debounce of [300, 0]) {
      const restore = await setting('debounceMs', debounce);
      const times: number[] = [];
      try {
        for (let i = 0; i < 7; i++, w++) {
          const started = performance.now();
          await replaceOnLine(editor, 15, `f(${w}.0, x)`, `f(${w + 1}.0, x)`);
          const updated = await api.nextResult(doc.uri, doc.version);
          times.push(performance.now() - started);
          assert.equal(updated.report.values.find((v) => v.line === 16)?.text, `${4 * (w + 1)}.0`);
        }
      } finally {
        await restore();
      }
      report(`      [figure] edit → updated values, debounce ${debounce} ms: median ${median(times).toFixed(1)} ms over ${times.length} edits`);
    }
  });

  it('keeps the last good values, marked stale, while the file does not parse', async () => {
    const { doc, editor } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\ndef broken(:\n'));
    const r = await api.nextResult(doc.uri, doc.version);
    assert.equal(r.stale, true);
    assert.ok(diagnosticsOf(doc.uri).some((d) => codeOf(d) === 'syntax-error'), 'the syntax error is reported');
    const labels = api.labels(doc.uri);
    assert.ok(labels.length >= 5 && labels.every((l) => l.stale), JSON.stringify(labels));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.equal(lenses.filter((l) => l.command?.command === 'gradlens.computeGradient').length, 1, 'the lens stays');
  });

  it('applies settings without reload: decorations off, then x64 on', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const restoreDecorations = await setting('decorations', false);
    try {
      assert.deepEqual(api.labels(doc.uri), []);
    } finally {
      await restoreDecorations();
    }
    assert.ok(api.labels(doc.uri).length > 0);
    const before = api.result(doc.uri)!;
    const restoreX64 = await setting('x64', true);
    try {
      const r = await waitFor('a result computed with x64', () => {
        const now = api.result(doc.uri);
        return now && now !== before ? now : undefined;
      });
      assert.equal(leaf(r.report.values.find((v) => v.line === 18)?.result).dtype, 'float64');
    } finally {
      await restoreX64();
    }
  });

  it('checks on demand only when live mode is off', async () => {
    const restore = await setting('live', false);
    try {
      const { doc, editor } = await open(FILE);
      const api = await gradLens();
      const uri = workspaceFile(FILE);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.deepEqual(lenses.filter((l) => l.command?.command === 'gradlens.computeGradient').map((l) => l.range.start.line), [8],
        'the lens is there to run on demand');
      await replaceOnLine(editor, 15, 'f(2.0, x)', 'f(5.0, x)');
      await new Promise((r) => setTimeout(r, 800));
      assert.notEqual(api.result(uri)?.version, doc.version, 'no check while live mode is off');
      const r = await vscode.commands.executeCommand<{ version: number; report: { values: Array<{ line: number; text: string }> } }>('gradlens.checkFile');
      assert.equal(r.version, doc.version);
      assert.equal(r.report.values.find((v) => v.line === 16)?.text, '20.0');
    } finally {
      await restore();
    }
  });
});
