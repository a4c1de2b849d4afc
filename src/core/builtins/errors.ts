// Python exceptions raised while interpreting (ZeroDivisionError, IndexError, KeyError, ...).
// Like NumpyError they stop the current path; the interpreter turns them into an `error`
// diagnostic unless an enclosing `try` catches them.

import type { L10nText } from '../values';

export class PyError extends Error {
  constructor(
    /** the Python exception class name, matched against `except` clauses */
    readonly pyType: string,
    readonly text: L10nText,
  ) {
    super(`${pyType}: ${text.en}`);
  }
  /** the stable diagnostic code: ZeroDivisionError → zero-division, IndexError → index-error */
  get code(): string {
    if (this.pyType === 'ZeroDivisionError') return 'zero-division';
    return this.pyType.replace(/Error$/, '-error').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  }
}

/** Python's exception hierarchy, enough for `except` matching. */
const PARENT: Record<string, string> = {
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  FloatingPointError: 'ArithmeticError',
  ArithmeticError: 'Exception',
  IndexError: 'LookupError',
  KeyError: 'LookupError',
  LookupError: 'Exception',
  TypeError: 'Exception',
  ValueError: 'Exception',
  UFuncTypeError: 'TypeError',
  LinAlgError: 'ValueError',
  AxisError: 'ValueError',
  NameError: 'Exception',
  UnboundLocalError: 'NameError',
  AttributeError: 'Exception',
  AssertionError: 'Exception',
  RuntimeError: 'Exception',
  RecursionError: 'RuntimeError',
  NotImplementedError: 'RuntimeError',
  StopIteration: 'Exception',
  Exception: 'BaseException',
};

/** true when an exception of type `raised` is caught by `except caught`. */
export function excMatches(raised: string, caught: string): boolean {
  let t: string | undefined = raised;
  while (t) {
    if (t === caught) return true;
    t = PARENT[t] ?? (t === 'BaseException' ? undefined : 'Exception');
    if (t === 'Exception' && caught === 'Exception') return true;
  }
  return caught === 'BaseException';
}

export const KNOWN_EXCEPTIONS = new Set([...Object.keys(PARENT), 'BaseException']);

export function typeError(en: string, fr: string): PyError {
  return new PyError('TypeError', { en, fr });
}
