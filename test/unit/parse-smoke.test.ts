import * as assert from 'node:assert/strict';
import { parserFor } from '../../src/core/parse/treeSitter';
import { loadParsers } from './helpers';

describe('tree-sitter loading', () => {
  before(loadParsers);
  it('parses Python and TypeScript', () => {
    const py = parserFor('python').parse('Q = X @ W_Q\n');
    assert.equal(py?.rootNode.child(0)?.child(0)?.type, 'assignment');
    const ts = parserFor('typescript').parse('const Q = math.multiply(X, W_Q);\n');
    assert.equal(ts?.rootNode.child(0)?.type, 'lexical_declaration');
  });
});
