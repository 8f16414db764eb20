// The exercise runs in the bundled worker (dist/worker.js): the quadratic exercise's reference
// solution passes, its starter fails, an unknown id and an endless loop are answered, not thrown.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exerciseById } from '../../../src/exercises/catalog';
import { ExerciseClient } from '../../../src/extension/exercise/exerciseClient';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const workerPath = path.join(root, 'dist', 'worker.js');
const quadratic = exerciseById('grad_of_quadratic')!;

describe('exercise runs in the engine worker', function () {
  this.timeout(30_000);
  let client: ExerciseClient;
  afterEach(() => client?.dispose());
  before(() => assert.ok(fs.existsSync(workerPath), 'dist/worker.js is missing: run `npm run build` first'));

  it('passes the reference solution and fails the starter, in order', async () => {
    client = new ExerciseClient({ workerPath, timeoutMs: () => 20_000 });
    const [good, starter] = await Promise.all([client.run(quadratic.id, quadratic.solution), client.run(quadratic.id, quadratic.starterCode)]);
    assert.ok(good.status === 'ok' && starter.status === 'ok');
    assert.equal(good.result.passed, true);
    assert.equal(good.result.outcomes.length, quadratic.examples.length + quadratic.hiddenTests.length);
    assert.equal(starter.result.passed, false);
  });

  it('answers an unknown exercise with a failure', async () => {
    client = new ExerciseClient({ workerPath, timeoutMs: () => 20_000 });
    const r = await client.run('no_such_exercise', '');
    assert.deepEqual(r, { status: 'failed', message: "no exercise 'no_such_exercise'" });
  });

  it('stops an endless loop at the time limit and serves the next run with a fresh worker', async () => {
    client = new ExerciseClient({ workerPath, timeoutMs: () => 1_000 });
    const loop = `${quadratic.starterCode}\nwhile True:\n    pass\n`;
    const r = await client.run(quadratic.id, loop);
    // The engine's own step budget may stop the loop first (a Python-level error in the file);
    // either way the run is answered.
    assert.ok(r.status === 'timeout' || (r.status === 'ok' && !r.result.passed), JSON.stringify(r).slice(0, 300));
    const again = await client.run(quadratic.id, quadratic.solution);
    assert.ok(again.status === 'ok' && again.result.passed);
  });
});
