// Python exceptions as the engine raises them.
//
// Every layer (array kernels, autodiff rules, the jax surface, the interpreter) throws a
// `PyError` carrying the Python exception class name and JAX's exact message. The interpreter
// turns it into a Python exception object for `try/except`, and the checker turns an uncaught
// one into a diagnostic. Any other JS exception escaping the engine is an engine bug and is
// reported as an internal error.

/** Exception classes the engine knows, each with its base (single inheritance, as data). */
export const EXCEPTION_BASES: Readonly<Record<string, string | null>> = {
  BaseException: null,
  Exception: 'BaseException',
  KeyboardInterrupt: 'BaseException',
  SystemExit: 'BaseException',
  GeneratorExit: 'BaseException',
  StopIteration: 'Exception',
  ArithmeticError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  FloatingPointError: 'ArithmeticError',
  AssertionError: 'Exception',
  AttributeError: 'Exception',
  LookupError: 'Exception',
  IndexError: 'LookupError',
  KeyError: 'LookupError',
  NameError: 'Exception',
  UnboundLocalError: 'NameError',
  RuntimeError: 'Exception',
  NotImplementedError: 'RuntimeError',
  RecursionError: 'RuntimeError',
  TypeError: 'Exception',
  ValueError: 'Exception',
  // numpy.exceptions.AxisError subclasses both ValueError and IndexError; single inheritance
  // keeps ValueError, the one JAX users catch.
  AxisError: 'ValueError',
  ImportError: 'Exception',
  ModuleNotFoundError: 'ImportError',
  SyntaxError: 'Exception',
  MemoryError: 'Exception',
  // JAX's hierarchy (jax/_src/errors.py): the concretization errors are TypeErrors.
  JAXTypeError: 'TypeError',
  JAXIndexError: 'IndexError',
  ConcretizationTypeError: 'JAXTypeError',
  NonConcreteBooleanIndexError: 'JAXIndexError',
  TracerArrayConversionError: 'JAXTypeError',
  TracerBoolConversionError: 'ConcretizationTypeError',
  TracerIntegerConversionError: 'JAXTypeError',
  UnexpectedTracerError: 'JAXTypeError',
  KeyReuseError: 'JAXTypeError',
  TypePromotionError: 'ValueError',
  // Grad Lens's own: a budget ran out (steps, elements, recursion). Not catchable as Exception,
  // so user code cannot swallow it with a bare `except Exception`.
  BudgetExceeded: 'BaseException',
  // Warnings are classes too (raised only when filters turn them into errors; normally emitted).
  Warning: 'Exception',
  UserWarning: 'Warning',
  DeprecationWarning: 'Warning',
  RuntimeWarning: 'Warning',
};

/** True when class `name` is `base` or inherits from it. Unknown names inherit from Exception. */
export function isSubclass(name: string, base: string): boolean {
  let c: string | null | undefined = name;
  while (c) {
    if (c === base) return true;
    c = c in EXCEPTION_BASES ? EXCEPTION_BASES[c] : 'Exception';
  }
  return false;
}

/** JAX appends this line to its own error classes (jax/_src/errors.py::_JAXErrorMixin). */
const JAX_URL_CLASSES = new Set([
  'ConcretizationTypeError',
  'TracerBoolConversionError',
  'TracerIntegerConversionError',
  'TracerArrayConversionError',
  'UnexpectedTracerError',
  'NonConcreteBooleanIndexError',
]);

export class PyError extends Error {
  /** The Python-level exception object, once the interpreter has made one (opaque here). */
  pyObject: unknown = undefined;
  constructor(
    /** Python class name, e.g. 'TypeError', 'TracerBoolConversionError'. */
    readonly pyType: string,
    /** `str(exc)`: the exact message, including JAX's URL line where JAX adds one. */
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

/** Builds a PyError, appending JAX's documentation line for JAX's own error classes. */
export function pyError(pyType: string, message: string): PyError {
  if (JAX_URL_CLASSES.has(pyType)) {
    message = `${message}\nSee https://docs.jax.dev/en/latest/errors.html#jax.errors.${pyType}`;
  }
  return new PyError(pyType, message);
}

export function typeError(message: string): PyError {
  return new PyError('TypeError', message);
}

export function valueError(message: string): PyError {
  return new PyError('ValueError', message);
}

/** "Grad Lens does not evaluate X yet": the one message for everything outside the subset. */
export function notSupported(what: string): PyError {
  return new PyError('NotImplementedError', `Grad Lens does not evaluate ${what} yet`);
}
