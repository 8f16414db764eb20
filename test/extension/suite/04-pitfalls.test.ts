// The four classic mistakes of examples/pitfalls.py in the Problems panel, with JAX's exact texts
// (SEMANTICS §1.1, §1.2, §1.4, §1.5), and their quick fixes.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsOf, gradLens, open, waitFor } from './helpers';

const FILE = 'pitfalls.py';

// [1-based line, code, message] — x = jnp.array([1.0, 2.0]); loss(0.0, 1.0, x) = 1 + 1 = 2.0.
const PITFALLS: Array<[number, string, string]> = [
  [18, 'non-scalar-output', 'TypeError: Gradient only defined for scalar-output functions. Output had shape: (2,). To get the gradient, reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.'],
  [22, 'argnums-out-of-range', 'TypeError: differentiating with respect to argnums=3 requires at least 4 positional arguments to be passed by the caller, but got only 3 positional arguments.'],
  [25, 'integer-input', 'TypeError: grad requires real- or complex-valued inputs (input dtype that is a sub-dtype of np.inexact), but got int32. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.'],
  [28, 'call-instead-of-function', 'TypeError: Expected a callable value, got 2.0'],
];

describe('pitfalls', () => {
  afterEach(closeAll);

  it('reports each pitfall with its code, JAX text and a link to its explanation', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const diagnostics = diagnosticsOf(doc.uri);
    for (const [line, code, message] of PITFALLS) {
      const d = diagnostics.find((x) => codeOf(x) === code && x.range.start.line === line - 1);
      assert.ok(d, `no ${code} on line ${line}; got ${JSON.stringify(diagnostics.map((x) => [x.range.start.line + 1, codeOf(x), x.message]))}`);
      assert.equal(d.message, message);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith(`docs/diagnostics.md#${code}`), String(d.code));
    }
    assert.match(api.statusText(), /problems/);
  });

  it('offers quick fixes, one preferred, and applying it clears the diagnostic', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    for (const [line, code] of PITFALLS) {
      const d = diagnosticsOf(doc.uri).find((x) => codeOf(x) === code && x.range.start.line === line - 1);
      assert.ok(d, `no ${code} on line ${line}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      // (the command's results do not carry the diagnostics back; all actions at this range are its fixes)
      const fixes = actions.filter((a) => a.kind?.value === 'quickfix');
      assert.ok(fixes.length > 0, `no quick fix for ${code}: ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value, a.diagnostics?.map(codeOf)]))} (${api.result(doc.uri)?.version} vs ${doc.version})`);
      assert.equal(fixes.filter((a) => a.isPreferred).length, 1, `one preferred fix for ${code}: ${fixes.map((f) => f.title)}`);
    }
    // Apply the preferred fix of the non-scalar output: the diagnostic goes away after the re-check.
    const d = diagnosticsOf(doc.uri).find((x) => codeOf(x) === 'non-scalar-output')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const preferred = actions.find((a) => a.isPreferred && a.kind?.value === 'quickfix')!;
    assert.match(preferred.title, /jnp\.sum/, 'DESIGN §4: the preferred fix wraps the return in jnp.sum(...)');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    await api.nextResult(doc.uri, doc.version);
    assert.equal(diagnosticsOf(doc.uri).filter((x) => codeOf(x) === 'non-scalar-output').length, 0);
    assert.equal(diagnosticsOf(doc.uri).filter((x) => codeOf(x) === 'integer-input').length, 1, 'the others remain');
  });

  it('clears the diagnostics of a closed document', async () => {
    const { doc } = await open(FILE);
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    assert.ok(diagnosticsOf(doc.uri).length >= 4);
    await closeAll();
    await waitFor('diagnostics cleared after close', () => diagnosticsOf(doc.uri).length === 0, 15_000);
  });
});
