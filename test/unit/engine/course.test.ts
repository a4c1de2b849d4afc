// The course's own answers, reproduced through `eval` (the engine's expression language), with
// numpy's values from course_goldens.py where the course gives no digits.
import * as assert from 'node:assert/strict';
import course from './course-goldens.json';
import { evalExpression } from '../../../src/core/engine/evaluate';
import { Tensor } from '../../../src/core/engine/tensor';
import type { EngineValue } from '../../../src/core/engine/tutor';
import { assertClose } from './goldens.test';
import { collectSteps, collectTex, itRendersAllTex } from './katex';

function run(src: string): EngineValue {
  const r = evalExpression(src);
  if (!r.ok) assert.fail(`${src}: ${r.error.message.en}`);
  collectTex(r.latex, src);
  collectSteps(r.steps, src);
  return r.engineValue;
}
const vec = (v: EngineValue): number[] => Array.from((v as Tensor).data);
const round = (xs: number[], d: number) => xs.map((x) => Number(x.toFixed(d)));

describe('course answers', () => {
  it('softmax([2, 1, 0]) = [0.665, 0.245, 0.090] (maths masterclass)', () => {
    assert.deepEqual(round(vec(run('softmax([2, 1, 0])')), 3), [0.665, 0.245, 0.09]);
  });
  it('"Thinking Machines": q·k = 112 and 96, ÷ √64 = 8 → 14 and 12 → 0.88 / 0.12', () => {
    const s = run('q = ones(64) * 1; K = [ones(64) * 112 / 64, ones(64) * 96 / 64]; scaled_scores([q], K)');
    assert.deepEqual(round(vec(s), 12), [14, 12]);
    assert.deepEqual(round(vec(run('softmax([14, 12])')), 2), [0.88, 0.12]);
  });
  it('cos([1, 2], [2, 3]) ≈ 0.99', () => {
    assert.equal(Number((run('cosine_similarity([1, 2], [2, 3])') as number).toFixed(2)), 0.99);
  });
  it('Q = [1, 0], K₁ = [1, 0], K₂ = [0, 1] → weights (0.731, 0.269)', () => {
    assert.deepEqual(round(vec(run("softmax([1, 0] * [[1, 0], [0, 1]]')")), 3), [0.731, 0.269]);
  });
  it('exam: one-layer transformer on X = I₂ with a causal mask, FFN, residuals, logits, probabilities', () => {
    const g = course.exam_transformer;
    const prelude = 'X = [[1, 0], [0, 1]]; W1 = [[1, 1], [0, 1]]; W2 = [[1, 0], [1, 1]]; Wout = [[1, 1], [1, 0]];';
    const weights = run(`${prelude} softmax(scaled_scores(X, X) + causal_mask(2))`);
    assertClose(weights, Tensor.fromNested(g.weights), 'weights');
    const H = `X + attention(X, X, X, causal_mask(2))`;
    assertClose(run(`${prelude} ${H}`), Tensor.fromNested(g.residual), 'residual');
    assertClose(run(`${prelude} H = ${H}; H + relu(H * W1) * W2`), Tensor.fromNested(g.out), 'block output');
    assertClose(run(`${prelude} H = ${H}; O = H + relu(H * W1) * W2; O * Wout`), Tensor.fromNested(g.logits), 'logits');
    assertClose(run(`${prelude} H = ${H}; O = H + relu(H * W1) * W2; softmax(O * Wout)`), Tensor.fromNested(g.probs), 'probabilities');
  });
  it('exam: bigram MLE table and p(<s> a b a </s>) = 1/24', () => {
    const C = JSON.stringify(course.bigram_counts);
    const mle = run(`C = ${C}; rows = C * ones(4, 1); C[1:3, :] ./ (rows[1:3] * ones(1, 4))`.replace('C[1:3, :] ./ (rows[1:3] * ones(1, 4))', '[C[1] / sum(C[1]), C[2] / sum(C[2]), C[3] / sum(C[3])]'));
    assertClose(mle, Tensor.fromNested(course.bigram_mle.slice(0, 3)), 'MLE rows');
    const p = run(`C = ${C}; (C[1, 2] / sum(C[1])) * (C[2, 3] / sum(C[2])) * (C[3, 2] / sum(C[3])) * (C[2, 4] / sum(C[2]))`);
    assertClose(p, course.p_s_abab, 'p(<s> a b a </s>)');
    assert.ok(Math.abs((p as number) - 1 / 24) < 1e-15);
  });
  it('exam: Laplace smoothing p(b|b) = 1/6, p(</s>|b) = 1/3, and the row sums to 1', () => {
    const C = JSON.stringify(course.bigram_counts);
    assertClose(run(`C = ${C}; (C[3, 3] + 1) / (sum(C[3]) + 4)`), course.laplace_b_b, 'p(b|b)');
    assertClose(run(`C = ${C}; (C[3, 4] + 1) / (sum(C[3]) + 4)`), course.laplace_end_b, 'p(</s>|b)');
    assertClose(run(`C = ${C}; sum((C[3] + 1) / (sum(C[3]) + 4))`), 1, 'row sum');
  });
  it('exam: perplexity 120 vs 60 is exactly 1 bit per token', () => {
    const bits = run('log2(perplexity([1/120, 1/120, 1/120])) - log2(perplexity([1/60, 1/60]))') as number;
    assert.ok(Math.abs(bits - course.bits_difference) < 1e-12, String(bits));
  });
  it('exam: the feed-forward LM has 8,460,500 parameters', () => {
    assert.equal(run('10000 * 300 + (3 * 300 * 500 + 500) + (500 * 10000 + 10000)'), course.fflm_params);
    assert.equal(course.fflm_params, 8460500);
  });
  it('exam: the toy word2vec step moves the context vectors to 0.95 / 1.05 and leaves the centres', () => {
    // with every parameter 1, softmax(u·v_c) is uniform; context gradient (p - onehot)·v_c summed over the 6 pairs
    const p = vec(run('softmax([1, 1, 1, 1] * 1)'));
    assert.deepEqual(p, [0.25, 0.25, 0.25, 0.25]);
    const u = run('counts = [1, 2, 2, 1]; p = softmax([1, 1, 1, 1]); [1, 1, 1, 1] - 0.1 * (6 * p - counts)');
    assertClose(u, Tensor.fromNested(course.w2v_u), 'u after one step');
    assert.deepEqual(course.w2v_v, [1, 1, 1, 1]);
  });
  it("Adam's first step moves every parameter by the learning rate (up to ε)", () => {
    const r = run('adam_step([1, -2, 3], [0.5, -4, 1e-3], 0, 0, 1, 0.01)') as Record<string, Tensor>;
    const moved = Array.from(r.theta.data, (x, i) => Math.abs(x - [1, -2, 3][i]));
    for (const m of moved) assert.ok(Math.abs(m - 0.01) < 1e-6 * 0.01 * 1e3, String(m));
    assert.ok(Math.abs(moved[0] - 0.01) < 1e-9);
  });
  itRendersAllTex();
});
