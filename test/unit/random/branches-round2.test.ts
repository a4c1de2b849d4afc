// numpy's random generators under `if`s the tracer cannot decide (the condition reads an
// environment variable): each program was run by numpy once per arm (branches-round2.json, made
// by gen_branches_round2.py). Inside an arm, draws follow numpy exactly and the other arm starts
// from the state before the `if`; after the merge, a generator the arms moved differently gives
// shapes but NO values (numpy's two runs disagree, so any value would be wrong for one of them).
import * as assert from 'node:assert/strict';
import data from './branches-round2.json';
import { trace } from '../../../src/core/trace';
import type { Binding } from '../../../src/core/types';
import { Dim } from '../../../src/core/shapes/dim';
import { loadParsers } from '../helpers';

interface Run { [name: string]: { shape: number[]; data: number[] } }
interface Program { name: string; source: string; known: string[]; unknown: string[]; runs: Run[] }

function last(bs: Binding[], name: string): Binding {
  const all = bs.filter((b) => b.name === name);
  assert.ok(all.length, `no binding ${name}`);
  return all[all.length - 1];
}

function valuesOf(b: Binding): number[] | undefined {
  const v = b.value;
  if (v?.kind === 'array') return v.data ? Array.from(v.data) : undefined;
  if (v?.kind === 'float' || v?.kind === 'int') return v.value === undefined ? undefined : [v.value];
  return undefined;
}

describe('random: generator state under undecided branches (round 2)', () => {
  before(loadParsers);

  for (const p of data.programs as Program[]) {
    it(p.name, () => {
      const t = trace(p.source, 'python', { budgetMs: 10_000 });
      assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en), []);
      for (const name of p.known) {
        const want = p.runs.find((r) => name in r)![name];
        const b = last(t.bindings, name);
        assert.deepEqual(b.shape?.map(Dim.toJson), want.shape, `${name} shape`);
        const got = valuesOf(b);
        assert.ok(got, `${name} should have numpy's value (the state is known there)`);
        got.forEach((x, i) => assert.ok(Math.abs(x - want.data[i]) <= 1e-12 * Math.abs(want.data[i]) + 1e-15, `${name}[${i}]: ${x} vs numpy ${want.data[i]}`));
      }
      for (const name of p.unknown) {
        const [r0, r1] = p.runs.map((r) => r[name]);
        assert.notDeepEqual(r0.data, r1.data, 'numpy gives different values in the two arms');
        const b = last(t.bindings, name);
        assert.deepEqual(b.shape?.map(Dim.toJson), r0.shape, `${name}: the shape stays known`);
        assert.equal(valuesOf(b), undefined, `${name} must have no value (numpy: ${r0.data} or ${r1.data})`);
      }
    });
  }

  it('says why later draws are unknown, without claiming the generator was never seeded', () => {
    const p = (data.programs as Program[]).find((x) => x.name === 'draw in one arm only')!;
    const t = trace(p.source, 'python', { budgetMs: 10_000 });
    // the hover of the draw after the `if` reads the why of its expression's value
    const whys = t.exprValues.flatMap((v) => (v?.kind === 'array' && v.shape?.length === 2 && v.why ? [v.why.en] : []));
    assert.ok(whys.some((w) => /condition the tracer could not decide/.test(w)), whys.join(' | '));
    assert.equal(t.diagnostics.filter((d) => d.code === 'random-unseeded').length, 0);
  });

  for (const u of data.unmodelled) {
    it(`a draw the tracer does not model moves the generator: ${u.source.split('\n')[2]}`, () => {
      const t = trace(u.source, 'python', { budgetMs: 10_000 });
      const got = valuesOf(last(t.bindings, 'b'));
      // numpy's numbers, or none; never those of a generator that skipped the draw
      if (got) got.forEach((x, i) => assert.ok(Math.abs(x - u.b[i]) <= 1e-12, `b[${i}]: ${x} vs numpy ${u.b[i]} (skipped: ${u.skipped[i]})`));
      assert.deepEqual(last(t.bindings, 'b').shape, [2]);
    });
  }

  it('a generator never seeded is still reported as unseeded, once', () => {
    const t = trace('import numpy as np\nimport os\nif os.environ.get("X"):\n    a = np.random.rand(2)\nb = np.random.rand(3)\n', 'python', { budgetMs: 10_000 });
    assert.equal(t.diagnostics.filter((d) => d.code === 'random-unseeded').length, 1);
    assert.deepEqual(last(t.bindings, 'b').shape, [3]);
    assert.equal(valuesOf(last(t.bindings, 'b')), undefined);
  });
});
