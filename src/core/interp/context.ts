// The state of one interpretation: options, clock and budgets, diagnostics, the bindings
// recorder, first values of expressions, the undo-log heap, and the dynamic stacks (calls,
// enclosing `try` handlers, uncertain branches) the statement and call code consult.

import type { Diagnostic } from '../diagnostics';
import type { Expr, Loc, Program, Stmt } from '../ir';
import type { OpContext } from '../ops/types';
import type { Language } from '../types';
import type { L10nText, Value } from '../values';
import { BindingRecorder, freeze } from './bindings';
import { Heap } from './heap';
import { Scope } from './scope';

/** Thrown to unwind everything when the time budget runs out; never caught by interpreted `try`. */
export class BudgetExceeded extends Error {
  constructor() {
    super('trace budget exceeded');
  }
}

const now: () => number =
  typeof globalThis.performance?.now === 'function' ? () => globalThis.performance.now() : () => Date.now();

export interface InterpOptions {
  budgetMs: number;
  maxElements: number;
  /** most iterations one loop statement unrolls before it is widened */
  maxLoopIterations: number;
}

/** Everything a user function definition needs to run: its node and its closure. */
export interface FuncDef {
  name: string;
  params: import('../ir').Param[];
  body: Stmt[] | Expr;
  loc: Loc;
  /** the `def` statement or lambda expression (identity of the definition site) */
  node: object;
  isLambda: boolean;
}

/**
 * Changes a top-level statement made to the registries traceUncalled reads (definitions seen,
 * definitions called, last instance per class, star imports), so that an incremental re-trace
 * can rebuild them from the statements it kept and the ones it ran again.
 */
export interface RegistryLog {
  seen: Map<object, { fn: Value; def: FuncDef }>;
  called: Set<object>;
  instances: [object, Value][];
  stars: string[];
}

export function newRegistryLog(): RegistryLog {
  return { seen: new Map(), called: new Set(), instances: [], stars: [] };
}

export class Interp {
  readonly heap = new Heap();
  readonly recorder = new BindingRecorder(this.heap);
  readonly diagnostics: Diagnostic[] = [];
  private readonly diagKeys = new Set<string>();
  readonly exprValues: (Value | undefined)[];
  /** ids set in the current epoch, so an incremental run can forget them */
  exprLog: number[] | undefined;
  readonly perTrace = new Map<string, unknown>();
  readonly globals: Scope;
  readonly opCtx: OpContext;
  readonly start = now();
  deadline: number;
  private steps = 0;
  budgetExceeded = false;
  /** a random op ran since the last epoch: numpy's global generator state may have moved */
  randomDirty = false;
  /** where an error was first seen (the innermost expression), when the error has no loc */
  readonly errLoc = new WeakMap<object, Loc>();
  symCounter = 0;
  /** exception type names caught by the `try` statements currently open, innermost last */
  readonly handlers: string[][] = [];
  /** > 0 while inside a branch whose condition the tracer could not decide */
  uncertain = 0;
  /** > 0 while tracing a function nobody calls (parameters unknown): no Python-level errors */
  speculative = 0;
  readonly callStack: object[] = [];
  /** return values collected by the function calls in progress, innermost last */
  readonly frames: { returns: Value[]; owner?: Value; self?: Value }[] = [];
  /** modules imported with `from m import *` */
  readonly starModules = new Set<string>();
  /** set when a `break` ran in an arm the tracer could not decide (the loop may have stopped early) */
  maybeBroke = false;
  /** the exceptions being handled (for a bare `raise` in an `except` block) */
  readonly handling: Error[] = [];
  /** definition sites seen, and those called at least once */
  readonly defsSeen = new Map<object, { fn: Value; def: FuncDef }>();
  readonly defsCalled = new Set<object>();
  /** last instance created per class (the `self` for uncalled methods) */
  readonly lastInstance = new Map<object, Value>();
  /** the current top-level statement's registry changes (see RegistryLog) */
  regLog: RegistryLog | undefined;
  private readonly lineStarts: number[];

  constructor(
    readonly program: Program,
    readonly source: string,
    readonly language: Language,
    readonly options: InterpOptions,
  ) {
    this.exprValues = new Array(program.exprCount);
    this.globals = new Scope('module', null, this.heap);
    // TypeScript: closures write their enclosing variables, arrays are shaped by their lengths
    this.globals.js = language === 'typescript';
    this.recorder.jsArrays = language === 'typescript';
    this.deadline = this.start + options.budgetMs;
    this.opCtx = { maxElements: options.maxElements, report: (d) => this.report(d), perTrace: this.perTrace };
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  noteDefinition(node: object, entry: { fn: Value; def: FuncDef }): void {
    if (!this.defsSeen.has(node)) this.defsSeen.set(node, entry);
    if (this.regLog && !this.regLog.seen.has(node)) this.regLog.seen.set(node, entry);
  }
  noteCall(node: object): void {
    this.defsCalled.add(node);
    this.regLog?.called.add(node);
  }
  noteInstance(cls: object, inst: Value): void {
    this.lastInstance.set(cls, inst);
    this.regLog?.instances.push([cls, inst]);
  }
  noteStarImport(module: string): void {
    this.starModules.add(module);
    this.regLog?.stars.push(module);
  }

  /** Count a step; every 128 steps look at the clock and unwind when the budget is spent. */
  tick(): void {
    if ((++this.steps & 127) === 0 && now() > this.deadline) {
      this.budgetExceeded = true;
      throw new BudgetExceeded();
    }
  }

  elapsed(): number {
    return now() - this.start;
  }

  report(d: Diagnostic): void {
    const key = `${d.loc.line}:${d.loc.col}:${d.loc.endLine}:${d.loc.endCol}:${d.code}:${d.severity}`;
    if (this.diagKeys.has(key)) return;
    this.diagKeys.add(key);
    this.diagnostics.push(d);
  }

  info(loc: Loc, code: string, message: L10nText): void {
    this.report({ loc, severity: 'info', code, message });
  }

  /** A new internal symbol; the recorder later names it after the code or n1, n2, … */
  freshSym = (): string => `__s${++this.symCounter}`;

  recordExpr(e: Expr, v: Value): void {
    if (this.exprValues[e.id] !== undefined) return;
    this.exprValues[e.id] = v.kind === 'array' || v.kind === 'list' || v.kind === 'tuple' ? freeze(v) : v;
    this.exprLog?.push(e.id);
  }

  /** Source text of a range (argument texts for op messages: "did you mean K.T?"). */
  textOf(loc: Loc): string {
    const a = (this.lineStarts[loc.line - 1] ?? this.source.length) + loc.col;
    const b = (this.lineStarts[loc.endLine - 1] ?? this.source.length) + loc.endCol;
    return this.source.slice(a, b);
  }

  /** true when an open `try` would catch an exception of this Python type. */
  caught(pyType: string, match: (raised: string, caught: string) => boolean): boolean {
    for (const hs of this.handlers) for (const h of hs) if (match(pyType, h)) return true;
    return false;
  }
}
