// The Python front end: tree-sitter-python → IR `Program`. Never throws on broken code (the
// normal state of a file being typed): broken lines become `error` statements, are listed in
// `program.syntaxErrors`, and everything around them is still lowered.

import type { Tree } from 'web-tree-sitter';
import type { Program } from '../ir';
import { parserFor } from './treeSitter';
import { LowerContext, locOf } from './pythonContext';
import { lowerBlock } from './pythonStmt';
import { findBrokenLines, maskLines, type BrokenLine } from './pythonRecover';
import { copyTree, SourceLines, SynNode, type SNode } from './pythonSyntax';
import { lowerTops, type PythonParse } from './pythonTops';

export { editFromChange, pointAt } from './pythonEdit';
export type { PythonParse } from './pythonTops';

/** Re-parses after masking broken lines are bounded: each round fixes at least one line. */
const MAX_RECOVERY_ROUNDS = 6;

/**
 * Parse and lower Python source. `oldTree`, already edited with `tree.edit(editFromChange(...))`,
 * makes the parse incremental. The returned `tree` is the parse of `source` as written (keep it
 * for the next edit); lowering may have used a repaired copy where broken lines were blanked.
 */
export function parsePython(source: string, oldTree?: Tree): PythonParse {
  const tree = parserFor('python').parse(source, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree (parser has no language)');
  return lowerPython(source, tree);
}

/** Lower the parse `tree` of `source` (see parsePython). */
export function lowerPython(source: string, tree: Tree): PythonParse {
  const parser = parserFor('python');

  // Tree-sitter's recovery readily glues a half-typed line onto the next ones (`x = np.` +
  // `y = 2` parses as `x = np.y = 2`). Blank such lines (same length, so every offset and
  // column stays valid), re-parse, and lower the repaired tree with those lines as errors.
  let work = tree;
  let text = source;
  let root = rootOf(tree, source);
  const masked: BrokenLine[] = [];
  for (let round = 0; round < MAX_RECOVERY_ROUNDS; round++) {
    const bad = findBrokenLines(text, root);
    if (bad.length === 0) break;
    masked.push(...bad);
    text = maskLines(text, bad);
    const next = parser.parse(text);
    if (work !== tree) work.delete();
    if (!next) break;
    work = next;
    root = rootOf(work, text);
  }

  const ctx = new LowerContext(source);
  for (const m of masked) {
    ctx.error(m.loc, m.message);
    ctx.masked.set(m.loc.line, { text: source.slice(m.start, m.end), loc: m.loc });
  }
  // an error-free module is lowered statement by statement, noting each one's range: the next
  // incremental parse reuses the statements an edit did not touch (see pythonIncremental.ts)
  const tops = !masked.length && root instanceof SynNode ? lowerTops(ctx, root) : undefined;
  const body = tops ? tops.map((t) => t.stmt) : lowerBlock(ctx, root);
  // Masked rows too short to hold a `pass` were not met in any block: list them at top level.
  if (ctx.masked.size) {
    for (const m of ctx.masked.values()) body.push({ k: 'error', ...m });
    body.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  }
  collectSyntaxErrors(ctx, root);
  ctx.syntaxErrors.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  if (work !== tree) work.delete();

  const program: Program = { language: 'python', body, exprCount: ctx.exprCount, syntaxErrors: ctx.syntaxErrors };
  return tops ? { program, tree, tops: { list: tops, source, denseCount: ctx.exprCount } } : { program, tree };
}

/**
 * The root to lower: a plain-JS copy of a tree without errors (one cursor walk, far cheaper than
 * the Node API), web-tree-sitter's own nodes when there are ERROR or MISSING nodes to report.
 */
function rootOf(tree: Tree, text: string): SNode {
  const r = tree.rootNode;
  return r.hasError ? r : copyTree(tree, new SourceLines(text));
}

/** ERROR and MISSING nodes as readable messages (only subtrees flagged `hasError` are visited). */
function collectSyntaxErrors(ctx: LowerContext, root: SNode): void {
  const visit = (n: SNode): void => {
    if (n.isMissing) {
      const what = /^[a-z_]+$/.test(n.type) ? null : n.type;
      ctx.error(locOf(n), what
        ? { en: `expected '${what}'`, fr: `« ${what} » attendu` }
        : { en: 'expected an expression', fr: 'expression attendue' });
      return;
    }
    if (n.isError) {
      const first = n.text.trim().split('\n')[0].slice(0, 40);
      ctx.error(locOf(n), first
        ? { en: `invalid syntax near '${first}'`, fr: `syntaxe invalide près de « ${first} »` }
        : { en: 'invalid syntax', fr: 'syntaxe invalide' });
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  if (root.hasError) visit(root);
}
