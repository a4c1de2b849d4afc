// Every recogniser on small traced programs: each `# formula: kind` line is found with that
// kind, and in the annotated fixtures no formula is reported on a line that has none.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadParsers, repoRoot } from '../helpers';
import { FORMULA_KINDS } from '../../../src/core/types';
import { recognizeFormulas } from '../../../src/core/formulas/index';
import { recognisers } from '../../../src/core/formulas/registry';
import { FIXTURE_NAMES, fixture } from './fixtures';

describe('formula recognisers', () => {
  before(loadParsers);
  it('registers one recogniser per formula kind of the contract', () => {
    assert.deepEqual(recognisers().map((r) => r.kind).sort(), [...FORMULA_KINDS].sort());
  });
  it('the fixtures cover every formula kind but multi-head (covered by TP4 ex. 2 below)', () => {
    const seen = new Set(FIXTURE_NAMES.flatMap((n) => [...fixture(n).formulas.values()]));
    for (const k of FORMULA_KINDS) if (k !== 'multi-head-attention') assert.ok(seen.has(k), k);
  });
  for (const name of FIXTURE_NAMES) {
    it(`finds exactly the annotated formulas in ${name}`, () => {
      const f = fixture(name);
      const sites = recognizeFormulas(f.trace);
      assert.equal(f.trace.formulas, sites);
      for (const [line, kind] of f.formulas) {
        assert.ok(sites.some((s) => s.line === line && s.kind === kind), `line ${line}: expected ${kind}, got ${sites.filter((s) => s.line === line).map((s) => s.kind).join(', ') || 'nothing'}`);
      }
      if (f.formulas.size > 0) {
        const extra = sites.filter((s) => !f.formulas.has(s.line));
        assert.deepEqual(extra.map((s) => `${s.line}:${s.kind}`), []);
      }
    });
  }
  it('records the facts the derivations and lints need', () => {
    const sites = recognizeFormulas(fixture('attention_forms.py').trace);
    const at = (line: number, kind: string) => sites.find((s) => s.line === line && s.kind === kind)!;
    assert.deepEqual(at(17, 'softmax').facts, { axis: -1, stable: false, keepdims: true, form: 'inline' });
    assert.equal(at(19, 'softmax').facts.stable, true);
    assert.equal(at(19, 'softmax').loc.line, 18, 'the two-line softmax spans the exp line');
    assert.equal(at(29, 'softmax').facts.form, 'user');
    assert.equal(at(20, 'attention').facts.masked, false);
    assert.equal(at(32, 'attention').facts.masked, true);
    assert.equal(at(37, 'attention').facts.masked, true);
    assert.equal(at(21, 'scaled-scores').facts.divisor, 'math.sqrt(d_k)');
    const adam = recognizeFormulas(fixture('optimisers.py').trace).find((s) => s.kind === 'adam-step')!;
    assert.deepEqual([adam.loc.line, adam.loc.endLine, adam.target], [11, 15, 'theta']);
  });
  it('recognises the multi-head concatenation and the PE of TP4 exercise 2', () => {
    const f = fixture('exercise2.py', path.join(repoRoot, 'examples', 'tp4'));
    const kinds = recognizeFormulas(f.trace).map((s) => s.kind);
    for (const k of ['positional-encoding', 'softmax', 'scaled-scores', 'attention', 'multi-head-attention']) assert.ok(kinds.includes(k as never), k);
  });
});
