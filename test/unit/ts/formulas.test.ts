// The formulas of the course recognised in TypeScript (through src/core/formulas/tsDesugar.ts):
// for each fixture, the kind expected on the line that starts with a given text, and no
// silent-bug warning on the correct programs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { loadParsers, repoRoot } from '../helpers';

const DIR = path.join(repoRoot, 'test/fixtures/typescript');

/** fixture → [kind, the trimmed text the line starts with] */
const EXPECT: Record<string, [string, string][]> = {
  'mathjs_attention.ts': [
    ['scaled-scores', 'const scores = math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(dK))'],
    ['softmax', 'return exps.map((e) => e / total)'],
    ['softmax', 'const weights = scores.map((row) => softmaxRow(row))'],
    ['attention', 'const output = math.multiply(weights, V)'],
  ],
  'plain_attention.ts': [
    ['softmax', 'return S.map((row) => {'],
    ['scaled-scores', 'const scores = matmul(Q, transpose(K))'],
    ['softmax', 'const weights = softmaxRows(scores)'],
    ['attention', 'const out = matmul(weights, V)'],
  ],
  'multihead_pe.ts': [
    ['positional-encoding', 'const PE = Array.from('],
    ['scaled-scores', 'const S = math.divide('],
    ['softmax', 'const A = S.map((r) => {'],
    ['multi-head-attention', 'const concat = math.concat(heads[0], heads[1])'],
  ],
  'multihead_push.ts': [
    ['positional-encoding', 'const PE = Array.from('],
    ['attention', 'heads.push(math.multiply(weights, V))'],
    ['multi-head-attention', 'const concat = math.concat(...heads)'],
  ],
  'mathjs_norm_subset_map.ts': [['scaled-scores', 'const S = math.divide(math.multiply(Q, math.transpose(K)), Math.sqrt(2))']],
  'adam_functional.ts': [['adam-step', 'const mNew = m.map((mi, i) => beta1 * mi']],
  'positional_encoding.ts': [
    ['positional-encoding', 'const PE: number[][] = Array.from('],
    ['positional-encoding', 'row[2 * i] = Math.sin(angle)'],
  ],
  'adam_numbers.ts': [
    ['adam-step', 'const mNew = m.map((mi, i) => beta1 * mi'],
    ['adam-step', 'm = math.add(math.multiply(beta1, m)'],
  ],
  'layer_norm.ts': [['layer-norm', 'return x.map((row) => {']],
  'activations_cosine.ts': [
    ['relu', 'const relu = '],
    ['sigmoid', 'const sigmoid = '],
    ['gelu', 'const gelu = '],
    ['cosine-similarity', 'const cosine = '],
  ],
  'embeddings_ce.ts': [
    ['softmax', 'const probs = logits.map((row) => {'],
    ['cross-entropy', 'const losses = probs.map((p, t) => -Math.log(p[targets[t]]))'],
  ],
};

describe('TypeScript: formulas recognised for explain / CodeLens', function () {
  before(async function () {
    await loadParsers();
  });

  for (const [file, expected] of Object.entries(EXPECT)) {
    it(file, function () {
      const source = fs.readFileSync(path.join(DIR, file), 'utf8');
      const lines = source.split('\n');
      const t = analyze(source, 'typescript', { budgetMs: 20000 });
      for (const [kind, prefix] of expected) {
        const line = lines.findIndex((l) => l.trim().startsWith(prefix)) + 1;
        assert.ok(line > 0, `fixture line "${prefix}"`);
        const found = t.formulas.filter((f) => f.line === line).map((f) => f.kind);
        assert.ok(found.includes(kind as never), `${kind} on line ${line} (${prefix}); found there: ${found.join(', ') || 'nothing'}`);
      }
      const warnings = t.diagnostics.filter((d) => d.severity === 'warning');
      assert.deepEqual(warnings.map((d) => `${d.code}@${d.loc.line}`), [], 'no silent-bug warning on a correct program');
    });
  }

  it('the attention operands point at Q, K, V of the program', function () {
    const source = fs.readFileSync(path.join(DIR, 'mathjs_attention.ts'), 'utf8');
    const t = analyze(source, 'typescript', { budgetMs: 20000 });
    const site = t.formulas.find((f) => f.kind === 'attention');
    assert.ok(site);
    const names = ['Q', 'K', 'V'].map((k) => (site.operands[k] as { k: string; name?: string } | undefined)?.name);
    assert.deepEqual(names, ['Q', 'K', 'V']);
    assert.equal(site.facts.scaled, true);
  });
});
