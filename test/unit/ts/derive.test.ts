// Derivations of the formulas recognised in TypeScript equal node's values: Adam written
// functionally (thetaNew = theta.map(…)) gives node's thetaNew of the first call, and heads pushed
// into a list then joined with math.concat give node's concatenation (goldens made by
// scripts/ts-goldens.mjs from test/oracle/ts_oracle.cjs, never from our own output).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { deriveSite } from '../../../src/core/derive/site';
import type { Value } from '../../../src/core/values';
import { loadParsers, repoRoot } from '../helpers';
import { valuesClose } from './values';

const DIR = path.join(repoRoot, 'test/fixtures/typescript');

interface Golden { pairs: { line: number; name: string; observations: { value?: unknown }[] }[] }

/** node's value of `name` assigned on the line starting with `prefix` (its first observation). */
function nodeValue(file: string, prefix: string, name: string): unknown {
  const lines = fs.readFileSync(path.join(DIR, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.trim().startsWith(prefix)) + 1;
  assert.ok(line > 0, prefix);
  const golden = JSON.parse(fs.readFileSync(path.join(DIR, 'golden', file.replace(/\.ts$/, '.json')), 'utf8')) as Golden;
  const pair = golden.pairs.find((p) => p.line === line && p.name === name);
  assert.ok(pair && 'value' in pair.observations[0], `node recorded ${name} on line ${line}`);
  return pair.observations[0].value;
}

function nested(v: Value): unknown {
  assert.ok(v.kind === 'array' && v.data && v.shape, 'the derivation has a determined array result');
  const shape = v.shape as number[];
  let i = 0;
  const build = (axis: number): unknown => (axis === shape.length ? v.data![i++] : Array.from({ length: shape[axis] }, () => build(axis + 1)));
  return build(0);
}

function derive(file: string, kind: string, linePrefix: string) {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');
  const line = source.split('\n').findIndex((l) => l.trim().startsWith(linePrefix)) + 1;
  const t = analyze(source, 'typescript', { budgetMs: 20000 });
  const site = t.formulas.find((f) => f.kind === kind && f.line === line);
  assert.ok(site, `${kind} on line ${line} of ${file}; found ${t.formulas.map((f) => `${f.kind}@${f.line}`).join(', ')}`);
  const d = deriveSite(t, site);
  assert.ok(d, 'derived');
  return { d, site };
}

describe('TypeScript: derivations equal node', function () {
  before(async function () {
    await loadParsers();
  });

  for (const file of ['adam_functional.ts', 'adam_numbers.ts']) {
    it(`${file}: functional Adam block m → v → m̂ → v̂ → θ derives node's thetaNew`, function () {
      const { d, site } = derive(file, 'adam-step', 'const mNew = m.map(');
      assert.equal(site.loc.endLine - site.loc.line, 4, 'the site spans the five lines of the step');
      assert.ok(d.steps.length >= 5, 'a step per operation');
      const want = nodeValue(file, 'const thetaNew', 'thetaNew');
      assert.ok(valuesClose(nested(d.result), want, 1e-12), `${JSON.stringify(nested(d.result))} vs node ${JSON.stringify(want)}`);
    });
  }

  for (const [file, prefix] of [['multihead_push.ts', 'const concat = math.concat(...heads)'], ['multihead_pe.ts', 'const concat = math.concat(heads[0], heads[1])']]) {
    it(`${file}: the heads' concatenation is node's concat, one head per step`, function () {
      const { d } = derive(file, 'multi-head-attention', prefix);
      assert.ok(d.steps.filter((s) => /head/i.test(s.title.en)).length >= 2, 'each head shown');
      const want = nodeValue(file, prefix, 'concat') as number[][];
      assert.deepEqual([want.length, want[0].length], [7, 6]);
      assert.ok(valuesClose(nested(d.result), want, 1e-12));
    });
  }
});
