// The top-level statements of a Python parse with the source range each was lowered from: what
// an incremental parse needs to keep the IR of every statement an edit did not touch.

import type { Tree } from 'web-tree-sitter';
import type { Program, Stmt } from '../ir';
import { kids, type LowerContext } from './pythonContext';
import { lowerStmt } from './pythonStmt';
import type { LocShift } from './pythonShift';
import type { SNode } from './pythonSyntax';

export interface TopStmt {
  /** UTF-16 offsets of the statement's node in the source it was parsed from */
  start: number;
  end: number;
  stmt: Stmt;
}

export interface Tops {
  list: TopStmt[];
  /** the text the ranges refer to */
  source: string;
  /** expression ids of a fresh lowering: reuse leaves gaps, and gives up when they grow too many */
  denseCount: number;
}

export interface PythonParse {
  program: Program;
  tree: Tree;
  /** only for an error-free parse lowered without masked lines */
  tops?: Tops;
  /** incremental parses: per statement of `program.body`, the index it had before, or -1 when lowered anew */
  reused?: number[];
  /** incremental parses: how the edit moved positions (kept statements after it are moved already) */
  shift?: LocShift;
}

/** What lowerBlock does for an error-free module (no ERROR nodes, nothing masked), range by range. */
export function lowerTops(ctx: LowerContext, root: SNode): TopStmt[] {
  const out: TopStmt[] = [];
  for (const c of kids(root)) out.push(lowerTop(ctx, c));
  return out;
}

export function lowerTop(ctx: LowerContext, c: SNode): TopStmt {
  const mark = ctx.mark();
  const stmt = lowerStmt(ctx, c);
  if (stmt.k === 'error') ctx.rollback(mark);
  return { start: c.startIndex, end: c.endIndex, stmt };
}
