// Error recovery for half-typed Python. Tree-sitter glues a broken line onto the following ones
// (`b = a +` / `c = 2` becomes one statement). We find the logical lines that tree-sitter's
// statements or ERROR nodes spill out of, and mask them so that a re-parse sees the rest intact.

import type { SNode as Node } from './pythonSyntax';
import type { Loc } from '../ir';
import type { L10nText } from '../values';
import { looksLikeStatementStart, scanLines, unclosedIn, type Row } from './pythonLines';

export interface BrokenLine {
  /** offsets of the masked text (whole rows, newlines excluded) */
  start: number;
  end: number;
  loc: Loc;
  message: L10nText;
}

const SIMPLE = new Set([
  'expression_statement', 'return_statement', 'import_statement', 'import_from_statement',
  'future_import_statement', 'raise_statement', 'assert_statement', 'delete_statement',
  'global_statement', 'nonlocal_statement', 'pass_statement', 'break_statement',
  'continue_statement', 'print_statement', 'exec_statement', 'type_alias_statement',
]);
const COMPOUND = new Set([
  'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement',
  'function_definition', 'class_definition', 'decorated_definition', 'match_statement',
]);

/** An ERROR node that wraps whole statements (tree-sitter's recovery around a broken one). */
export function wrapsStatements(n: Node): boolean {
  return n.isError && n.namedChildren.some((c) => c !== null && (SIMPLE.has(c.type) || COMPOUND.has(c.type)));
}

export function isStatement(n: Node): boolean {
  return SIMPLE.has(n.type) || COMPOUND.has(n.type);
}

const BODY_PARTS = new Set([
  'block', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'case_clause', 'comment',
  'decorator', 'function_definition', 'class_definition',
]);

/** Logical lines as [firstRow, lastRow], split at statement-looking rows where an error sits. */
function logicalLines(rows: Row[], text: string, errorRows: Set<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].newLogical || out.length === 0) out.push([r, r]);
    else out[out.length - 1][1] = r;
  }
  const split: [number, number][] = [];
  for (const [s, e] of out) {
    let hasError = false;
    for (let r = s; r <= e && !hasError; r++) hasError = errorRows.has(r);
    if (s === e || !hasError) {
      split.push([s, e]);
      continue;
    }
    let cur = s;
    for (let r = s + 1; r <= e; r++) {
      const row = rows[r];
      if (row.inString || row.indent > rows[cur].indent) continue;
      if (looksLikeStatementStart(text.slice(row.start, row.end))) {
        split.push([cur, r - 1]);
        cur = r;
      }
    }
    split.push([cur, e]);
  }
  return split;
}

/** Rows touched by ERROR / MISSING nodes. */
function errorRowsOf(root: Node): { rows: Set<number>; nodes: Node[] } {
  const rows = new Set<number>();
  const nodes: Node[] = [];
  const visit = (n: Node): void => {
    if (n.isError || n.isMissing) {
      nodes.push(n);
      for (let r = n.startPosition.row; r <= n.endPosition.row; r++) rows.add(r);
      if (n.isMissing) return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  if (root.hasError) visit(root);
  return { rows, nodes };
}

/** Statement nodes whose extent must stay within one logical line, with the rows they span. */
function offenders(root: Node, lineOf: (row: number) => [number, number], errors: Node[]): Set<[number, number]> {
  const bad = new Set<[number, number]>();
  const check = (n: Node, lastRow: number): void => {
    const line = lineOf(n.startPosition.row);
    if (lastRow > line[1]) bad.add(line);
  };
  const walkBlock = (block: Node): void => {
    for (const c of block.children) {
      if (!c || c.type === 'comment') continue;
      if (c.isError && wrapsStatements(c)) walkBlock(c);
      else if (SIMPLE.has(c.type) || c.isError || !COMPOUND.has(c.type)) check(c, c.endPosition.row);
      else walkCompound(c);
    }
  };
  const walkCompound = (n: Node): void => {
    // The header (everything before the body) is one logical line.
    let headerEnd = n.startPosition.row;
    for (const c of n.children) {
      if (!c) continue;
      if (BODY_PARTS.has(c.type)) {
        if (c.type === 'block') walkBlock(c);
        else if (c.type === 'function_definition' || c.type === 'class_definition') walkCompound(c);
        else walkCompound(c);
      } else headerEnd = Math.max(headerEnd, c.endPosition.row);
    }
    if (n.type !== 'block') check(n, headerEnd);
  };
  walkBlock(root);
  for (const e of errors) if (!wrapsStatements(e)) check(e, e.endPosition.row);
  return bad;
}

/** The logical lines to mask in `text`, whose parse is `root`; empty when nothing spills. */
export function findBrokenLines(text: string, root: Node): BrokenLine[] {
  if (!root.hasError && !spills(root)) return [];
  const { rows, unclosed } = scanLines(text);
  const err = errorRowsOf(root);
  const lines = logicalLines(rows, text, err.rows);
  const byRow: [number, number][] = [];
  for (const l of lines) for (let r = l[0]; r <= l[1]; r++) byRow[r] = l;
  const lineOf = (row: number): [number, number] => byRow[Math.min(row, byRow.length - 1)];
  const bad = offenders(root, lineOf, err.nodes);
  // A bracket left open at the end of the text (typing at the end of a file, or a line whose
  // bracket nothing closes): its logical line is broken whatever shape tree-sitter gave it.
  // A MISSING token alone means tree-sitter recovered cleanly (`def f(x,:` gets its `)`): keep it.
  if (unclosed.length) {
    const row = rows.findIndex((r) => r.end >= unclosed[0].offset);
    const line = row >= 0 ? lineOf(row) : undefined;
    if (line && err.nodes.some((n) => n.isError && n.startPosition.row <= line[1] && n.endPosition.row >= line[0])) bad.add(line);
  }
  const out: BrokenLine[] = [];
  for (const [s, e] of [...bad].sort((a, b) => a[0] - b[0])) {
    const start = rows[s].start + rows[s].indent;
    const end = rows[e].end;
    if (text.slice(start, end).trim() === '') continue;
    out.push({ start, end, loc: { line: s + 1, col: rows[s].indent, endLine: e + 1, endCol: rows[e].end - rows[e].start }, message: describe(text.slice(start, end)) });
  }
  return out;
}

/** Cheap check for a tree without ERROR nodes: does any simple statement cover two rows? */
function spills(root: Node): boolean {
  // Multi-row simple statements are legal (brackets, continuations); only then is the scan needed.
  let multi = false;
  const walk = (n: Node): void => {
    for (const c of n.children) {
      if (!c || multi) return;
      if (SIMPLE.has(c.type)) multi = c.endPosition.row > c.startPosition.row;
      else if (c.type !== 'comment' && c.childCount > 0 && !/^(string|call|argument_list)$/.test(c.type)) walk(c);
    }
  };
  walk(root);
  return multi;
}

function describe(code: string): L10nText {
  const open = unclosedIn(code);
  if (open.length) {
    const ch = open[open.length - 1].ch;
    return { en: `'${ch}' was never closed`, fr: `« ${ch} » n'est jamais refermée` };
  }
  const trimmed = code.replace(/#.*$/gm, '').trimEnd();
  const tail = /(\b(and|or|not|in|is|if|else|lambda)|[-+*/%@&|^=.,:<>~]+)$/.exec(trimmed)?.[0];
  if (tail) return { en: `incomplete line: it ends with '${tail}'`, fr: `ligne incomplète : elle se termine par « ${tail} »` };
  return { en: 'invalid syntax', fr: 'syntaxe invalide' };
}

/**
 * Blank the masked rows (same length, newlines kept) so offsets and columns do not move. The
 * first row becomes `pass` when it fits, so a block whose only statement is broken stays a block;
 * the lowerer turns a `pass` on a masked row back into an `error` statement.
 */
export function maskLines(text: string, bad: BrokenLine[]): string {
  let out = text;
  for (const b of bad) {
    const piece = out.slice(b.start, b.end).replace(/[^\r\n]/g, ' ');
    const nl = piece.search(/[\r\n]/);
    const firstLen = nl === -1 ? piece.length : nl;
    const head = firstLen >= 4 ? 'pass' + piece.slice(4) : piece;
    out = out.slice(0, b.start) + head + out.slice(b.end);
  }
  return out;
}
