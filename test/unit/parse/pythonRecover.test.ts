// Broken, half-typed Python (the normal state of a file in an editor): never a throw, the
// broken line reported, everything around it still lowered; and incremental re-parses that
// agree with fresh parses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { editFromChange, parsePython } from '../../../src/core/parse/python';
import type { Stmt } from '../../../src/core/ir';
import { loadParsers, repoRoot } from '../helpers';
import { allExprs, st } from './irText';

const REALISTIC = fs.readFileSync(path.join(repoRoot, 'test/fixtures/python/tp4_ex2_multihead.py'), 'utf8');

function lowered(src: string): { body: string[]; errors: string[] } {
  const { program } = parsePython(src);
  return { body: program.body.map(st), errors: program.syntaxErrors.map((e) => `${e.loc.line}: ${e.message}`) };
}

/** Structural sanity of any lowering: dense ids, locations inside the text. */
function checkWellFormed(src: string, body: Stmt[], exprCount: number): void {
  const exprs = allExprs(body);
  const ids = exprs.map((e) => e.id).sort((a, b) => a - b);
  assert.deepEqual(ids, Array.from({ length: exprCount }, (_, i) => i), 'ids dense and unique');
  const lines = src.split('\n');
  for (const e of exprs) {
    const { line, col, endLine, endCol } = e.loc;
    assert.ok(line >= 1 && endLine <= lines.length && (line < endLine || (line === endLine && col <= endCol)), `bad loc ${JSON.stringify(e.loc)}`);
    assert.ok(col <= lines[line - 1].length && endCol <= lines[endLine - 1].length, `loc past end of line ${JSON.stringify(e.loc)}`);
  }
}

describe('parsePython: broken code', () => {
  before(loadParsers);

  const cases: [string, string, string[], string[]][] = [
    ['unclosed call before two good lines', 'import numpy as np\nX = np.zeros((3,\nY = X @ X\nprint(Y)\n',
      ['import numpy as np', '<error "X = np.zeros((3,">', 'Y = (@ X X)', '(call print Y)'], ["2: '(' was never closed"]],
    ['dangling operator', 'a = 1\nb = a +\nc = 2\n', ['a = 1', '<error "b = a +">', 'c = 2'], ["2: incomplete line: it ends with '+'"]],
    ['attribute being typed (tree-sitter alone reads `x = np.y = 2`)', 'x = np.\ny = 2\n', ['<error "x = np.">', 'y = 2'], ["1: incomplete line: it ends with '.'"]],
    ['half-typed line inside a function body', 'def g():\n    x = Q @ K.\n    y = 2\nz = 1\n',
      ['def g() {<error "x = Q @ K.">; y = 2}', 'z = 1'], ["2: incomplete line: it ends with '.'"]],
    ['for header being typed', 'a = 1\nfor i in\nc = 3\n', ['a = 1', '<error "for i in">', 'c = 3'], ["2: incomplete line: it ends with 'in'"]],
    ['broken if condition keeps its body', 'if a ==:\n    b = 2\nc = 3\n', ['if (unsupported "a ==") {b = 2}', 'c = 3'], ["1: invalid syntax near '=='"]],
    ['missing parenthesis in a def header', 'def f(x,:\n    return x\ny = f(2)\n', ['def f(x) {return x}', 'y = (call f 2)'], ["1: expected ')'"]],
    ['unclosed list', 'x = [1, 2\ny = 3\n', ['<error "x = [1, 2">', 'y = 3'], ["1: '[' was never closed"]],
    ['double equals', 'x = = 2\ny = 1\n', ['x = (unsupported "= 2")', 'y = 1'], ["1: invalid syntax near '='"]],
  ];
  for (const [title, src, body, errors] of cases) {
    it(title, () => {
      const got = lowered(src);
      assert.deepEqual(got.body, body);
      assert.deepEqual(got.errors, errors);
      const { program } = parsePython(src);
      checkWellFormed(src, program.body, program.exprCount);
    });
  }

  it('every syntax error has both languages', () => {
    const { program } = parsePython('x = [1, 2\ny = a +\nif b ==:\n  pass\n');
    assert.ok(program.syntaxErrors.length >= 3);
    for (const e of program.syntaxErrors) {
      assert.equal(e.l10n?.en, e.message);
      assert.ok(e.l10n?.fr && e.l10n.fr !== e.l10n.en, `French text for ${e.message}`);
    }
  });

  it('every prefix of a realistic program (cut at every line and mid-line) lowers without throwing', () => {
    const full = parsePython(REALISTIC).program;
    assert.deepEqual(full.syntaxErrors, []);
    const lineStarts = [0];
    for (let i = 0; i < REALISTIC.length; i++) if (REALISTIC[i] === '\n') lineStarts.push(i + 1);
    const cuts = new Set<number>();
    for (const s of lineStarts) {
      cuts.add(s);
      const end = REALISTIC.indexOf('\n', s);
      const len = (end === -1 ? REALISTIC.length : end) - s;
      for (const f of [0.25, 0.5, 0.75]) cuts.add(s + Math.floor(len * f));
      if (len > 0) cuts.add(s + len - 1);
    }
    for (const cut of cuts) {
      const src = REALISTIC.slice(0, cut);
      const { program } = parsePython(src);
      checkWellFormed(src, program.body, program.exprCount);
      // Statements that end before the cut's line are lowered exactly as in the whole program.
      const cutLine = src.split('\n').length;
      const done = full.body.filter((s) => s.loc.endLine < cutLine - 1);
      assert.deepEqual(program.body.slice(0, done.length).map(st), done.map(st), `prefix cut at offset ${cut}`);
    }
  });

  it('arbitrary deletions never throw and keep ids dense (property)', () => {
    fc.assert(
      fc.property(fc.nat(REALISTIC.length), fc.nat(40), (start, len) => {
        const src = REALISTIC.slice(0, start) + REALISTIC.slice(Math.min(REALISTIC.length, start + len));
        const { program } = parsePython(src);
        checkWellFormed(src, program.body, program.exprCount);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('parsePython: incremental parsing', () => {
  before(loadParsers);

  it('editFromChange + tree.edit re-parses to the same program as a fresh parse (property)', () => {
    const alphabet = ['(', ')', ':', ' ', '\n', 'x', '=', '.', 'è', '😀', ',', '[', '@', '    ', 'np', '"'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.array(fc.constantFrom(...alphabet), { maxLength: 4 })), { minLength: 1, maxLength: 8 }),
        (edits) => {
          let text = REALISTIC.replace('Le soleil', 'Le soleil ☀');
          let { tree } = parsePython(text);
          for (const [at, del, ins] of edits) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + del);
            const inserted = ins.join('');
            tree.edit(editFromChange(text, start, end, inserted));
            text = text.slice(0, start) + inserted + text.slice(end);
            const inc = parsePython(text, tree);
            const fresh = parsePython(text);
            assert.equal(inc.tree.rootNode.toString(), fresh.tree.rootNode.toString());
            assert.deepEqual(inc.program, fresh.program);
            tree = inc.tree;
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('editFromChange computes positions in UTF-16 code units across lines', () => {
    const e = editFromChange('a = "è"\nb = 1\n', 6, 9, 'xy\nz😀');
    assert.deepEqual([e.startIndex, e.oldEndIndex, e.newEndIndex], [6, 9, 12]);
    assert.deepEqual(e.startPosition, { row: 0, column: 6 });
    assert.deepEqual(e.oldEndPosition, { row: 1, column: 1 });
    assert.deepEqual(e.newEndPosition, { row: 1, column: 3 });
    assert.throws(() => editFromChange('abc', 2, 1, ''), RangeError);
  });
});
