// A plain-JavaScript copy of a tree-sitter syntax tree, read in one TreeCursor walk. Every accessor
// of a web-tree-sitter Node crosses into wasm and allocates, and the lowering asks each node for its
// type, fields, text and range several times: reading each node once here is several times cheaper.

import type { Language, Point, Tree, TreeCursor } from 'web-tree-sitter';

/** What the Python lowering reads from a node; web-tree-sitter's Node and SynNode both provide it. */
export interface SNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly isError: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly children: readonly (SNode | null)[];
  readonly namedChildren: readonly (SNode | null)[];
  readonly childCount: number;
  childForFieldName(name: string): SNode | null;
  childrenForFieldName(name: string): (SNode | null)[];
}

/** The source with its line starts: rows and columns are derived from UTF-16 offsets on demand. */
export class SourceLines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** tree-sitter's point for an offset: rows end at '\n', columns count UTF-16 code units */
  point(offset: number): Point {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: offset - s[lo] };
  }
}

/** Per-language tables read once: type names, which are named, field ids by name. */
interface LangTables {
  types: string[];
  named: boolean[];
  fieldIds: Map<string, number>;
}
const tables = new WeakMap<Language, LangTables>();

function tablesOf(lang: Language): LangTables {
  let t = tables.get(lang);
  if (!t) {
    const fieldIds = new Map<string, number>();
    lang.fields.forEach((f, i) => {
      if (f) fieldIds.set(f, i);
    });
    const named = lang.types.map((_, i) => lang.nodeTypeIsNamed(i));
    tables.set(lang, (t = { types: lang.types, named, fieldIds }));
  }
  return t;
}

const NO_KIDS: readonly SynNode[] = [];
const ERROR_SYMBOL = 65535;

/**
 * One node of the copy. Built only for trees without ERROR or MISSING nodes (`rootNode.hasError`
 * false), so those flags are constant; broken trees are lowered from web-tree-sitter's nodes.
 */
export class SynNode implements SNode {
  children: readonly SynNode[] = NO_KIDS;
  private named?: SynNode[];
  constructor(
    private readonly lines: SourceLines,
    private readonly tab: LangTables,
    readonly typeId: number,
    readonly fieldId: number,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}
  get type(): string {
    return this.typeId === ERROR_SYMBOL ? 'ERROR' : (this.tab.types[this.typeId] ?? 'ERROR');
  }
  get isNamed(): boolean {
    return this.tab.named[this.typeId] ?? false;
  }
  get isError(): boolean {
    return false;
  }
  get isMissing(): boolean {
    return false;
  }
  get hasError(): boolean {
    return false;
  }
  get text(): string {
    return this.lines.text.slice(this.startIndex, this.endIndex);
  }
  get startPosition(): Point {
    return this.lines.point(this.startIndex);
  }
  get endPosition(): Point {
    return this.lines.point(this.endIndex);
  }
  get childCount(): number {
    return this.children.length;
  }
  get namedChildren(): readonly SynNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }
  childForFieldName(name: string): SynNode | null {
    const id = this.tab.fieldIds.get(name);
    if (id === undefined) return null;
    for (const c of this.children) if (c.fieldId === id) return c;
    return null;
  }
  /** A node of the same type and range whose children are `kids` (a module of selected statements). */
  withChildren(kids: SynNode[]): SynNode {
    const n = new SynNode(this.lines, this.tab, this.typeId, this.fieldId, this.startIndex, this.endIndex);
    n.children = kids;
    return n;
  }
  childrenForFieldName(name: string): SynNode[] {
    const id = this.tab.fieldIds.get(name);
    return id === undefined ? [] : this.children.filter((c) => c.fieldId === id);
  }
}

/** Copy the node under the cursor and its whole subtree; the cursor ends where it started. */
function copySubtree(cur: TreeCursor, lines: SourceLines, tab: LangTables): SynNode {
  const root = new SynNode(lines, tab, cur.nodeTypeId, cur.currentFieldId, cur.startIndex, cur.endIndex);
  if (!cur.gotoFirstChild()) return root;
  // an explicit stack: deep expressions (long operator chains) must not overflow the JS stack; it
  // holds the children lists being filled (each becomes its node's `children`), no entry objects
  const rootKids: SynNode[] = [];
  root.children = rootKids;
  const stack: SynNode[][] = [rootKids];
  for (;;) {
    const n = new SynNode(lines, tab, cur.nodeTypeId, cur.currentFieldId, cur.startIndex, cur.endIndex);
    stack[stack.length - 1].push(n);
    if (cur.gotoFirstChild()) {
      const kids: SynNode[] = [];
      n.children = kids;
      stack.push(kids);
      continue;
    }
    while (!cur.gotoNextSibling()) {
      stack.pop();
      cur.gotoParent();
      if (stack.length === 0) return root;
    }
  }
}

/** The whole tree as SynNodes (the caller has checked `tree.rootNode.hasError` is false). */
export function copyTree(tree: Tree, lines: SourceLines): SynNode {
  const cur = tree.walk();
  try {
    return copySubtree(cur, lines, tablesOf(tree.language));
  } finally {
    cur.delete();
  }
}

/** A top-level child of the root: its range, whether lowering sees it, and its copy when asked for. */
export interface TopNode {
  start: number;
  end: number;
  /** a statement the lowering visits (named, not a comment or line continuation) */
  statement: boolean;
  node: SynNode | null;
}

/**
 * The top-level children of the root, each copied only when `want(start, end)` says so (an
 * incremental lowering copies just the statements an edit touched). Ranges come from the cursor.
 */
export function copyTopLevel(tree: Tree, lines: SourceLines, want: (start: number, end: number) => boolean): { root: SynNode; tops: TopNode[] } {
  const tops: TopNode[] = [];
  const tab = tablesOf(tree.language);
  const cur = tree.walk();
  try {
    const root = new SynNode(lines, tab, cur.nodeTypeId, 0, cur.startIndex, cur.endIndex);
    if (cur.gotoFirstChild()) {
      do {
        const start = cur.startIndex;
        const end = cur.endIndex;
        const type = tab.types[cur.nodeTypeId];
        const statement = (tab.named[cur.nodeTypeId] ?? false) && type !== 'comment' && type !== 'line_continuation';
        tops.push({ start, end, statement, node: statement && want(start, end) ? copySubtree(cur, lines, tab) : null });
      } while (cur.gotoNextSibling());
    }
    return { root, tops };
  } finally {
    cur.delete();
  }
}

