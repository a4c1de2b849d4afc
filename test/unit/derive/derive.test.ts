// Derivations of every recognised formula on the traced fixtures: the result equals numpy's
// value (goldens) and the tracer's, every step renders in KaTeX, explainCell agrees with the
// result, heatmaps carry the sentence's words, and the CLI JSON has the contract's shape.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadParsers, repoRoot } from '../helpers';
import { explainCell, explainJson, explainLine, explainSelection, evalJson } from '../../../src/core/explain';
import { recognizeFormulas } from '../../../src/core/formulas/index';
import { Tensor } from '../../../src/core/engine/tensor';
import type { Derivation } from '../../../src/core/types';
import { FIXTURE_NAMES, fixture } from '../formulas/fixtures';
import { collectSteps, collectTex, itRendersAllTex } from '../engine/katex';

const decode = (x: unknown): unknown => (Array.isArray(x) ? x.map(decode) : typeof x === 'string' ? Number(x) : x);

function close(actual: Float64Array, expected: ArrayLike<number>, what: string, rel = 1e-12): void {
  assert.equal(actual.length, expected.length, `${what}: size`);
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i], a = actual[i];
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), what);
    else if (!Number.isFinite(e)) assert.equal(a, e, what);
    else assert.ok(Math.abs(a - e) <= rel * Math.abs(e) + 1e-14, `${what}[${i}]: ${a} vs ${e}`);
  }
}

function resultData(d: Derivation): Float64Array {
  const t = Tensor.fromValue(d.result);
  assert.ok(t, `${d.formula} at ${d.line}: the result has no value`);
  return t.data;
}

const MULTI_LINE = new Set(['adam-step', 'momentum-step', 'positional-encoding']);

describe('derivations', () => {
  before(loadParsers);
  for (const name of FIXTURE_NAMES.filter((n) => n !== 'correct_no_lints.py' && n !== 'buggy_lints.py')) {
    it(`derives every formula of ${name} to numpy's value`, () => {
      const f = fixture(name);
      const sites = recognizeFormulas(f.trace);
      for (const [line, kind] of f.formulas) {
        const d = explainLine(f.trace, line);
        assert.ok(d, `no derivation at ${line}`);
        assert.equal(d.formula, kind);
        assert.ok(d.steps.length > 0, `${kind} at ${line}: no step`);
        collectTex(d.general, `${name}:${line} general`);
        collectSteps(d.steps, `${name}:${line}`);
        const site = sites.find((s) => s.line === line && s.kind === kind)!;
        const g = f.golden.lines[String(line)];
        // a table filled over several lines or loop iterations is compared with its final value
        const filled = MULTI_LINE.has(kind) || site.facts.form === 'row-loop' || site.facts.entryLoop === true;
        const expected = filled ? f.golden.finals[site.target!] : g?.value;
        if (expected === undefined) continue;
        const want = Tensor.fromNested(decode(expected));
        close(resultData(d), want.data, `${name}:${line} ${kind} vs numpy`);
      }
    });
  }
  it('equals the value the tracer computed for that binding', () => {
    let compared = 0;
    for (const name of ['attention_forms.py', 'layers_and_metrics.py']) {
      const f = fixture(name);
      for (const site of recognizeFormulas(f.trace)) {
        const b = f.trace.bindings.find((x) => x.loc.line === site.line && x.name === site.target && x.value);
        const d = explainLine(f.trace, site.line);
        const traced = b && Tensor.fromValue(b.value);
        if (!d || !traced || d.formula !== site.kind) continue;
        close(resultData(d), traced.data, `${name}:${site.line} vs tracer`);
        compared++;
      }
    }
    assert.ok(compared >= 10, `compared ${compared}`);
  });
  it('explainCell redoes single entries with the same numbers', () => {
    const f = fixture('attention_forms.py');
    for (const line of [16, 19, 20, 17]) {
      const d = explainLine(f.trace, line)!;
      const data = resultData(d);
      for (const idx of [[0, 0], [1, 1], [2, 0], [3, 1]]) {
        const c = explainCell(d, idx);
        assert.ok(c, `${d.formula} ${idx}`);
        const flat = idx[0] * ((Tensor.fromValue(d.result)!.shape[1]) as number) + idx[1];
        assert.ok(Math.abs(c.value - data[flat]) <= 1e-12 * Math.abs(data[flat]) + 1e-15, `${d.formula}${idx}: ${c.value} vs ${data[flat]}`);
        collectSteps(c.steps, `cell ${d.formula} ${idx}`);
      }
      assert.equal(explainCell(d, [9, 9]), undefined, 'out of range');
    }
  });
  it('labels the attention heatmap of TP4 exercise 1 with the words of "Le chat noir dort."', () => {
    const f = fixture('exercise1.py', path.join(repoRoot, 'examples', 'tp4'));
    const line = f.source.split('\n').findIndex((l) => l.startsWith('sortie =')) + 1;
    const d = explainLine(f.trace, line)!;
    assert.equal(d.formula, 'attention');
    assert.deepEqual(d.heatmaps[0].rowLabels, ['Le', 'chat', 'noir', 'dort']);
    assert.deepEqual(d.heatmaps[0].colLabels, ['Le', 'chat', 'noir', 'dort']);
    const w = Tensor.fromValue(d.heatmaps[0].matrix)!;
    for (let r = 0; r < 4; r++) assert.ok(Math.abs(w.data.slice(r * 4, r * 4 + 4).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    collectSteps(d.steps, 'tp4 ex1 attention');
  });
  it('shows one heatmap per head for TP4 exercise 2 and the PE table', () => {
    const f = fixture('exercise2.py', path.join(repoRoot, 'examples', 'tp4'));
    const sites = recognizeFormulas(f.trace);
    const mh = explainLine(f.trace, sites.find((s) => s.kind === 'multi-head-attention')!.line)!;
    assert.equal(mh.heatmaps.length, 2);
    assert.deepEqual(mh.heatmaps[0].rowLabels, ['Le', 'soleil', 'brille', 'doucement', 'sur', 'la', 'rivière']);
    assert.deepEqual(Tensor.fromValue(mh.result)!.shape, [7, 6]);
    const pe = explainLine(f.trace, sites.find((s) => s.kind === 'positional-encoding')!.line)!;
    assert.deepEqual(Tensor.fromValue(pe.heatmaps[0].matrix)!.shape, [7, 6]);
    collectSteps(mh.steps, 'tp4 ex2 multi-head');
    collectSteps(pe.steps, 'tp4 ex2 PE');
  });
  it('derives a selected expression op by op with the traced values', () => {
    const f = fixture('layers_and_metrics.py');
    const line = 14; // y = x @ W + b: select `x @ W`
    const col = f.source.split('\n')[line - 1].indexOf('x @ W');
    const d = explainSelection(f.trace, { line, col, endLine: line, endCol: col + 5 });
    assert.equal(d.formula, 'expression');
    assert.deepEqual(d.steps.map((s) => s.title.en), ['Matrix product']);
    const c = explainCell(d, [1, 0])!;
    assert.ok(Math.abs(c.value - resultData(d)[2]) < 1e-12);
    collectSteps(d.steps, 'selection');
  });
  it('explainJson has the contract shape, and undefined where there is no formula', () => {
    const f = fixture('attention_forms.py');
    const j = explainJson(f.trace, 19)!;
    assert.equal(j.formula, 'softmax');
    assert.equal(j.line, 19);
    assert.deepEqual(j.result.shape, [4, 4]);
    assert.ok(Array.isArray(j.result.value));
    assert.equal(typeof j.steps[0].title, 'string');
    assert.equal(j.steps[0].title, 'Row maximum');
    assert.equal(explainJson(f.trace, 3), undefined);
    const masked = explainJson(f.trace, 36)!;
    assert.ok(JSON.stringify(masked).length > 0, 'serialisable (no raw -Infinity)');
  });
  it('evalJson returns the contract object or a typed error', () => {
    const ok = evalJson('softmax([2, 1, 0])');
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.equal((ok.json.value as number[]).length, 3);
      assert.equal(ok.json.steps[0].title, 'Row maximum');
    }
    const bad = evalJson('scaled_scores([[1,2]], [[1,2,3]])');
    assert.ok(!bad.ok && bad.kind === 'shape');
    const inf = evalJson('causal_mask(2)');
    assert.ok(inf.ok && JSON.stringify(inf.json.value) === '[[0,"-Infinity"],[0,0]]');
  });
  itRendersAllTex();
});
