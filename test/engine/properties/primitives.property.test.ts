// Property tests of every primitive's rules (issue #7): for generated operands in x64 mode,
// abstractEval agrees with impl, the JVP with central finite differences, the VJP with the JVP,
// and the batching rule with a loop over examples. Fixed seed; GRADLENS_PROPERTY_RUNS raises
// the number of cases per primitive.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { RULES } from '../../../src/engine/autodiff/primitives/table';
import type { PrimitiveName } from '../../../src/engine/autodiff/primitives/types';
import { checkAbstractEval, checkBatching, checkDerivatives, x64 } from './check';
import { PROPERTY_TABLE } from './table';

const RUNS = Number(process.env.GRADLENS_PROPERTY_RUNS ?? 12);
const SEED = 20261127;

const names = Object.keys(RULES) as PrimitiveName[];

describe('primitive properties (x64, generated operands)', () => {
  it('every primitive in RULES has a property entry', () => {
    const missing = names.filter((p) => !(p in PROPERTY_TABLE));
    assert.deepEqual(missing, [], `primitives without a property entry: ${missing.join(', ')}`);
  });

  for (const prim of names) {
    const entry = PROPERTY_TABLE[prim];
    if (!entry) continue;
    describe(prim, () => {
      const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };
      it('abstractEval agrees with impl', () => {
        fc.assert(fc.property(entry.gen, (c) => x64(() => checkAbstractEval(prim, c))), params);
      });
      const d = entry.derivative;
      const TITLES = {
        zero: 'JVP and VJP are zero',
        smooth: 'JVP = finite differences and <v, Ju> = <Jᵀv, u>',
        forward: 'JVP = finite differences (reverse mode is refused by design)',
        reverse: '<v, finite differences> = <Jᵀv, u> (forward mode is refused by design)',
      };
      const title = typeof d === 'object' ? `derivatives (not checked: ${d.skip})` : TITLES[d];
      (typeof d === 'object' ? it.skip : it)(title, () => {
        fc.assert(fc.property(entry.gen, (c) => x64(() => checkDerivatives(prim, c, d, entry.tol))), params);
      });
      it('batching agrees with a loop over examples', () => {
        const batchable = entry.batchable ?? (() => true);
        fc.assert(fc.property(entry.gen, fc.nat(255), (c, mask) => x64(() => checkBatching(prim, c, batchable, mask))), params);
      });
    });
  }
});
