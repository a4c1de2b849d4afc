// Incremental Python parse: after `tree.edit(edit)`, tree-sitter re-parses reusing the old tree,
// and the top-level statements whose text the edit did not touch keep their IR (and so their
// expression ids, which the interpreter's recorded values refer to), moved to their new rows when
// the edit added or removed lines. Only the rest is lowered.

import type { Edit, Tree } from 'web-tree-sitter';
import type { Program, Stmt } from '../ir';
import { LowerContext } from './pythonContext';
import { lowerPython } from './python';
import { findBrokenLines } from './pythonRecover';
import { LocShift } from './pythonShift';
import { copyTopLevel, SourceLines, type SynNode } from './pythonSyntax';
import { lowerTop, type PythonParse, type TopStmt, type Tops } from './pythonTops';
import { parserFor } from './treeSitter';

/** Past this many ids per id a fresh lowering would use, start again from a dense numbering. */
const MAX_SPARSITY = 3;

/**
 * Parse `source` after `edit`, `oldTree` being the previous parse already edited with it. With
 * `prev` (the previous parse's top-level ranges) and an error-free file, the statements the edit
 * did not touch are reused (moved in place when rows moved: `prev.program` is updated, not
 * copied); otherwise this is parsePython with the old tree.
 */
export function reparsePython(source: string, oldTree: Tree, edit: Edit, prev: { tops?: Tops; program: Program }): PythonParse {
  const tree = parserFor('python').parse(source, oldTree);
  if (!tree) throw new Error('tree-sitter returned no tree (parser has no language)');
  return reuseTops(source, tree, edit, prev) ?? lowerPython(source, tree);
}

function reuseTops(source: string, tree: Tree, edit: Edit, prev: { tops?: Tops; program: Program }): PythonParse | undefined {
  const old = prev.tops;
  if (!old || prev.program.syntaxErrors.length || tree.rootNode.hasError) return undefined;
  if (prev.program.exprCount > MAX_SPARSITY * old.denseCount + 64) return undefined;
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const byStart = new Map<number, number>();
  old.list.forEach((t, i) => byStart.set(t.start, i));
  /** the old statement this range is a verbatim copy of (before the edit, or after it and moved) */
  const sameAs = (s: number, e: number): number => {
    let i: number | undefined;
    // a statement ending where the edit starts keeps its text and range: it is the same statement
    if (e <= edit.startIndex) i = byStart.get(s);
    else if (s >= edit.newEndIndex) i = byStart.get(s - delta);
    if (i === undefined) return -1;
    const t = old.list[i];
    const shift = e <= edit.startIndex ? 0 : delta;
    return t.end + shift === e && old.source.slice(t.start, t.end) === source.slice(s, e) ? i : -1;
  };
  const decided: number[] = [];
  const lines = new SourceLines(source);
  const { root, tops } = copyTopLevel(tree, lines, (s, e) => {
    const i = sameAs(s, e);
    decided.push(i);
    return i < 0;
  });
  const fresh: SynNode[] = [];
  for (const t of tops) if (t.node) fresh.push(t.node);
  // the statements lowered anew pass the same broken-line check as a full parse (none expected)
  if (findBrokenLines(source, root.withChildren(fresh)).length) return undefined;
  const ctx = new LowerContext(source, prev.program.exprCount);
  const list: TopStmt[] = [];
  const reused: number[] = [];
  /** kept statements after the edit: their locations move with the rows (and columns) before them */
  const moved: Stmt[] = [];
  const shift = new LocShift(edit, false);
  // Enter or a deleted blank line inside a function body: only whitespace changed
  const blank = /^[ \t\r\n]*$/;
  const whitespace = blank.test(old.source.slice(edit.startIndex, edit.oldEndIndex)) && blank.test(source.slice(edit.startIndex, edit.newEndIndex));
  let d = 0;
  for (const t of tops) {
    if (!t.statement) continue;
    const i = decided[d++];
    if (i >= 0) {
      const stmt = old.list[i].stmt;
      list.push({ start: t.start, end: t.end, stmt });
      reused.push(i);
      if (t.start >= edit.newEndIndex && t.end > edit.startIndex) {
        moved.push(stmt);
        if (old.list[i].start === edit.startIndex) shift.emptyAfter = true;
      }
      continue;
    }
    const top = lowerTop(ctx, t.node!);
    // the statement the whitespace edit fell inside, lowered to the same IR but for its lines: keep it
    const j = whitespace ? byStart.get(t.start) : undefined;
    const was = j === undefined ? undefined : old.list[j];
    if (j !== undefined && was && was.start <= edit.startIndex && was.end >= edit.oldEndIndex && was.end + delta === t.end && shift.sameAcross(was.stmt, top.stmt)) {
      shift.moveAcross(was.stmt);
      list.push({ start: t.start, end: t.end, stmt: was.stmt });
      reused.push(j);
      continue;
    }
    list.push(top);
    reused.push(-1);
  }
  const still = edit.newEndPosition.row === edit.oldEndPosition.row;
  for (const stmt of moved) {
    // with no row delta only a statement sharing the edit's last row has columns to move
    if (still && stmt.loc.line - 1 > edit.oldEndPosition.row) continue;
    shift.moveStmt(stmt);
  }
  const body: Stmt[] = list.map((t) => t.stmt);
  const program: Program = { language: 'python', body, exprCount: ctx.exprCount, syntaxErrors: ctx.syntaxErrors };
  return { program, tree, tops: { list, source, denseCount: old.denseCount }, reused, shift };
}
