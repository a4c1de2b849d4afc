// Every diagnostic code the core can report has an explanation page in English and French
// (src/vscode/diagnosticDocs.ts): the codes are collected from the source itself — the first
// argument of NumpyError / mjsError / fail / valueError, `code: '…'`, the lints' warning(…, '…'),
// the interpreter's info(…, '…') — plus the codes of the Python exceptions the interpreter raises.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_DOCS, docFor } from '../../../src/vscode/diagnosticDocs';
import { PyError } from '../../../src/core/builtins/errors';
import { repoRoot } from '../helpers';

const CORE = path.join(repoRoot, 'src/core');
const PATTERNS = [
  /new NumpyError\(\s*'([a-z0-9-]+)'/g,
  /\b(?:mjsError|fail|valueError)\(\s*'([a-z0-9-]+)'/g,
  /\bcode: '([a-z0-9-]+)'/g,
  /\.info\([^,()]+(?:\([^)]*\))?, '([a-z0-9-]+)'/g,
  /\bwarning\([^,]+, '([a-z0-9-]+)'/g,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function reportedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sources(CORE)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of PATTERNS) for (const m of text.matchAll(re)) if (!codes.has(m[1])) codes.set(m[1], path.relative(repoRoot, file));
    // Python exceptions become `index-error`, `zero-division`, … through PyError.code
    for (const m of text.matchAll(/new PyError\(\s*'([A-Za-z]+)'/g)) codes.set(new PyError(m[1], { en: '', fr: '' }).code, path.relative(repoRoot, file));
    if (text.includes('new Raised(')) codes.set('uncaught-exception', path.relative(repoRoot, file));
  }
  return codes;
}

describe('diagnostic codes: an explanation page for each, in en and fr', function () {
  const codes = reportedCodes();

  it('the scan finds the codes of every part of the core', function () {
    for (const c of ['matmul-mismatch', 'not-elementwise', 'transpose-rank', 'divide-by-matrix', 'singular-matrix', 'ragged-array', 'softmax-axis', 'keepdims-broadcast', 'index-error', 'runtime-warning', 'not-modelled']) {
      assert.ok(codes.has(c), `scan misses ${c}`);
    }
    assert.ok(codes.size >= 90, `only ${codes.size} codes found`);
  });

  it('every reported code has its own page', function () {
    const missing = [...codes].filter(([c]) => !(c in CODE_DOCS)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, []);
  });

  it('every page is written in both languages', function () {
    for (const [code, d] of Object.entries(CODE_DOCS)) {
      assert.ok(d.title.en && d.title.fr, `${code}: title`);
      assert.ok(d.paragraphs.length > 0, `${code}: no paragraph`);
      for (const p of d.paragraphs) {
        assert.ok(p.en.length > 10 && p.fr.length > 10, `${code}: empty paragraph`);
        assert.notEqual(p.en, p.fr, `${code}: French not translated`);
      }
    }
  });

  it('the TypeScript-facing pages say it in mathjs terms too', function () {
    for (const code of ['softmax-axis', 'keepdims-broadcast', 'missing-scale', 'matmul-mismatch', 'not-elementwise', 'divide-by-matrix']) {
      assert.match(docFor(code).paragraphs.map((p) => p.en).join(' '), /math\.[a-z]+/i, `${code} mentions the mathjs call`);
    }
    assert.match(docFor('no-such-code').paragraphs[0].en, /numpy \(or mathjs\)/);
  });
});
