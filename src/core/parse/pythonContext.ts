// Shared state of one Python lowering pass: Expr id allocation, node → Loc conversion and the
// syntax errors found on the way. The expression and statement lowerers both write into it, so
// ids stay dense (0..exprCount-1) even when a broken statement is rolled back.

import type { SNode as Node } from './pythonSyntax';
import type { Expr, Loc } from '../ir';
import type { L10nText } from '../values';

/** An Expr before its id is attached (the discriminated part plus its loc). */
type ExprBody = Expr extends infer E ? (E extends Expr ? Omit<E, 'id'> : never) : never;

export interface SyntaxErrorEntry {
  loc: Loc;
  message: string;
  l10n?: L10nText;
}

export class LowerContext {
  private nextId = 0;
  readonly syntaxErrors: SyntaxErrorEntry[] = [];
  /** rows (1-based lines) blanked by error recovery: the `pass` written there is an error */
  readonly masked = new Map<number, { text: string; loc: Loc }>();

  /** `firstId`: where ids start (an incremental lowering continues after the ids it keeps) */
  constructor(readonly source: string, firstId = 0) {
    this.nextId = firstId;
  }

  get exprCount(): number {
    return this.nextId;
  }

  /** Snapshot of the id counter, so a statement that turns out broken can give its ids back. */
  mark(): number {
    return this.nextId;
  }

  rollback(mark: number): void {
    this.nextId = mark;
  }

  /** Attach a fresh id. Ids are allocated in creation order (children before parents). */
  make(body: ExprBody): Expr {
    return { id: this.nextId++, ...body } as Expr;
  }

  /**
   * web-tree-sitter parses JavaScript strings as UTF-16 and reports indices and columns in
   * UTF-16 code units, which is what VS Code and the IR use: no byte conversion is needed here
   * (test/unit/parse pins this with non-ASCII lines, so a runtime change would be caught).
   */
  loc(node: Node): Loc {
    return locOf(node);
  }

  /** A range spanning from the start of `a` to the end of `b`. */
  span(a: Node, b: Node): Loc {
    return {
      line: a.startPosition.row + 1,
      col: a.startPosition.column,
      endLine: b.endPosition.row + 1,
      endCol: b.endPosition.column,
    };
  }

  unsupported(node: Node, reason: string): Expr {
    return this.make({ k: 'unsupported', text: node.text, reason, loc: this.loc(node) });
  }

  error(loc: Loc, text: L10nText): void {
    const dup = this.syntaxErrors.some(
      (e) => e.loc.line === loc.line && e.loc.col === loc.col && e.message === text.en,
    );
    if (!dup) this.syntaxErrors.push({ loc, message: text.en, l10n: text });
  }
}

export function locOf(node: Node): Loc {
  return {
    line: node.startPosition.row + 1,
    col: node.startPosition.column,
    endLine: node.endPosition.row + 1,
    endCol: node.endPosition.column,
  };
}

/** Named children without comments (tree-sitter puts `comment` extras anywhere). */
export function kids<N extends Node>(node: N): N[] {
  return (node.namedChildren as readonly (N | null)[]).filter((c): c is N => c !== null && c.type !== 'comment' && c.type !== 'line_continuation');
}

/** All children (named or not), without comments. */
export function allKids<N extends Node>(node: N): N[] {
  return (node.children as readonly (N | null)[]).filter((c): c is N => c !== null && c.type !== 'comment' && c.type !== 'line_continuation');
}

export function field<N extends Node>(node: N, name: string): N | null {
  return node.childForFieldName(name) as N | null;
}

export function fields<N extends Node>(node: N, name: string): N[] {
  return (node.childrenForFieldName(name) as (N | null)[]).filter((c): c is N => c !== null && c.type !== 'comment');
}

/** Whether the subtree holds an ERROR or MISSING node. */
export function broken(node: Node | null | undefined): boolean {
  return !node || node.hasError || node.isMissing;
}
