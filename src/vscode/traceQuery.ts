// Questions the providers ask of a Trace: which expression is under the cursor, which binding a
// name refers to at a line, what the formula at a line is. Pure (no vscode): walks the IR
// generically so new node kinds need no change here.

import type { Expr, Loc, Program } from '../core/ir';
import type { Binding, FormulaSite, Trace } from '../core/types';
import type { Value } from '../core/values';

const contains = (l: Loc, line: number, col: number): boolean =>
  (line > l.line || (line === l.line && col >= l.col)) && (line < l.endLine || (line === l.endLine && col <= l.endCol));

const span = (l: Loc): number => (l.endLine - l.line) * 100000 + (l.endCol - l.col);

function isExpr(x: unknown): x is Expr {
  return typeof x === 'object' && x !== null && typeof (x as Expr).id === 'number' && 'k' in x && 'loc' in x;
}

/** Every expression of the program, once (cached per program). */
const cache = new WeakMap<Program, Expr[]>();
function allExprs(program: Program): Expr[] {
  const hit = cache.get(program);
  if (hit) return hit;
  const out: Expr[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const e of x) walk(e);
      return;
    }
    if (isExpr(x)) out.push(x);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(program.body);
  cache.set(program, out);
  return out;
}

/** The innermost evaluated expression at (line, col): its node and the value it had. */
export function exprAt(trace: Trace, line: number, col: number): { expr: Expr; value: Value } | undefined {
  let best: { expr: Expr; value: Value } | undefined;
  for (const e of allExprs(trace.program)) {
    const v = trace.exprValues[e.id];
    if (!v || !contains(e.loc, line, col)) continue;
    if (!best || span(e.loc) < span(best.expr.loc)) best = { expr: e, value: v };
  }
  return best;
}

/** The binding whose target is at (line, col). */
export function bindingAt(trace: Trace, line: number, col: number): Binding | undefined {
  return trace.bindings.find((b) => contains(b.loc, line, col));
}

/**
 * The binding a use of `name` at `line` refers to: the last assignment before that line, or
 * (inside a loop or a function) the nearest one at all.
 */
export function bindingOf(trace: Trace, name: string, line: number): Binding | undefined {
  const same = trace.bindings.filter((b) => b.name === name);
  const before = same.filter((b) => b.loc.line <= line);
  return before.length ? before[before.length - 1] : same[0];
}

/** The formula whose CodeLens line is `line`, or whose span covers it. */
export function formulaAt(trace: Trace, line: number): FormulaSite | undefined {
  return trace.formulas.find((f) => f.line === line) ?? trace.formulas.find((f) => line >= f.loc.line && line <= f.loc.endLine);
}

/** The source text of a traced range. */
export function textOf(source: string, loc: Loc): string {
  const lines = source.split('\n');
  if (loc.line === loc.endLine) return lines[loc.line - 1]?.slice(loc.col, loc.endCol) ?? '';
  const parts = [lines[loc.line - 1]?.slice(loc.col) ?? ''];
  for (let l = loc.line + 1; l < loc.endLine; l++) parts.push(lines[l - 1] ?? '');
  parts.push(lines[loc.endLine - 1]?.slice(0, loc.endCol) ?? '');
  return parts.join('\n');
}
