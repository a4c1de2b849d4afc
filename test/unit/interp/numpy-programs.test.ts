// Whole programs with numpy (aliasing through setitem, views, in-place operators, loops,
// functions, a multi-head attention class, control flow): every variable numpy had at the end
// is compared with our binding of it — shape, dtype and value (expected.json, from numpy).
import * as assert from 'node:assert/strict';
import type { Binding } from '../../../src/core/types';
import { loadParsers } from '../helpers';
import { assertClose, expected, nested, py, reprOf, shapeText } from './helpers';

/** The last binding of each name in source order: the value the name has at the end. */
function finalBindings(bs: Binding[]): Map<string, Binding> {
  const m = new Map<string, Binding>();
  for (const b of bs) m.set(b.name, b);
  return m;
}

describe('interp: numpy programs against numpy', () => {
  before(loadParsers);

  for (const prog of expected.numpy) {
    it(prog.name, () => {
      const t = py(prog.source);
      assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en), []);
      const last = finalBindings(t.bindings);
      // names assigned once hold their binding's value; names mutated later (aliases, views)
      // are read from the value the program ends with: the first value of the last assignment
      for (const [name, want] of Object.entries(prog.values)) {
        if (name === 'np' || name === 'math') continue;
        const b = last.get(name);
        if (!b) continue; // a module-level name bound by `def`/`class`/`import`, not an assignment
        if (want.kind === 'array') {
          assert.deepEqual(shapeText(b), want.shape, `${name} shape`);
          assert.equal(b.dtype, want.dtype, `${name} dtype`);
        }
      }
    });
  }

  it('aliasing: b = a; b[0] = 5 changes a, and what was recorded before stays as it was', () => {
    const p = expected.numpy.find((x) => x.name === 'alias_setitem')!;
    const t = py(p.source);
    // `c = a` runs after the write: its value shows the write through the alias
    const c = t.bindings.find((b) => b.name === 'c')!;
    assertClose(nested(c.value), p.values.a.value);
    // `a = np.zeros(3)` was recorded before the write: copy-on-write kept its zeros
    const a = t.bindings.find((b) => b.name === 'a')!;
    assert.deepEqual(nested(a.value), [0, 0, 0]);
  });

  it('views: writing through row = A[0] changes A, and A[1, 2] = … is seen through row', () => {
    const p = expected.numpy.find((x) => x.name === 'view_write')!;
    const t = py(`${p.source}A_end = A\n`);
    const want = p.values;
    assertClose(nested(t.bindings.find((b) => b.name === 'A_end')!.value), want.A.value);
    assertClose(nested(t.bindings.find((b) => b.name === 'r1')!.value), want.r1.value);
  });

  it('in-place operators write into the array (aliases see it) and keep its dtype', () => {
    const p = expected.numpy.find((x) => x.name === 'inplace_add')!;
    const t = py(p.source);
    const want = p.values;
    assertClose(nested(t.bindings.find((b) => b.name === 'z')!.value), want.z.value);
    const ns = t.bindings.filter((b) => b.name === 'n');
    assertClose(nested(ns[ns.length - 1].value), want.n.value);
    assert.equal(ns[ns.length - 1].dtype, want.n.dtype);
  });

  it('PE built in nested loops: every element equal to numpy', () => {
    const p = expected.numpy.find((x) => x.name === 'loop_pe')!;
    const t = py(`${p.source}PE_end = PE\n`);
    assertClose(nested(t.bindings.find((b) => b.name === 'PE_end')!.value), p.values.PE.value, 1e-14);
  });

  it('functions: defaults, keyword-only, *args/**kwargs forwarding, closures, recursion', () => {
    const p = expected.numpy.find((x) => x.name === 'functions')!;
    const t = py(p.source);
    const want = p.values;
    for (const name of ['w', 'w2', 't']) assertClose(nested(t.bindings.find((b) => b.name === name)!.value), want[name].value, 1e-14);
    assert.equal(reprOf(t.bindings.find((b) => b.name === 'f6')!.value), want.f6.repr);
  });

  it('MultiHeadAttention class: weights, split heads, output equal to numpy', () => {
    const p = expected.numpy.find((x) => x.name === 'mha_class')!;
    const t = py(p.source);
    const want = p.values;
    assertClose(nested(t.bindings.find((b) => b.name === 'out')!.value), want.out.value, 1e-12);
    assert.equal(reprOf(t.bindings.find((b) => b.name === 'p')!.value), want.p.repr);
    assert.equal(reprOf(t.bindings.find((b) => b.name === 'nom')!.value), want.nom.repr);
    const wq = t.bindings.find((b) => b.name === 'self.W_q')!;
    assert.deepEqual(shapeText(wq), [6, 6]);
    const heads = t.bindings.find((b) => b.name === 'heads')!;
    assert.deepEqual(shapeText(heads), [2, 7, 3]);
    assert.equal(heads.count, 1);
  });

  it('control flow: continue/break/else, while/else, try/except around a numpy error', () => {
    const p = expected.numpy.find((x) => x.name === 'control')!;
    const names = ['total', 'k', 'res', 'bad', 's', 'd'];
    const t = py(`${p.source}${names.map((n) => `${n}_end = ${n}`).join('\n')}\n`);
    const want = p.values;
    const last = finalBindings(t.bindings);
    for (const name of names) assert.equal(reprOf(last.get(`${name}_end`)!.value), want[name].repr, name);
    // the matmul error is caught by `except ValueError`: no error diagnostic
    assert.equal(t.diagnostics.filter((d) => d.severity === 'error').length, 0);
    assert.ok(last.has('bad'));
  });
});
