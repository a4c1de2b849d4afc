// Moving source locations after an edit that adds or removes rows (Enter, deleting a line): the
// statements an incremental parse keeps after the edit have their IR locations moved in place
// (same nodes, same ids), and what was recorded in the old text's coordinates is mapped.

import type { Diagnostic } from '../diagnostics';
import type { Loc, Stmt } from '../ir';
import type { FormulaSite } from '../types';

/** The three points of a tree-sitter edit (rows 0-based, columns in UTF-16 code units). */
export interface EditPoints {
  startPosition: { row: number; column: number };
  oldEndPosition: { row: number; column: number };
  newEndPosition: { row: number; column: number };
}

/**
 * One edit's effect on positions: a point at or after the old end moves by the row delta (and,
 * on the old end's row, by the column delta), as tree-sitter moves its own nodes.
 */
export class LocShift {
  /** IR locations already moved in place: mapping them again would move them twice */
  private readonly moved = new Set<Loc>();
  private readonly dRow: number;
  private readonly dCol: number;
  /** 1-based line and column of the old end (and of the start) */
  private readonly endLine: number;
  private readonly endCol: number;
  private readonly startLine: number;
  private readonly startCol: number;

  /**
   * `emptyAfter`: an empty range exactly at a pure insertion point belongs to the text after it
   * (a kept statement starts there) rather than to the text before it.
   */
  /** statements the edit falls inside, kept because it only moved their lines (see sameAcross) */
  private readonly across = new Set<Stmt>();

  constructor(edit: EditPoints, public emptyAfter: boolean) {
    this.dRow = edit.newEndPosition.row - edit.oldEndPosition.row;
    this.dCol = edit.newEndPosition.column - edit.oldEndPosition.column;
    this.endLine = edit.oldEndPosition.row + 1;
    this.endCol = edit.oldEndPosition.column;
    this.startLine = edit.startPosition.row + 1;
    this.startCol = edit.startPosition.column;
  }

  /** A statement the edit fell inside, kept with its locations after the edit moved. */
  isAcross(s: Stmt): boolean {
    return this.across.has(s);
  }

  private before(line: number, col: number, line2: number, col2: number): boolean {
    return line < line2 || (line === line2 && col < col2);
  }

  /**
   * Whether `fresh` (the statement as lowered from the new text) is `old` with only its lines
   * moved: the same IR but for ids, every old location mapped lands on the fresh one, and no
   * expression straddles the edit (its source text, which messages quote, would have changed).
   * The caller checks the edit itself only removed and inserted whitespace.
   */
  sameAcross(old: Stmt, fresh: Stmt): boolean {
    const same = (a: unknown, b: unknown): boolean => {
      if (a === b) return true;
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
      const ka = Object.keys(a);
      if (ka.length !== Object.keys(b).length) return false;
      const isExpr = 'id' in a;
      for (const k of ka) {
        if (k === 'id') continue;
        const x = (a as Record<string, unknown>)[k];
        const y = (b as Record<string, unknown>)[k];
        if (k === 'loc' || k === 'nameLoc') {
          if (!this.mapsTo(x as Loc, y as Loc, isExpr)) return false;
        } else if (!same(x, y)) return false;
      }
      return true;
    };
    return same(old, fresh);
  }

  private mapsTo(a: Loc, b: Loc, expr: boolean): boolean {
    if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
    // an expression around the edit point: its text gained or lost whitespace
    if (expr && this.before(a.line, a.col, this.startLine, this.startCol) && this.before(this.startLine, this.startCol, a.endLine, a.endCol)) return false;
    const m = this.loc(a);
    return m.line === b.line && m.col === b.col && m.endLine === b.endLine && m.endCol === b.endCol;
  }

  /** Keep `s`, which the edit falls inside (sameAcross): move the locations after the edit, in place. */
  moveAcross(s: Stmt): void {
    const moves: [Loc, Loc][] = [];
    this.eachUnmoved(s, (loc) => moves.push([loc, this.loc(loc)]));
    // mapped from the old positions first, then written: a shared Loc moves once
    for (const [loc, to] of moves) Object.assign(loc, to);
    this.across.add(s);
  }

  /** Whether `loc` is a kept statement's own location, moved in place. */
  isMoved(loc: Loc): boolean {
    return this.moved.has(loc);
  }

  /** The statement's line once moved (its whole subtree lies after the edit). */
  line(line: number): number {
    return line + this.dRow;
  }

  private atOrAfterEnd(line: number, col: number): boolean {
    return line > this.endLine || (line === this.endLine && col >= this.endCol);
  }

  private afterStart(line: number, col: number): boolean {
    return line > this.startLine || (line === this.startLine && col > this.startCol);
  }

  private moveStart(loc: Loc): void {
    if (loc.line === this.endLine) loc.col += this.dCol;
    loc.line += this.dRow;
  }

  private moveEnd(loc: Loc): void {
    if (loc.endLine === this.endLine) loc.endCol += this.dCol;
    loc.endLine += this.dRow;
  }

  /**
   * Move every location of a kept statement that lies after the edit, in place. The nodes stay
   * the same objects: the interpreter's recorder, function values and expression ids refer to them.
   */
  moveStmt(s: Stmt): void {
    this.eachUnmoved(s, (loc) => {
      this.moveEnd(loc);
      this.moveStart(loc);
    });
  }

  /**
   * Every `loc` / `nameLoc` of the statement's subtree not moved yet, each once (a Loc object
   * shared by two nodes is visited once), marked moved once `fn` has seen it (moveAcross maps it
   * from its old position first).
   */
  private eachUnmoved(s: Stmt, fn: (loc: Loc) => void): void {
    const visit = (o: object): void => {
      if (Array.isArray(o)) {
        for (const x of o) if (typeof x === 'object' && x !== null) visit(x);
        return;
      }
      for (const key in o) {
        const v = (o as Record<string, unknown>)[key];
        if (typeof v !== 'object' || v === null) continue;
        if (key === 'loc' || key === 'nameLoc') {
          const loc = v as Loc;
          if (this.moved.has(loc)) continue;
          fn(loc);
          this.moved.add(loc);
        } else visit(v);
      }
    };
    visit(s);
  }

  /**
   * A location recorded in the old text's coordinates, in the new text's: the same object when it
   * does not move (or is a kept statement's own, moved already), else a moved copy.
   */
  loc(loc: Loc): Loc {
    if (this.moved.has(loc)) return loc;
    const empty = loc.line === loc.endLine && loc.col === loc.endCol;
    let a: boolean;
    let b: boolean;
    if (empty) {
      // an empty range at a pure insertion point goes with the statement that owns that point
      a = b = this.atOrAfterEnd(loc.line, loc.col) && (this.afterStart(loc.line, loc.col) || this.emptyAfter);
    } else {
      a = this.atOrAfterEnd(loc.line, loc.col);
      b = this.atOrAfterEnd(loc.endLine, loc.endCol) && this.afterStart(loc.endLine, loc.endCol);
    }
    if (!a && !b) return loc;
    const out = { ...loc };
    if (b) this.moveEnd(out);
    if (a) this.moveStart(out);
    return out;
  }

  diagnostic(d: Diagnostic): Diagnostic {
    const loc = this.loc(d.loc);
    let fixes = d.fixes;
    if (fixes) {
      let changed = false;
      const next = fixes.map((f) => {
        const edits = f.edits.map((e) => {
          const l = this.loc(e.loc);
          if (l === e.loc) return e;
          changed = true;
          return { ...e, loc: l };
        });
        return changed ? { ...f, edits } : f;
      });
      if (changed) fixes = next;
    }
    return loc === d.loc && fixes === d.fixes ? d : { ...d, loc, ...(fixes ? { fixes } : {}) };
  }

  /** A cached formula site; `moved`: its statement group was moved (its CodeLens line moves too). */
  site(s: FormulaSite, moved: boolean): FormulaSite {
    const loc = this.loc(s.loc);
    const line = moved ? this.line(s.line) : s.line;
    return loc === s.loc && line === s.line ? s : { ...s, loc, line };
  }
}
