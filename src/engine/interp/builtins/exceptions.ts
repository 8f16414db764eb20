// The exception classes of errors.ts's EXCEPTION_BASES as Python classes, so `except TypeError`
// catches a TracerBoolConversionError raised by the jax layer as a PyError. Classes named in a
// PyError but missing from the table are created on demand, inheriting from Exception (as
// `isSubclass` in errors.ts assumes).

import { runContext, type RunContext } from '../../context';
import { EXCEPTION_BASES } from '../../errors';
import { None, PyClass, PyExceptionObject, PyObject, PyTuple, objectClass } from '../object';
import { exceptionMessage, objectId, pyRepr, setExceptionClassHook } from '../protocol';
import { builtin } from './args';

const JAX_ERRORS = new Set([
  'JAXTypeError', 'JAXIndexError', 'ConcretizationTypeError', 'NonConcreteBooleanIndexError', 'TracerArrayConversionError',
  'TracerBoolConversionError', 'TracerIntegerConversionError', 'UnexpectedTracerError', 'KeyReuseError',
]);

/** Built-in and JAX exception classes: the same objects in every run. */
const classes = new Map<string, PyClass>();
/** Classes the user's code defines, per run, so one file's `class MyError` never answers for
 *  another run's class of the same name on a reused engine. */
const userClasses = new WeakMap<RunContext, Map<string, PyClass>>();

function moduleOf(name: string): string {
  if (JAX_ERRORS.has(name)) return 'jax.errors';
  if (name === 'TypePromotionError') return 'jax._src.dtypes';
  if (name === 'BudgetExceeded') return 'gradlens';
  return 'builtins';
}

export function exceptionClass(name: string): PyClass {
  let cls = userClasses.get(runContext())?.get(name) ?? classes.get(name);
  if (cls) return cls;
  const baseName = name in EXCEPTION_BASES ? EXCEPTION_BASES[name] : 'Exception';
  const base = baseName === null ? objectClass : exceptionClass(baseName);
  cls = new PyClass(name, [base], moduleOf(name));
  classes.set(name, cls);
  return cls;
}

/** Registers a user-defined exception class so PyErrors naming it find the same class. */
export function registerExceptionClass(cls: PyClass): void {
  if (classes.has(cls.name)) return;
  const ctx = runContext();
  let mine = userClasses.get(ctx);
  if (!mine) userClasses.set(ctx, (mine = new Map()));
  if (!mine.has(cls.name)) mine.set(cls.name, cls);
}

setExceptionClassHook(exceptionClass);

const base = exceptionClass('BaseException');
for (const name of Object.keys(EXCEPTION_BASES)) exceptionClass(name);

base.attrs.set('__new__', builtin('BaseException.__new__', (args) => new PyExceptionObject(args[0] as PyClass, args.slice(1))));
base.slots.str = (self) => exceptionMessage(self as PyExceptionObject);
base.slots.repr = (self) => {
  const e = self as PyExceptionObject;
  return `${e.excClass.name}(${e.args.map(pyRepr).join(', ')})`;
};
base.slots.hash = (self) => `#${objectId(self)}`;
base.slots.getattr = (self: PyObject, name: string) => {
  const e = self as PyExceptionObject;
  if (name === 'args') return new PyTuple(e.args);
  if (name === '__cause__' || name === '__context__') return causes.get(e) ?? None;
  return undefined;
};

/** `raise X from Y`: the cause, shown by `__cause__`. */
export const causes = new WeakMap<PyExceptionObject, PyObject>();

export const BUILTIN_EXCEPTION_NAMES = Object.keys(EXCEPTION_BASES).filter((n) => moduleOf(n) === 'builtins');
