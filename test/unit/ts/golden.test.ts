// Proof of the TypeScript tracer: every fixture of test/fixtures/typescript is traced statically
// and every binding is compared with what node (with mathjs) really produced when the program
// ran (goldens made by scripts/ts-goldens.mjs from test/oracle/ts_oracle.cjs): shape, dtype,
// column, and values within rel 1e-12. Buggy fixtures must have their error on the right line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import type { Binding } from '../../../src/core/types';
import { loadParsers, repoRoot } from '../helpers';
import { compareBinding, fixtureList, jsonOfValue, type GoldenFile, type GoldenPair } from '../fixtures/goldenCompare';
import { comparableValue, valuesClose } from './values';

const FIXTURES = path.join(repoRoot, 'test/fixtures/typescript');
const RUNTIME = new Set(['matmul-mismatch', 'broadcast-mismatch', 'reshape-size', 'axis-out-of-range', 'concat-mismatch', 'not-elementwise', 'index-out-of-range', 'transpose-rank', 'divide-by-matrix', 'singular-matrix', 'ragged-array', 'linalg-square', 'linalg-dims', 'norm-order']);
const REL = 1e-12;



/** The TS oracle gives UTF-16 columns; goldenCompare expects numpy's UTF-8 byte columns. */
function asByteColumns(pair: GoldenPair, line: string): GoldenPair {
  return { ...pair, col: Buffer.byteLength(line.slice(0, pair.col), 'utf8') };
}

describe('TypeScript fixtures: our trace against node goldens', function () {
  before(async function () {
    await loadParsers();
  });

  it('the corpus has at least 12 correct and 4 buggy programs', function () {
    const all = fixtureList(FIXTURES, '.ts');
    assert.ok(all.filter((f) => !f.rel.startsWith('buggy')).length >= 12);
    assert.ok(all.filter((f) => f.rel.startsWith('buggy')).length >= 4);
  });

  for (const fx of fixtureList(FIXTURES, '.ts')) {
    it(fx.rel, function () {
      assert.ok(fs.existsSync(fx.golden), `no golden for ${fx.rel}: run node scripts/ts-goldens.mjs`);
      const source = fs.readFileSync(fx.file, 'utf8');
      const golden = JSON.parse(fs.readFileSync(fx.golden, 'utf8')) as GoldenFile;
      const expect = /^\/\/\s*expect:\s*([a-z-]+)\s+line\s+(\d+)/.exec(source.split('\n')[0]);
      const result = analyze(source, 'typescript', { budgetMs: 20000 });
      const lines = source.split('\n');
      const problems: string[] = [];

      const byKey = new Map<string, Binding>();
      for (const b of result.bindings) if (!byKey.has(`${b.loc.line}:${b.name}`)) byKey.set(`${b.loc.line}:${b.name}`, b);
      let valuesChecked = 0;
      for (const pair of golden.pairs) {
        const ours = byKey.get(`${pair.line}:${pair.name}`);
        const line = lines[pair.line - 1] ?? '';
        const comparable = ours && { ...ours, value: comparableValue(ours.value) };
        for (const p of compareBinding(asByteColumns(pair, line), comparable, line)) problems.push(`line ${pair.line} ${pair.name}: ${p.text}`);
        // the stricter value check of the task: node's numbers to rel 1e-12
        const mine = jsonOfValue(comparable?.value);
        const seen = pair.observations.filter((o) => 'value' in o);
        if (mine !== undefined && pair.n_distinct === 1 && seen.length === 1) {
          valuesChecked++;
          if (!valuesClose(mine, seen[0].value, REL)) problems.push(`line ${pair.line} ${pair.name}: value ${JSON.stringify(mine).slice(0, 80)} vs node ${JSON.stringify(seen[0].value).slice(0, 80)}`);
        }
      }
      if (!expect && golden.pairs.some((p) => p.n_distinct === 1 && p.observations.some((o) => 'value' in o))) {
        assert.ok(valuesChecked > 0, `${fx.rel}: no value was determined at all`);
      }

      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (expect) {
        const [, code, line] = expect;
        const severity = RUNTIME.has(code) ? 'error' : 'warning';
        const hit = result.diagnostics.find((d) => d.code === code && d.loc.line === Number(line));
        if (!hit) problems.push(`expected ${severity} ${code} on line ${line}; diagnostics: ${result.diagnostics.map((d) => `${d.code}@${d.loc.line}`).join(', ') || 'none'}`);
        else if (hit.severity !== severity) problems.push(`${code} on line ${line} should be a ${severity}, is a ${hit.severity}`);
        for (const e of errors) if (!(e.code === code && e.loc.line === Number(line))) problems.push(`unexpected error ${e.code} on line ${e.loc.line}: ${e.message.en}`);
        if (severity === 'error') assert.equal(golden.exception?.line, Number(line), 'node threw on another line than the header says');
      } else {
        for (const e of errors) problems.push(`false error on a correct program: ${e.code} line ${e.loc.line}: ${e.message.en}`);
        assert.equal(golden.status, 'ok', `node threw ${golden.exception?.type} (fixture is broken)`);
      }
      assert.deepEqual(problems, [], `${fx.rel}: ${problems.length} disagreement(s) with node`);
    });
  }
});
