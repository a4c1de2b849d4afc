// Notebooks: code cells concatenated with exact line numbers, magics replaced line for line,
// clear errors for what is not a notebook.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotebookError, notebookToSource } from '../../../src/core/parse/notebook';
import { parsePython } from '../../../src/core/parse/python';
import { loadParsers, repoRoot } from '../helpers';
import { st } from './irText';

const nb = (cells: { cell_type: string; source: string | string[] }[], nbformat = 4): string =>
  JSON.stringify({ nbformat, nbformat_minor: 5, metadata: {}, cells: cells.map((c) => ({ ...c, metadata: {}, outputs: [] })) });

describe('notebookToSource', () => {
  before(loadParsers);

  it('joins code cells in order; markdown cells do not count; line numbers are the concatenated ones', () => {
    const { source, cells } = notebookToSource(nb([
      { cell_type: 'markdown', source: ['# Titre\n', 'texte'] },
      { cell_type: 'code', source: ['import numpy as np\n', 'X = np.eye(4)'] },
      { cell_type: 'code', source: 'Q = X @ X\n' },
      { cell_type: 'raw', source: 'ignored' },
      { cell_type: 'code', source: '' },
      { cell_type: 'code', source: ['print(Q)\n', '\n'] },
    ]));
    assert.equal(source, 'import numpy as np\nX = np.eye(4)\nQ = X @ X\nprint(Q)\n\n');
    assert.deepEqual(cells, [
      { index: 1, startLine: 1, lineCount: 2 },
      { index: 2, startLine: 3, lineCount: 1 },
      { index: 4, startLine: 4, lineCount: 0 },
      { index: 5, startLine: 4, lineCount: 2 },
    ]);
    const { program } = parsePython(source);
    assert.deepEqual(program.body.map((s) => s.loc.line), [1, 2, 3, 4]);
  });

  it('replaces magics and shell lines by placeholders of the same line count', () => {
    const { source } = notebookToSource(nb([
      { cell_type: 'code', source: ['%matplotlib inline\n', '!pip install numpy \\\n', '   --quiet\n', 'files = !ls\n', 'np.zeros?\n', 'x = (1\n', '% 2)\n', 's = """\n', '%not a magic\n', '"""\n', 'if True:\n', '    %time y = 2\n'] },
      { cell_type: 'code', source: ['%%bash\n', 'echo "it\'s"\n', 'ls'] },
      { cell_type: 'code', source: ['%%time\n', 'z = 3'] },
    ]));
    assert.deepEqual(source.split('\n'), [
      'pass', 'pass', '', 'files = None', 'pass', 'x = (1', '% 2)', 's = """', '%not a magic', '"""', 'if True:', '    pass',
      '', '', '',
      'pass', 'z = 3', '',
    ]);
    const { program } = parsePython(source);
    assert.deepEqual(program.syntaxErrors, []);
    assert.deepEqual(program.body.map(st).slice(-1), ['z = 3']);
    assert.equal(program.body[program.body.length - 1].loc.line, 17);
  });

  it('reads nbformat 3 worksheets', () => {
    const v3 = JSON.stringify({ nbformat: 3, worksheets: [{ cells: [{ cell_type: 'code', input: ['a = 1\n', 'b = 2'] }, { cell_type: 'markdown', source: 'x' }] }] });
    assert.equal(notebookToSource(v3).source, 'a = 1\nb = 2\n');
  });

  it('reads the TP4 example notebook: as many lines as its code cells', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples/tp4/exercise1.ipynb'), 'utf8');
    const raw = JSON.parse(text) as { cells: { cell_type: string; source: string[] }[] };
    const code = raw.cells.filter((c) => c.cell_type === 'code');
    const { source, cells } = notebookToSource(text);
    assert.equal(cells.length, code.length);
    const expectedLines = code.reduce((n, c) => n + c.source.join('').replace(/\n$/, '').split('\n').length, 0);
    assert.equal(source.split('\n').length - 1, expectedLines);
    assert.deepEqual(parsePython(source).program.syntaxErrors, []);
  });

  it('reports invalid JSON and non-notebooks clearly, in both languages', () => {
    const bad: [string, RegExp][] = [
      ['{"cells": [', /invalid JSON/],
      ['[1, 2]', /top level is not an object/],
      ['{"nbformat": 5, "cells": []}', /unsupported nbformat 5/],
      ['{"nbformat": 4}', /no "cells" list/],
      ['{"nbformat": 4, "cells": [{"source": "x"}]}', /cell 0 has no cell_type/],
      ['{"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}', /cell 0 has no readable source/],
    ];
    for (const [text, re] of bad) {
      assert.throws(() => notebookToSource(text), (e: unknown) => {
        assert.ok(e instanceof NotebookError);
        assert.match(e.message, re);
        assert.ok(e.text.fr.length > 0 && e.text.fr !== e.text.en);
        return true;
      });
    }
  });
});
