// Nothing a run defines survives into the next run on the same engine (issue #7's state-leak
// property, here for the one registry the interpreter keeps by name).
import assert from 'node:assert/strict';
import { RunContext, withRunContext } from '../../../src/engine/context';
import { exceptionClass } from '../../../src/engine/interp/builtins/exceptions';
import { run } from './helpers';

describe('run isolation', () => {
  it("a user-defined exception class is not the answer for its name in a later run (it was: one module-level map)", () => {
    const first = run('class MyError(TypeError):\n    pass\nMyError\n');
    const mine = first.interp.globals.get('MyError');
    assert.ok(mine);
    const later = withRunContext(new RunContext(), () => exceptionClass('MyError'));
    assert.notEqual(later, mine);
    // An unknown name gets a fresh class deriving from Exception, as errors.ts's isSubclass assumes.
    assert.deepEqual(later.bases.map((b) => b.name), ['Exception']);
  });

  it('within its own run the class is found by name, and built-in classes stay shared', () => {
    const o = run('class MyError(ValueError):\n    pass\ntry:\n    raise MyError("x")\nexcept ValueError as e:\n    print(type(e).__name__)\n');
    assert.deepEqual(o.output, ['MyError']);
    assert.equal(
      withRunContext(new RunContext(), () => exceptionClass('ValueError')),
      withRunContext(new RunContext(), () => exceptionClass('ValueError')),
    );
  });
});
