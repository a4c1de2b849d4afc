// `eval`: the sandbox refuses every dangerous entry point with a clear message, errors come back
// typed (syntax, unknown function, shapes), matrix syntax follows mathjs (A * B product, A'
// transpose), and steps are the intermediate values actually computed.
import * as assert from 'node:assert/strict';
import { evalExpression } from '../../../src/core/engine/evaluate';
import { mathjs } from '../../../src/core/engine/math';
import { collectSteps, collectTex, itRendersAllTex } from './katex';

function ok(src: string) {
  const r = evalExpression(src);
  if (!r.ok) assert.fail(`${src}: ${r.error.message.en}`);
  collectTex(r.latex, src);
  collectSteps(r.steps, src);
  return r;
}
function fails(src: string) {
  const r = evalExpression(src);
  assert.ok(!r.ok, `${src} should fail`);
  return r.error;
}

describe('eval sandbox', () => {
  for (const name of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver', 'compile']) {
    it(`refuses ${name}() inside an expression`, () => {
      const e = fails(`${name}("1 + 1")`);
      assert.equal(e.kind, 'disabled');
      assert.match(e.message.en, new RegExp(`^${name}\\(\\) is disabled in the tutor's sandbox`));
      assert.match(e.message.fr, /désactivée/);
    });
  }
  it('has disabled the instance entry points themselves (defence in depth)', () => {
    for (const name of ['import', 'evaluate', 'parse', 'resolve', 'reviver']) {
      const f = mathjs.instanceFunction(name) as () => unknown;
      assert.throws(() => f(), /disabled/);
    }
  });
  it('cannot reassign a tutor function or a disabled name', () => {
    assert.equal(fails('softmax = 3').kind, 'argument');
    assert.equal(fails('import = 3').kind, 'argument');
  });
  it('does not reach JavaScript properties through accessors', () => {
    assert.notEqual(evalExpression('softmax.constructor').ok, true);
    assert.notEqual(evalExpression('{a: 1}["constructor"]').ok, true);
  });
});

describe('eval results and errors', () => {
  it('A * B is the matrix product and A\' the transpose', () => {
    const r = ok("A = [[1, 2], [3, 4]]; A * A'");
    assert.deepEqual(Array.from((r.value as { data: Float64Array }).data), [5, 11, 11, 25]);
    assert.match(r.latex, /\^\{\\top\}/);
    assert.deepEqual(r.steps.map((s) => s.title.en), ['Transpose', 'Matrix product']);
  });
  it('reports a syntax error as such', () => {
    const e = fails('softmax([1, 2');
    assert.equal(e.kind, 'syntax');
    assert.match(e.message.en, /^syntax error/);
  });
  it('reports an unknown function and lists the known ones', () => {
    const e = fails('softmaks([1, 2])');
    assert.equal(e.kind, 'unknown-function');
    assert.match(e.message.en, /unknown function softmaks; the tutor functions are softmax, scaled_scores/);
  });
  it('reports shapes that do not fit, naming both', () => {
    const e = fails('scaled_scores([[1,2]], [[1,2,3]])');
    assert.equal(e.kind, 'shape');
    assert.match(e.message.en, /Q has 2 columns but K has 3/);
    assert.equal(fails('[[1, 2]] * [[1, 2, 3]]').kind, 'shape');
    assert.match(fails('attention([[1,0]], [[1,0],[0,1]], [[1,2]])').message.en, /K has 2 rows \(keys\) but V has 1/);
  });
  it('reports a wrong number of arguments and a bad class index', () => {
    assert.match(fails('softmax([1], [2])').message.en, /softmax takes 1 arguments, got 2/);
    assert.match(fails('cross_entropy([0.5, 0.5], 2)').message.en, /out of range for 2 classes/);
    assert.match(fails('adam_step(1, 1, 0, 0, 0, 0.1)').message.en, /counted from 1/);
  });
  it('softmax steps are the values computed: max, shift, exp, sum, divide', () => {
    const r = ok('softmax([[1, 2, 3], [0, 0, -Infinity]])');
    assert.deepEqual(r.steps.map((s) => s.title.en), ['Row maximum', 'Subtract the maximum (stability: every exponent ≤ 0)', 'Exponentiate', 'Sum each row', 'Divide by the row sum']);
    const last = r.steps[4].value as { data: Float64Array };
    assert.deepEqual(Array.from(last.data), Array.from((r.value as { data: Float64Array }).data));
    assert.equal(last.data[5], 0, '-Infinity gets weight 0');
  });
  it('maps mathjs elementwise functions over matrices (mathjs 15 no longer does)', () => {
    const r = ok('exp([0, 1])');
    assert.deepEqual(Array.from((r.value as { data: Float64Array }).data), [1, Math.E]);
  });
  it('returns Adam\'s record as an object', () => {
    const r = ok('adam_step(1, 2, 0, 0, 1, 0.1)');
    assert.equal(r.value.kind, 'dict');
  });
  it('a row of only -Infinity gives NaN, as numpy does, with a note', () => {
    const r = ok('softmax([-Infinity, -Infinity])');
    assert.ok(Array.from((r.value as { data: Float64Array }).data).every(Number.isNaN));
    assert.match(r.steps[r.steps.length - 1].note!.en, /NaN, as in numpy/);
  });
  itRendersAllTex();
});
