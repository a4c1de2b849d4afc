// Every example and every fixture parses without throwing — including the half-typed states an
// editor sees while the student types (every line prefix, and every line cut in the middle).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notebookToSource } from '../../../src/core/parse/notebook';
import { parsePython } from '../../../src/core/parse/python';
import { parserFor } from '../../../src/core/parse/treeSitter';
import { loadParsers } from '../helpers';
import { root } from './run';

function filesUnder(dir: string, exts: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.includes(path.extname(f)))
    .map((f) => path.join(dir, f))
    .sort();
}


/** Every prefix at a line end, and every line cut at its middle: what an editor holds mid-keystroke. */
function halfTyped(source: string): string[] {
  const lines = source.split('\n');
  const out: string[] = [];
  for (let i = 1; i <= lines.length; i++) {
    const before = lines.slice(0, i - 1).join('\n');
    const line = lines[i - 1];
    out.push(lines.slice(0, i).join('\n'));
    if (line.length > 2) out.push(`${before}${i > 1 ? '\n' : ''}${line.slice(0, Math.ceil(line.length / 2))}`);
  }
  return out;
}

const corpus = [
  ...filesUnder(path.join(root, 'examples'), ['.py', '.ts', '.ipynb']),
  ...filesUnder(path.join(root, 'test', 'fixtures'), ['.py', '.ts', '.ipynb']),
];

describe('parse: the examples and fixtures corpus', function () {
  this.timeout(120_000);
  before(loadParsers);

  it('has the examples every engineer relies on', () => {
    for (const rel of ['tp4/exercise1.py', 'tp4/exercise2.py', 'tp4/bonus_lune.py', 'exam/transformer_I2.py', 'optim/adam_step.py', 'ts/attention.ts', 'tp4/exercise1.ipynb']) {
      assert.ok(corpus.includes(path.join(root, 'examples', rel)), rel);
    }
    assert.ok(corpus.filter((f) => f.includes(`${path.sep}buggy${path.sep}`)).length >= 5, 'buggy examples');
  });

  for (const file of corpus) {
    const rel = path.relative(root, file);
    it(`${rel}: whole file and every half-typed state`, () => {
      const ts = file.endsWith('.ts');
      const source = file.endsWith('.ipynb') ? notebookToSource(fs.readFileSync(file, 'utf8')).source : fs.readFileSync(file, 'utf8');
      const parse = (text: string) => {
        if (ts) return parserFor('typescript').parse(text);
        return parsePython(text).program;
      };
      const whole = parse(source);
      assert.ok(whole, 'parsed');
      if (!ts && rel.startsWith('examples')) {
        const program = whole as ReturnType<typeof parsePython>['program'];
        assert.ok(program.body.length > 0, 'statements lowered');
        assert.deepEqual(program.syntaxErrors, [], 'a correct file has no syntax error');
      }
      for (const prefix of halfTyped(source)) {
        assert.doesNotThrow(() => parse(prefix), `prefix of ${prefix.length} chars`);
      }
    });
  }
});
