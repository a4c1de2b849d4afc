// Regressions from playing TP4 as students write it: the loop, reshape-by-hand, method and list
// forms are recognised with the facts their derivations need; an attention after a wrong softmax
// derives what the code computes; a formula without traced values is still explained in symbols.
import * as assert from 'node:assert/strict';
import { loadParsers } from '../helpers';
import { trace } from '../../../src/core/trace';
import { explainCell, explainJson, explainLine } from '../../../src/core/explain';
import { recognizeFormulas } from '../../../src/core/formulas/index';
import { exprText } from '../../../src/core/formulas/match';
import type { Stmt } from '../../../src/core/ir';
import type { FormulaSite } from '../../../src/core/types';
import { fixture } from '../formulas/fixtures';
import { collectSteps, itRendersAllTex } from '../engine/katex';

const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('student forms of TP4', () => {
  before(loadParsers);
  const site = (sites: FormulaSite[], line: number, kind: string) => {
    const s = sites.find((x) => x.line === line && x.kind === kind);
    assert.ok(s, `no ${kind} at line ${line}`);
    return s;
  };

  it('lifts loop forms to the whole matrix and reads hand-made keepdims', () => {
    const f = fixture('student_forms.py');
    const sites = recognizeFormulas(f.trace);
    const at = (text: string) => lineOf(f.source, text);
    assert.equal(site(sites, at('scores[i, j] = np.dot'), 'scaled-scores').facts.entryLoop, true);
    const row = site(sites, at('poids[i] = np.exp(ligne)'), 'softmax');
    assert.deepEqual(row.facts, { axis: -1, stable: true, keepdims: true, form: 'row-loop' });
    assert.equal(row.resultExpr, undefined, 'the CodeLens shape comes from the whole table, not one row');
    assert.equal(site(sites, at('sum(axis=1)[:, None]'), 'softmax').facts.keepdims, true);
    assert.equal(site(sites, at('self.poids = self.softmax('), 'softmax').facts.form, 'user');
    assert.equal(site(sites, at('Ah = softmax(Sh)'), 'softmax').facts.axis, -1, 'the axis parameter defaults to -1');
    assert.equal(site(sites, at('concat = np.concatenate(tetes'), 'multi-head-attention').operands.heads.k, 'name');
    assert.equal(site(sites, at('Qh = (X6 @ Wqkv)'), 'multi-head-attention').facts.form, 'split');
    assert.ok(!sites.some((s) => s.line === at('Kh = (X6 @ W_O)')), 'K splits like Q: one lens per block');
    assert.equal(site(sites, at('fusion = Hh.transpose'), 'multi-head-attention').facts.form, 'merge');
  });

  it('derives an attention after a wrong softmax as the code computes it, with a note', () => {
    const f = fixture('softmax_bugs_attention.py');
    for (const text of ['out = weights @ V', 'out_cols = cols @ V']) {
      const d = explainLine(f.trace, lineOf(f.source, text))!;
      assert.equal(d.formula, 'attention');
      const step = d.steps.find((s) => s.title.en === 'Weights as your code computes them');
      assert.ok(step?.note && /wrong|not attention weights/.test(step.note.en) && step.note.fr.includes('poids'), text);
      assert.ok(!d.general.includes('M'), 'no mask in the general formula of an unmasked attention');
    }
  });

  it('derives the exam forms to numpy’s values (LayerNorm class with gamma/beta, reassigned A)', () => {
    const f = fixture('exam_forms.py');
    const ln = explainLine(f.trace, lineOf(f.source, 'return self.gamma * (x - mu)'))!;
    assert.equal(ln.formula, 'layer-norm');
    const want = (f.golden.finals.y as number[][]).flat();
    const got = Array.from((ln.result as { data: Float64Array }).data);
    assert.equal(got.length, want.length);
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-12, `y[${i}]: ${v} vs ${want[i]}`));
    const sites = recognizeFormulas(f.trace);
    assert.equal(site(sites, lineOf(f.source, 'ce = -np.sum('), 'cross-entropy').facts.reduced, 'sum-mean');
    assert.equal(site(sites, lineOf(f.source, 'Z = A @ V'), 'attention').facts.masked, true);
  });

  it('ends a wrong positional encoding on the code’s table and names the mistake', () => {
    const f = fixture('pe_mistakes.py');
    const cases: [string, string, RegExp][] = [
      ['PE[:, 0::2] = np.sin', 'PE', /2i\/d_model/],
      ['P2[p, j] = np.cos', 'P2', /swapped/],
    ];
    for (const [text, name, why] of cases) {
      const d = explainLine(f.trace, lineOf(f.source, text))!;
      assert.equal(d.formula, 'positional-encoding');
      const last = d.steps[d.steps.length - 1];
      assert.match(last.note!.en, why, name);
      const want = (f.golden.finals[name] as number[][]).flat();
      const got = Array.from((d.result as { data: Float64Array }).data);
      got.forEach((v, k) => assert.ok(Math.abs(v - want[k]) < 1e-12, `${name}[${k}]: ${v} vs ${want[k]}`));
    }
    const sites = recognizeFormulas(f.trace).filter((s) => s.kind === 'positional-encoding');
    assert.equal(sites.length, 2, 'the if/else over the columns is one table');
    assert.equal(sites[1].facts.vectorised, false);
  });

  it('names the weights and V of the code in the per-cell sum', () => {
    const f = fixture('student_forms.py');
    const d = explainLine(f.trace, lineOf(f.source, 'sortie = e @ V'))!;
    const c = explainCell(d, [1, 0])!;
    assert.match(c.steps[0].latex, /\\sum_k \{e\}_\{1k\} \{V\}_\{k0\}/);
  });

  it('explains a formula without traced values in the code’s names (function never called)', async () => {
    const src = [
      'import numpy as np',
      'def attention(Q, K, V):',
      '    scores = Q @ K.T / np.sqrt(K.shape[-1])',
      '    w = np.exp(scores) / np.sum(np.exp(scores), axis=-1, keepdims=True)',
      '    return w @ V',
      '',
    ].join('\n');
    const t = trace(src, 'python');
    const d = explainLine(t, 5)!;
    assert.equal(d.formula, 'attention');
    assert.ok(d.steps.length >= 3 && d.steps.every((s) => s.value === undefined));
    assert.ok(d.steps[0].note && d.steps[0].note.fr.includes('\u00a0:'));
    collectSteps(d.steps, 'symbolic attention');
    const j = explainJson(t, 4)!;
    assert.equal(j.formula, 'softmax');
    assert.equal(j.result.value, undefined);
  });

  it('writes sub-expressions with the parentheses Python needs', () => {
    const t = trace('import numpy as np\nX = np.ones((2, 6))\nW = np.ones((6, 6))\nY = (X @ W).reshape(2, 2, 3) - (1 - X.sum()) ** 2\n', 'python');
    const s = t.program.body[3] as Extract<Stmt, { k: 'assign' }>;
    assert.equal(exprText(s.value), '(X @ W).reshape(2, 2, 3) - (1 - X.sum()) ** 2');
  });
  itRendersAllTex();
});
