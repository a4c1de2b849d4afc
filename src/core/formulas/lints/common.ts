// Shared pieces of the silent-bug lints: the concrete shape of a traced expression, and the
// diagnostic builder (warning severity, bilingual message, fixes only when certain).

import type { Expr, Loc } from '../../ir';
import type { Diagnostic, QuickFix } from '../../diagnostics';
import type { L10nText } from '../../values';
import type { MatchContext } from '../match';
import { jsShapeOf } from '../../interp/tsShapes';

export function shapeOf(ctx: MatchContext, e: Expr): number[] | undefined {
  const v = ctx.values[e.id];
  // a TypeScript number[][] is shaped by its nested lengths
  if (v?.kind === 'list') return jsShapeOf(v).shape?.every((d) => typeof d === 'number') ? (jsShapeOf(v).shape as number[]) : undefined;
  if (!v || v.kind !== 'array' || !v.shape || !v.shape.every((d) => typeof d === 'number')) return undefined;
  return v.shape as number[];
}

export function warning(loc: Loc, code: string, message: L10nText, fixes?: QuickFix[]): Diagnostic {
  const d: Diagnostic = { loc: { ...loc }, severity: 'warning', code, message };
  if (fixes && fixes.length) d.fixes = fixes;
  return d;
}

/** End position of an expression, as an empty range (for insertions). */
export function endOf(e: Expr): Loc {
  return { line: e.loc.endLine, col: e.loc.endCol, endLine: e.loc.endLine, endCol: e.loc.endCol };
}
