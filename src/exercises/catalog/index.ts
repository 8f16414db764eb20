// The exercise track, in teaching order (DESIGN §7): the quadratic exercise first.

import type { Exercise } from '../types';
import { argnumsTuple } from './argnums-tuple';
import { customJvp } from './custom-jvp';
import { gradOfQuadratic } from './grad-of-quadratic';
import { hasAux } from './has-aux';
import { hessian } from './hessian';
import { jacobian } from './jacobian';
import { perExampleGrads } from './per-example-grads';
import { sgdStep } from './sgd-step';
import { stopGradient } from './stop-gradient';
import { valueAndGrad } from './value-and-grad';

export const CATALOG: readonly Exercise[] = [
  gradOfQuadratic,
  valueAndGrad,
  argnumsTuple,
  hasAux,
  jacobian,
  hessian,
  perExampleGrads,
  stopGradient,
  customJvp,
  sgdStep,
];

export function exerciseById(id: string): Exercise | undefined {
  return CATALOG.find((e) => e.id === id);
}

/** The exercise after `id` in the track, for the panel's "Next exercise". */
export function nextExercise(id: string): Exercise | undefined {
  const i = CATALOG.findIndex((e) => e.id === id);
  return i >= 0 ? CATALOG[i + 1] : undefined;
}
