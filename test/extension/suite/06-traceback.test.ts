// An error raised inside a function: the diagnostic sits where Python raised it, with Python's
// own text, and its related information walks the traceback back to the call site.

import * as assert from 'node:assert/strict';
import { closeAll, diagnosticsOf, gradLens, open } from './helpers';

describe('traceback', () => {
  afterEach(closeAll);

  it('points at the raising line and relates the call site', async () => {
    const { doc } = await open('error_in_function.py');
    const api = await gradLens();
    await api.nextResult(doc.uri, doc.version);
    const d = diagnosticsOf(doc.uri);
    assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
    assert.equal(d[0].message, "NameError: name 'undefined_name' is not defined"); // CPython's text
    assert.equal(d[0].range.start.line, 1, 'inside scaled, where the name is read');
    const related = d[0].relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.range.start.line === 4 && r.location.uri.toString() === doc.uri.toString()),
      `the call on line 5 is related: ${JSON.stringify(related.map((r) => [r.message, r.location.range.start.line]))}`);
  });
});
