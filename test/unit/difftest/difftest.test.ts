// A committed differential run: 40 programs made by test/difftest/gen.py (seed 11), with what numpy
// 1.24 produced when it ran them, frozen in corpus.json (no numpy needed here). Every program is
// traced and judged as run.mjs judges it: no hard disagreement is allowed. Refreeze with
//   node test/difftest/run.mjs --seed 11 --count 40 --freeze test/unit/difftest/corpus.json
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { checkProgram, SOFT_KINDS, type ManifestEntry, type OracleResult } from '../../difftest/check';
import { loadParsers } from '../helpers';

interface Corpus {
  seed: number;
  count: number;
  programs: { entry: ManifestEntry; source: string; numpy: OracleResult }[];
}

const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, 'corpus.json'), 'utf8')) as Corpus;

describe('difftest: generated programs against numpy (frozen corpus)', function () {
  before(async function () {
    await loadParsers();
  });

  it('is the corpus the generator describes: seeded programs, some raising on a known line', function () {
    assert.equal(corpus.programs.length, corpus.count);
    const raising = corpus.programs.filter((p) => p.entry.raise);
    assert.ok(raising.length >= 4 && raising.length < corpus.count, `${raising.length} raising programs`);
    for (const p of raising) {
      assert.equal(p.numpy.status, 'exception', p.entry.file);
      assert.equal(p.numpy.exception?.line, p.entry.raise!.line, p.entry.file);
      assert.match(p.source.split('\n')[0], /^# expect: [a-z-]+ line \d+$/);
    }
    const compared = corpus.programs.reduce((n, p) => n + p.numpy.pairs.length, 0);
    assert.ok(compared > 20 * corpus.count, `only ${compared} bindings to compare`);
  });

  for (const p of corpus.programs) {
    it(`${p.entry.file}${p.entry.raise ? ` (raises: ${p.entry.raise.code} line ${p.entry.raise.line})` : ''}`, function () {
      const tr = analyze(p.source, 'python', { budgetMs: 20000 });
      const hard = checkProgram(p.source, p.entry, p.numpy, tr).filter((d) => !SOFT_KINDS.has(d.kind));
      assert.deepEqual(hard.map((d) => `line ${d.line} ${d.name ?? ''} [${d.kind}] ${d.source}: ${d.text}`), []);
    });
  }
});

describe('difftest: the judge itself', function () {
  before(async function () {
    await loadParsers();
  });
  const p = corpus.programs.find((x) => !x.entry.raise && x.numpy.pairs.some((q) => q.observations.some((o) => Array.isArray(o.value))))!;

  it('reports a value numpy disagrees with', function () {
    const numpy = structuredClone(p.numpy);
    const pair = numpy.pairs.find((q) => q.observations.length === 1 && Array.isArray(q.observations[0].value))!;
    const bump = (v: unknown): unknown => (Array.isArray(v) ? v.map(bump) : typeof v === 'number' ? v + 1 : v);
    pair.observations[0].value = bump(pair.observations[0].value);
    const ds = checkProgram(p.source, p.entry, numpy, analyze(p.source, 'python', { budgetMs: 20000 }));
    assert.ok(ds.some((d) => d.kind === 'value wrong' && d.line === pair.line), JSON.stringify(ds));
  });

  it('reports a missing error where numpy raised, and a false error where it did not', function () {
    const entry = { ...p.entry, raise: { line: p.numpy.pairs[p.numpy.pairs.length - 1].line, code: 'matmul-mismatch' } };
    const numpy = { ...p.numpy, status: 'exception' as const, exception: { type: 'ValueError', message: 'x', line: entry.raise.line, stack_lines: [entry.raise.line] } };
    const ds = checkProgram(p.source, entry, numpy, analyze(p.source, 'python', { budgetMs: 20000 }));
    assert.ok(ds.some((d) => d.kind === 'missing error' && d.line === entry.raise.line), JSON.stringify(ds));
    const bad = p.source.replace(/\n$/, '') + '\nzz_bad = np.ones((2, 3)) @ np.ones((2, 3))\n';
    const ds2 = checkProgram(bad, p.entry, p.numpy, analyze(bad, 'python', { budgetMs: 20000 }));
    assert.ok(ds2.some((d) => d.kind === 'false error' && d.source.startsWith('zz_bad')), JSON.stringify(ds2));
  });
});
