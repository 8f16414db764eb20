// The catalog's closed forms against independent oracles (DESIGN's facts, the hand calculations
// in each statement, central finite differences of the primal functions), and the catalog's
// shape: ids, tests, hints, mistakes, promised edge cases.

import assert from 'node:assert/strict';
import { parser } from '@lezer/python';
import { CATALOG, exerciseById, nextExercise } from '../../../src/exercises/catalog';
import { quadraticGradW } from '../../../src/exercises/catalog/grad-of-quadratic';
import type { Expected } from '../../../src/exercises/expected';
import type { Args, Exercise, ExerciseTest } from '../../../src/exercises/types';
import { materialize, type Nested, type PyValue } from '../../../src/exercises/values';

function argsOf(test: ExerciseTest): Args {
  const args: Args = {};
  for (const [k, v] of Object.entries(test.args)) args[k] = materialize(v);
  return args;
}

function findTest(exercise: Exercise, id: string): ExerciseTest {
  const test = [...exercise.examples, ...exercise.hiddenTests].find((t) => t.id === id);
  assert.ok(test, `${exercise.id} has no test ${id}`);
  return test;
}

/** Structure equal, numbers within |a - b| <= tol·(1 + |b|). */
function assertClose(actual: Expected, want: Expected, tol: number, where: string): void {
  if ('array' in want) {
    assert.ok('array' in actual, `${where}: expected an array`);
    const a = [actual.array].flat(Infinity as 1) as number[];
    const b = [want.array].flat(Infinity as 1) as number[];
    assert.equal(JSON.stringify(shape(actual.array)), JSON.stringify(shape(want.array)), `${where}: shape`);
    b.forEach((bi, i) => assert.ok(Math.abs(a[i] - bi) <= tol * (1 + Math.abs(bi)), `${where}[${i}]: ${a[i]} vs ${bi}`));
  } else if ('tuple' in want) {
    assert.ok('tuple' in actual && actual.tuple.length === want.tuple.length, `${where}: expected a tuple`);
    want.tuple.forEach((w, i) => assertClose(actual.tuple[i], w, tol, `${where}[${i}]`));
  } else if ('dict' in want) {
    assert.ok('dict' in actual, `${where}: expected a dict`);
    assert.deepEqual(Object.keys(actual.dict).sort(), Object.keys(want.dict).sort(), `${where}: keys`);
    for (const k of Object.keys(want.dict)) assertClose(actual.dict[k], want.dict[k], tol, `${where}['${k}']`);
  } else {
    assert.fail(`${where}: unexpected list`);
  }
}

function shape(v: Nested): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length ? shape(v[0]) : [])] : [];
}

// ---- finite differences: the derivative of a primal function, numerically ----

const H = 1e-6;

/** d/dt f(t) by central differences. */
function fd(f: (t: number) => number, t: number): number {
  const h = H * Math.max(1, Math.abs(t));
  return (f(t + h) - f(t - h)) / (2 * h);
}

/** The gradient of f over a vector, one coordinate at a time. */
function fdGrad(f: (v: number[]) => number, v: number[]): number[] {
  return v.map((vi, j) => fd((t) => f(v.map((x, k) => (k === j ? t : x))), vi));
}

const n = (v: unknown) => v as number;
const v1 = (v: unknown) => v as number[];
const m2 = (v: unknown) => v as number[][];
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const total = (a: number[]) => a.reduce((s, x) => s + x, 0);

/** For each exercise: the expected result rebuilt from primal functions by finite differences. */
const BY_FINITE_DIFFERENCES: Record<string, (a: Args) => Expected> = {
  grad_of_quadratic: ({ w, b, x }) => ({
    array: fd((t) => total(v1(x).map((xi) => (t * xi + n(b)) ** 2)), n(w)),
  }),
  value_and_grad: ({ w, x, y }) => {
    const loss = (t: number) => total(v1(x).map((xi, i) => (t * xi - v1(y)[i]) ** 2)) / v1(x).length;
    return { tuple: [{ array: loss(n(w)) }, { array: fd(loss, n(w)) }] };
  },
  argnums_tuple: ({ w, b, X, y }) => {
    const loss = (wv: number[], bv: number) => 0.5 * total(m2(X).map((row, i) => (dot(row, wv) + bv - v1(y)[i]) ** 2));
    return { tuple: [{ array: fdGrad((wv) => loss(wv, n(b)), v1(w)) }, { array: fd((t) => loss(v1(w), t), n(b)) }] };
  },
  has_aux: ({ w, x, y }) => {
    const loss = (t: number) => total(v1(x).map((xi, i) => (Math.tanh(t * xi) - v1(y)[i]) ** 2)) / v1(x).length;
    return { tuple: [{ array: fd(loss, n(w)) }, { array: v1(x).map((xi) => Math.tanh(n(w) * xi)) }] };
  },
  jacobian: ({ theta, t }) => ({
    array: v1(t).map((ti) => fdGrad((th) => th[0] * Math.exp(-th[1] * ti), v1(theta))),
  }),
  hessian: ({ theta, x }) => {
    const f = (th: number[]) => total(v1(x).map((xi) => Math.exp(th[0] + th[1] * xi)));
    const grad = (th: number[]) => fdGrad(f, th);
    // Differentiate the (numerical) gradient once more with a wider step.
    const h = 1e-4;
    const th = v1(theta);
    return {
      array: th.map((_, j) => {
        const up = grad(th.map((x, k) => (k === j ? x + h : x)));
        const down = grad(th.map((x, k) => (k === j ? x - h : x)));
        return up.map((u, k) => (u - down[k]) / (2 * h));
      }),
    };
  },
  per_example_grads: ({ w, X, y }) => ({
    array: m2(X).map((row, i) => fdGrad((wv) => 0.5 * (dot(row, wv) - v1(y)[i]) ** 2, v1(w))),
  }),
  stop_gradient: ({ w, s, r, s_next, gamma }) => {
    const target = n(r) + n(gamma) * dot(v1(w), v1(s_next)); // frozen at the current w
    return { array: fdGrad((wv) => 0.5 * (target - dot(wv, v1(s))) ** 2, v1(w)) };
  },
  custom_jvp: ({ x }) => {
    // The textbook formula, safe in float64 for |x| <= 100.
    const softplus = (t: number) => Math.log(1 + Math.exp(t));
    return { tuple: [{ array: total(v1(x).map(softplus)) }, { array: v1(x).map((xi) => fd(softplus, xi)) }] };
  },
  sgd_step: ({ params, x, y, lr }) => {
    const p = params as { w: number[]; b: number };
    const loss = (wv: number[], bv: number) => total(m2(x).map((row, i) => (dot(row, wv) + bv - v1(y)[i]) ** 2)) / m2(x).length;
    const gw = fdGrad((wv) => loss(wv, p.b), p.w);
    const gb = fd((t) => loss(p.w, t), p.b);
    return { dict: { w: { array: p.w.map((wi, j) => wi - n(lr) * gw[j]) }, b: { array: p.b - n(lr) * gb } } };
  },
};

/** The hand calculations each statement shows (see the statements' text). */
const STATEMENT_EXAMPLES: Record<string, [testId: string, Expected]> = {
  grad_of_quadratic: ['two-points', { array: 6 }],
  value_and_grad: ['unit-residuals', { tuple: [{ array: 1 }, { array: 3 }] }],
  argnums_tuple: ['two-examples', { tuple: [{ array: [-5, -7] }, { array: -2 }] }],
  has_aux: ['from-zero', { tuple: [{ array: 1 }, { array: [0, 0] }] }],
  jacobian: ['flat-curve', { array: [[1, 0], [1, -2], [1, -4]] }],
  hessian: ['at-origin', { array: [[2, 3], [3, 5]] }],
  per_example_grads: ['three-examples', { array: [[1, 2], [0, -1], [0, 0]] }],
  stop_gradient: ['two-features', { array: [-1, 0] }],
  custom_jvp: ['at-zero', { tuple: [{ array: Math.LN2 }, { array: [0.5] }] }],
  sgd_step: ['two-examples', { dict: { w: { array: [1.4, -0.4] }, b: { array: 0.2 } } }],
};

describe('exercises: closed forms', () => {
  it("reproduce DESIGN's facts for grad_of_quadratic: 6.0 and 30.0", () => {
    assert.equal(quadraticGradW({ w: 0, b: 1, x: [1, 2] }), 6);
    assert.equal(quadraticGradW({ w: 1, b: 2, x: [3] }), 30);
    const ex = exerciseById('grad_of_quadratic') as Exercise;
    assert.deepEqual(ex.expected(argsOf(findTest(ex, 'two-points'))), { array: 6 });
    assert.deepEqual(ex.expected(argsOf(findTest(ex, 'one-point'))), { array: 30 });
  });

  for (const exercise of CATALOG) {
    it(`${exercise.id}: the statement's worked example`, () => {
      const entry = STATEMENT_EXAMPLES[exercise.id];
      assert.ok(entry, 'no hand-calculated example recorded for this exercise');
      const [testId, want] = entry;
      // float32 inputs (0.1, 0.2, ...) shift the last digits: compare at float32 precision.
      assertClose(exercise.expected(argsOf(findTest(exercise, testId))), want, 1e-6, `${exercise.id}/${testId}`);
    });

    it(`${exercise.id}: agrees with finite differences of the primal function on every test`, () => {
      const byFd = BY_FINITE_DIFFERENCES[exercise.id];
      assert.ok(byFd, 'no finite-difference oracle recorded for this exercise');
      for (const test of [...exercise.examples, ...exercise.hiddenTests]) {
        const args = argsOf(test);
        assertClose(exercise.expected(args), byFd(args), 2e-5, `${exercise.id}/${test.id}`);
      }
    });
  }
});

// ---- the catalog's shape ----

function arraysIn(value: PyValue): PyValue[] {
  if ('tuple' in value) return value.tuple.flatMap(arraysIn);
  if ('list' in value) return value.list.flatMap(arraysIn);
  if ('dict' in value) return Object.values(value.dict).flatMap(arraysIn);
  return 'array' in value || 'linspace' in value || 'arange' in value ? [value] : [];
}

function numbersIn(value: PyValue): number[] {
  return [materialize(value)].flat(Infinity as 1).flatMap((v) => (typeof v === 'object' ? Object.values(v as object).flat(Infinity as 1) : [v])) as number[];
}

/** What each edge-case tag requires of a test's arguments. */
const EDGE_CASE_EVIDENCE: Record<string, (test: ExerciseTest) => boolean> = {
  zeros: (t) => Object.values(t.args).some((v) => numbersIn(v).length > 0 && numbersIn(v).every((x) => x === 0)),
  negative: (t) => Object.values(t.args).some((v) => numbersIn(v).some((x) => x < 0)),
  'length-1': (t) => Object.values(t.args).some((v) => arraysIn(v).some((a) => (materialize(a) as unknown[]).length === 1)),
  large: (t) => Object.values(t.args).some((v) => arraysIn(v).some((a) => numbersIn(a).length >= 1000)),
  'integer-valued': (t) => Object.values(t.args).some((v) => arraysIn(v).some((a) => ('array' in a && a.dtype === 'int32') || 'arange' in a)),
  'integer-input': (t) => Object.values(t.args).some((v) => 'int' in v),
  kink: (t) => Object.values(t.args).some((v) => numbersIn(v).includes(0)),
  extreme: (t) => Object.values(t.args).some((v) => numbersIn(v).some((x) => Math.abs(x) >= 50)),
};

function parsesCleanly(source: string): boolean {
  let ok = true;
  parser.parse(source).iterate({
    enter(node) {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

describe('exercises: the catalog', () => {
  it('has at least ten exercises with unique ids, the quadratic one first', () => {
    assert.ok(CATALOG.length >= 10);
    const ids = CATALOG.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids[0], 'grad_of_quadratic');
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9_]*$/);
  });

  it("covers the track of DESIGN §7 and the brief's training step", () => {
    const ids = new Set(CATALOG.map((e) => e.id));
    for (const id of ['value_and_grad', 'argnums_tuple', 'has_aux', 'jacobian', 'hessian', 'per_example_grads', 'stop_gradient', 'custom_jvp', 'sgd_step']) {
      assert.ok(ids.has(id), id);
    }
  });

  it('looks exercises up by id and walks the track in order', () => {
    assert.equal(exerciseById('hessian')?.id, 'hessian');
    assert.equal(exerciseById('nope'), undefined);
    assert.equal(nextExercise('grad_of_quadratic')?.id, CATALOG[1].id);
    assert.equal(nextExercise(CATALOG[CATALOG.length - 1].id), undefined);
  });

  for (const exercise of CATALOG) {
    describe(exercise.id, () => {
      const tests = [...exercise.examples, ...exercise.hiddenTests];

      it('has a title, summary, level and a statement naming the entry point, with balanced math', () => {
        assert.ok(exercise.title && exercise.summary);
        assert.ok([1, 2, 3].includes(exercise.level));
        assert.ok(exercise.statement.includes(`\`${exercise.entry.name}(`), 'statement names the function');
        const dollars = exercise.statement.replace(/\\\$/g, '').match(/\$/g) ?? [];
        assert.equal(dollars.length % 2, 0, 'unbalanced $ delimiters');
      });

      it('has starter code and a solution that parse and define the entry point', () => {
        const signature = `def ${exercise.entry.name}(${exercise.entry.params.join(', ')}):`;
        for (const [what, code] of [['starter', exercise.starterCode], ['solution', exercise.solution]]) {
          assert.ok(code.includes(signature), `${what} defines ${signature}`);
          assert.ok(parsesCleanly(code), `${what} parses`);
        }
        assert.doesNotMatch(exercise.solution, /\bpass\b/, 'the solution is complete');
      });

      it('has visible examples and hidden tests whose arguments are the entry parameters', () => {
        assert.ok(exercise.examples.length >= 1);
        assert.ok(exercise.hiddenTests.length >= 4);
        const ids = tests.map((t) => t.id);
        assert.equal(new Set(ids).size, ids.length, 'test ids are unique');
        for (const t of tests) {
          assert.deepEqual(Object.keys(t.args), exercise.entry.params, `${t.id}: arguments in parameter order`);
          assert.ok(t.description, `${t.id}: description`);
        }
      });

      it('keeps its edge-case promises, including zeros, negatives, length-1 and 1000 elements', () => {
        for (const tag of ['zeros', 'negative', 'length-1', 'large'] as const) {
          assert.ok(exercise.edgeCases.includes(tag), `promises ${tag}`);
        }
        for (const tag of exercise.edgeCases) {
          assert.ok(exercise.hiddenTests.some((t) => t.edgeCases?.includes(tag)), `a hidden test is tagged ${tag}`);
        }
        for (const t of tests) {
          for (const tag of t.edgeCases ?? []) {
            assert.ok(EDGE_CASE_EVIDENCE[tag](t), `${t.id}: its arguments show ${tag}`);
          }
        }
      });

      it('has an expected value for every test, finite and deterministic', () => {
        for (const t of tests) {
          const e1 = exercise.expected(argsOf(t));
          const e2 = exercise.expected(argsOf(t));
          assert.deepEqual(e1, e2);
          // JSON writes nan and ±inf as null.
          assert.ok(!JSON.stringify(e1).includes('null'), `${t.id}: a non-finite expected value`);
        }
      });

      it('has hints and classic mistakes with feedback', () => {
        assert.ok(exercise.hints.length >= 3);
        for (const h of exercise.hints) assert.ok(h.trim().length > 20);
        assert.equal(new Set(exercise.hints).size, exercise.hints.length);
        assert.ok(exercise.mistakes.length >= 3);
        const ids = exercise.mistakes.map((m) => m.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const m of exercise.mistakes) {
          assert.ok(m.description && m.feedback.length > 30 && m.detect.length > 0, m.id);
        }
        assert.ok(exercise.mistakes.some((m) => m.failsRun), 'requires the API the exercise teaches');
        // The runner adds these to every exercise.
        assert.ok(!ids.includes('missing-function') && !ids.includes('signature-differs'), 'reserved mistake ids');
      });
    });
  }

  it('teaches the four classic pitfalls in the quadratic exercise (hints and feedback)', () => {
    const ex = exerciseById('grad_of_quadratic') as Exercise;
    const hints = ex.hints.join('\n');
    assert.match(hints, /jnp\.sum/);
    assert.match(hints, /argnums=0/);
    assert.match(hints, /float\(w\)/);
    assert.match(hints, /not `jax\.grad\(loss\(w, b, x\)\)`/);
    const ids = ex.mistakes.map((m) => m.id);
    for (const id of ['non-scalar-output', 'wrong-argument', 'integer-input', 'call-instead-of-function', 'not-using-api']) {
      assert.ok(ids.includes(id), id);
    }
  });
});
