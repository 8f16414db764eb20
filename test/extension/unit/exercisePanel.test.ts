// The exercise panel's parts that need no VS Code: the webview message guard, the progress store,
// the HTML it renders (escaping, KaTeX math, CSP), and the exercise worker protocol.

import * as assert from 'node:assert/strict';
import { CATALOG, exerciseById } from '../../../src/exercises/catalog';
import type { RunResult } from '../../../src/exercises/runner';
import { isWebviewToHost, restoredExerciseId } from '../../../src/extension/exercise/messages';
import { renderMarkdown } from '../../../src/extension/exercise/markdown';
import { PROGRESS_KEY, ProgressStore, type StateStore } from '../../../src/extension/exercise/progress';
import { escapeHtml, panelBody, panelDocument, type PanelModel } from '../../../src/extension/exercise/render';
import { isExerciseReply, isRunExerciseRequest, isRunResult } from '../../../src/protocol/exercise';

class MemoryState implements StateStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // globalState hands back a copy of JSON data; so does this.
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }
  update(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const quadratic = exerciseById('grad_of_quadratic')!;

function model(over: Partial<PanelModel> = {}): PanelModel {
  return {
    exercise: quadratic,
    progress: { status: 'new', hintsShown: 0, solutionUnlocked: false },
    position: 1,
    trackLength: CATALOG.length,
    next: { id: 'value_and_grad', title: 'next one' },
    running: false,
    solutionShown: false,
    ...over,
  };
}

const HOSTILE = '<img src=x onerror="alert(1)">';

function hostileRun(): RunResult {
  return {
    exerciseId: quadratic.id,
    passed: false,
    outcomes: [
      { id: 'a', description: 'd', visible: true, call: `f(${HOSTILE})`, status: 'failed', expected: '6.0', got: HOSTILE, reason: HOSTILE },
      { id: 'b', description: HOSTILE, visible: false, call: 'f()', status: 'error', expected: '1.0', reason: `ValueError: ${HOSTILE}` },
    ],
    mistakes: [{ id: 'wrong-argument', feedback: `Differentiate \`w\`, not ${HOSTILE}` }],
    fileErrors: [{ severity: 'error', code: 'runtime', message: HOSTILE, errorType: 'NameError', range: { start: { line: 3, column: 0, offset: 0 }, end: { line: 3, column: 1, offset: 1 } } }],
  };
}

describe('exercise panel: webview messages', () => {
  it('accepts exactly the button messages', () => {
    for (const type of ['ready', 'runTests', 'showHint', 'showSolution', 'openStarter', 'nextExercise']) {
      assert.equal(isWebviewToHost({ type }), true, type);
    }
  });

  it('rejects anything else', () => {
    const forged: unknown[] = [null, undefined, 'runTests', 1, [], {}, { type: 'eval' }, { type: 1 }, { type: 'runTests', source: 'x' }, [{ type: 'runTests' }], { type: 'toString' }];
    for (const m of forged) assert.equal(isWebviewToHost(m), false, JSON.stringify(m));
  });

  it('reads the exercise id back from the webview state only when it is a string', () => {
    assert.equal(restoredExerciseId({ exerciseId: 'hessian' }), 'hessian');
    assert.equal(restoredExerciseId({ exerciseId: 3 }), undefined);
    assert.equal(restoredExerciseId(undefined), undefined);
  });
});

describe('exercise panel: progress', () => {
  it('starts new; a failed run attempts and unlocks; a pass solves and stays solved', async () => {
    const store = new ProgressStore(new MemoryState());
    assert.deepEqual(store.get('x'), { status: 'new', hintsShown: 0, solutionUnlocked: false });
    assert.deepEqual(await store.recordRun('x', false), { status: 'attempted', hintsShown: 0, solutionUnlocked: true });
    assert.equal((await store.recordRun('x', true)).status, 'solved');
    assert.equal((await store.recordRun('x', false)).status, 'solved');
  });

  it('reveals hints one at a time up to their number, and a new store over the same state sees them', async () => {
    const state = new MemoryState();
    const store = new ProgressStore(state);
    for (let i = 0; i < 4; i++) await store.revealHint('x', 2);
    assert.equal(new ProgressStore(state).get('x').hintsShown, 2);
  });

  it('ignores malformed stored entries', () => {
    const state = new MemoryState();
    state.data.set(PROGRESS_KEY, { a: { status: 'won', hintsShown: 1, solutionUnlocked: true }, b: { status: 'solved', hintsShown: -1, solutionUnlocked: true }, c: 'x' });
    const store = new ProgressStore(state);
    for (const id of ['a', 'b', 'c']) assert.equal(store.get(id).status, 'new', id);
  });
});

describe('exercise panel: rendering', () => {
  it('escapes HTML special characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders $...$ and $$...$$ with KaTeX as MathML, and leaves money and code alone', () => {
    const html = renderMarkdown('Inline $x^2$, display $$\\sum_i x_i$$, costs $5 and $6, code `$a$`.');
    assert.equal(html.match(/<math/g)?.length, 2);
    assert.match(html, /<math[^>]*display="block"/);
    assert.ok(html.includes('costs $5 and $6'));
    assert.ok(html.includes('<code>$a$</code>'));
  });

  it('does not pass raw HTML through markdown', () => {
    const html = renderMarkdown(`text ${HOSTILE}`);
    assert.ok(!html.includes('<img'), html);
  });

  it('shows the statement with math, the examples, and keeps the solution locked before an attempt', () => {
    const html = panelBody(model());
    assert.match(html, /<math/);
    assert.ok(html.includes(escapeHtml('grad_of_quadratic(w=0.0, b=1.0, x=jnp.array([1.0, 2.0]))')));
    assert.ok(html.includes('<code>6.0</code>'), 'DESIGN §1: 6.0 at w = 0, b = 1, x = [1, 2]');
    assert.ok(!html.includes('data-action="showSolution"'));
    assert.ok(!html.includes('data-action="nextExercise"'));
  });

  it('shows the statement\'s code spans as code (the catalog writes their backticks as \\`)', () => {
    assert.ok(panelBody(model()).includes('<code>jax.grad</code>'));
  });

  it('escapes the learner\'s values, calls, exception texts and file errors', () => {
    const html = panelBody(model({ lastRun: { status: 'ok', result: hostileRun(), elapsedMs: 1 } }));
    assert.ok(!html.includes('<img'), 'no raw markup from a run');
    assert.ok(html.includes(escapeHtml(HOSTILE)));
    assert.ok(html.includes('data-mistake="wrong-argument"'));
    assert.ok(html.includes('0/2 tests passed'));
  });

  it('shows hints one at a time, the solution when unlocked and asked for, Next when solved', () => {
    const html = panelBody(model({ progress: { status: 'solved', hintsShown: 1, solutionUnlocked: true }, solutionShown: true }));
    assert.equal(/<ol class="hints">(.*?)<\/ol>/s.exec(html)?.[1].match(/<li>/g)?.length, 1);
    assert.ok(html.includes(`Show hint 2 of ${quadratic.hints.length}`));
    assert.ok(html.includes(escapeHtml(quadratic.solution)));
    assert.ok(html.includes('data-action="nextExercise"'));
  });

  it('builds a document with a nonce CSP and no inline script or style', () => {
    const doc = panelDocument({ body: '<p>x</p>', nonce: 'abc123', cspSource: 'https://res', styles: ['https://res/a.css'], script: 'https://res/p.js' });
    const csp = /content="([^"]+)"/.exec(doc)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.match(csp, /style-src https:\/\/res(;|$)/);
    assert.ok(!csp.includes('unsafe'));
    assert.equal(doc.match(/<script/g)?.length, 1);
    assert.ok(doc.includes('<script nonce="abc123" src="https://res/p.js">'));
    assert.ok(!doc.includes('<style'));
  });

  it('renders every exercise of the track without throwing', () => {
    for (const exercise of CATALOG) assert.match(panelBody(model({ exercise })), /<h1>/);
  });
});

describe('exercise panel: worker protocol', () => {
  it('validates requests and replies', () => {
    assert.equal(isRunExerciseRequest({ kind: 'runExercise', id: 1, exerciseId: 'a', source: '' }), true);
    assert.equal(isRunExerciseRequest({ kind: 'runExercise', id: 1.5, exerciseId: 'a', source: '' }), false);
    assert.equal(isRunResult(hostileRun()), true);
    assert.equal(isRunResult({ ...hostileRun(), outcomes: [{ status: 'won' }] }), false);
    assert.equal(isExerciseReply({ kind: 'exerciseResult', id: 2, result: hostileRun(), elapsedMs: 3 }), true);
    assert.equal(isExerciseReply({ kind: 'exerciseFailed', id: 2, message: 'x' }), true);
    assert.equal(isExerciseReply({ kind: 'exerciseResult', id: 2, result: {}, elapsedMs: 3 }), false);
  });
});
