// The plain-JavaScript copy of tree-sitter's tree that the Python lowering reads: node for node it
// must equal web-tree-sitter's own nodes (type, field, range, text), including the parent ranges
// the copy derives from its children instead of asking wasm. The reference is tree-sitter itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { copyTree, SourceLines, type SynNode } from '../../../src/core/parse/pythonSyntax';
import { parserFor } from '../../../src/core/parse/treeSitter';
import { numpyProgram } from '../../bench/run.numpy1000';
import { loadParsers, repoRoot } from '../helpers';

/** Walk both trees together; the first difference is reported with its path of node types. */
function compare(copy: SynNode, node: Node, where: string): void {
  const at = `${where}/${node.type}@${node.startIndex}`;
  assert.equal(copy.type, node.type, at);
  assert.equal(copy.isNamed, node.isNamed, at);
  assert.equal(copy.startIndex, node.startIndex, `${at} start`);
  assert.equal(copy.endIndex, node.endIndex, `${at} end`);
  assert.deepEqual(copy.startPosition, node.startPosition, `${at} start position`);
  assert.deepEqual(copy.endPosition, node.endPosition, `${at} end position`);
  assert.equal(copy.childCount, node.childCount, `${at} child count`);
  for (let i = 0; i < node.childCount; i++) {
    const field = node.fieldNameForChild(i);
    const kid = node.child(i)!;
    if (field) assert.ok(copy.childrenForFieldName(field).includes(copy.children[i]), `${at} field ${field} of child ${i}`);
    compare(copy.children[i], kid, at);
  }
}

function check(source: string, name: string): number {
  const tree = parserFor('python').parse(source)!;
  try {
    assert.equal(tree.rootNode.hasError, false, `${name} parses without errors`);
    const copy = copyTree(tree, new SourceLines(source));
    compare(copy, tree.rootNode, name);
    assert.equal(copy.text, source.slice(tree.rootNode.startIndex, tree.rootNode.endIndex));
    return tree.rootNode.descendantCount;
  } finally {
    tree.delete();
  }
}

describe('copyTree: the lowering\'s copy of the syntax tree equals tree-sitter\'s', () => {
  before(loadParsers);

  it('every node of every error-free Python fixture and of the 1,000-line bench program', () => {
    const dir = path.join(repoRoot, 'test/fixtures/python');
    let nodes = 0;
    let files = 0;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.py'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const tree = parserFor('python').parse(src)!;
      const ok = !tree.rootNode.hasError;
      tree.delete();
      if (!ok) continue;
      nodes += check(src, f);
      files++;
    }
    nodes += check(numpyProgram(1000), 'bench');
    assert.ok(files >= 20 && nodes > 10000, `${files} files, ${nodes} nodes compared`);
  });

  it('ranges that are not their children\'s at first sight: comments, blank lines, CRLF, non-ASCII, line continuations', () => {
    const src = '# tête\r\nx = (1 +  # un\r\n     2)\r\n\r\n\r\nif x:\r\n    y = "é" \\\r\n        + "\\u00e9"\r\n    # fin\r\n\r\nz = [ ]  \r\n';
    check(src, 'edge cases');
    check('def f(a, /, *, b=1):\n    """doc"""\n    return a\n\n\n@dec\nclass C:\n    pass\n', 'defs');
    check('', 'empty');
    check('   \n# only a comment', 'comment only');
  });
});
