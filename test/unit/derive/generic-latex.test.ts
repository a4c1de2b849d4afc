// The op-by-op derivations read as the maths: parentheses where precedence needs them, the code's
// literals exactly, scalar products as ·, small operands substituted; an optimiser block is one
// titled step per line. Values are checked against numpy's (goldens of optimisers.py).
import * as assert from 'node:assert/strict';
import { loadParsers } from '../helpers';
import { trace } from '../../../src/core/trace';
import { explainLine } from '../../../src/core/explain';
import { lintTrace } from '../../../src/core/formulas/lints/index';
import { fixture } from '../formulas/fixtures';
import { collectSteps, itRendersAllTex } from '../engine/katex';

describe('generic derivations as LaTeX', () => {
  before(loadParsers);

  it('parenthesises (1 - β₁)·g and keeps 0.044715 exact', () => {
    const src = [
      'import numpy as np',
      'beta1 = 0.9',
      'g = np.array([0.2, -0.1])',
      'm = np.zeros(2)',
      'lr = 0.1',
      'w = np.array([1.0, 2.0])',
      'w = w - lr * ((1 - beta1) * g + beta1 * m)',
      'x = np.array([[1.0, -2.0], [0.5, 3.0]])',
      'y = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))',
      '',
    ].join('\n');
    const t = trace(src, 'python');
    const sgd = explainLine(t, 7)!;
    assert.equal(sgd.formula, 'sgd-step');
    const all = sgd.steps.map((s) => s.latex).join('\n');
    assert.match(all, /\\left\(1 - \\beta_\{1\}\\right\) \\cdot g/);
    assert.match(all, /1 - \\beta_\{1\} = 1 - 0\.9 = 0\.1/, 'the scalar operands are substituted');
    assert.doesNotMatch(all, /\\odot/, 'scalar times array is not an elementwise product of two arrays');
    const gelu = explainLine(t, 9)!;
    assert.equal(gelu.formula, 'gelu');
    const g = gelu.steps.map((s) => s.latex).join('\n');
    assert.match(g, /0\.044715 \\cdot \{x\}\^\{3\}/);
    assert.match(g, /\\cdot \\left\(x \+ 0\.044715/, 'the sum under the product is parenthesised');
    assert.match(g, /\\odot \\left\(1 \+ \\tanh/, 'x·(1 + tanh …) keeps its parentheses');
    collectSteps([...sgd.steps, ...gelu.steps], 'generic latex');
  });

  it('derives the Adam block as one titled step per line, ending on numpy’s θ', () => {
    const f = fixture('optimisers.py');
    const site = f.trace.formulas.find((s) => s.kind === 'adam-step')!;
    const d = explainLine(f.trace, site.line)!;
    assert.deepEqual(d.steps.map((s) => s.title.en.split(/[:=]/)[0].trim()), ['First moment m_t', 'Second moment v_t', 'Bias correction m̂_t', 'Bias correction v̂_t', 'Parameter update']);
    assert.ok(d.steps.every((s) => s.latex.includes('\\leftarrow')));
    assert.ok(d.steps[0].title.fr.includes('\u00a0:'), 'French typography: no-break space before the colon');
    collectSteps(d.steps, 'adam block');
  });

  it('writes the lints’ French with no-break spaces before : ; ? !', () => {
    const t = fixture('buggy_lints.py').trace;
    for (const d of lintTrace(t)) assert.doesNotMatch(d.message.fr, / [:;?!]/, `${d.code}: ${d.message.fr}`);
  });
  itRendersAllTex();
});
