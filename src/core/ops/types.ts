// The contract of one numpy (or mathjs) operation module: names, doc, LaTeX, shape rule and
// evaluator. Every module under src/core/ops registers one OpModule (or a few closely related
// ones) in ./registry.ts; a unit test fails when a module lacks any part.

import type { Loc } from '../ir';
import type { Diagnostic } from '../diagnostics';
import type { Value } from '../values';

/** What the interpreter hands an op for one call. */
export interface OpCall {
  /** the qualified name it was called by: 'np.matmul', 'ndarray.reshape', 'op.matmul', 'math.multiply' */
  name: string;
  /** positional arguments; for a method, `self` is NOT included (see `self`) */
  args: Value[];
  kwargs: Map<string, Value>;
  /** the receiver of a method call or property ('ndarray.T', 'ndarray.reshape') */
  self?: Value;
  /** range of the whole call expression, and of each positional argument (for precise diagnostics) */
  loc: Loc;
  argLocs: Loc[];
  /** source text of each positional argument ('K', 'Q @ K.T'), for messages such as "did you mean K.T?" */
  argTexts: string[];
  ctx: OpContext;
}

export interface OpContext {
  /** largest number of elements an op may materialise; past it, return the shape without data */
  maxElements: number;
  /** report a warning or info (errors are thrown as NumpyError) */
  report(d: Diagnostic): void;
  /**
   * Mutable state that lives for one trace and belongs to op modules, keyed by module (e.g.
   * 'np.random' keeps numpy's global legacy RandomState here). The interpreter creates it empty.
   */
  perTrace: Map<string, unknown>;
  /**
   * Calls a function value of the program (a mathjs `map` / `forEach` callback) the way the
   * interpreter would; set by the interpreter before a TypeScript op runs.
   */
  call?: (fn: Value, args: Value[]) => Value;
}

export interface OpModule {
  /** qualified names: 'np.matmul', 'op.matmul' (the @ operator), 'ndarray.T' (property), 'ndarray.reshape' */
  names: readonly string[];
  /** one paragraph, English, shown in hovers */
  doc: string;
  /** LaTeX of the operation applied to operands already rendered as LaTeX */
  latex(operands: readonly string[]): string;
  /**
   * The shape rule: the result with shape and dtype but no data (or a non-array Value).
   * Throws NumpyError exactly where numpy would raise. Must handle symbolic and unknown
   * (null) shapes: unknown in, unknown out, never a false error.
   */
  shape(call: OpCall): Value;
  /**
   * The evaluator: called only when every array argument has data and the result fits
   * `ctx.maxElements`; returns the result with data, equal to numpy's. `abstract` is what
   * `shape` returned for this call.
   */
  evaluate(call: OpCall, abstract: Value): Value;
  /**
   * Positional index of numpy's `out` parameter when the op takes one there (ufuncs: right after
   * their inputs). With `out` (here or as `out=`), the op returns the values out must hold and the
   * interpreter writes them into that array and returns it, as numpy does.
   */
  outArg?: number;
}
