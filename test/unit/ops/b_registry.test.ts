// Registry contract for the part-B ops (linear algebra, shape manipulation, indexing): each name is
// registered with a doc, LaTeX using its operands, and a shape rule that maps unknown operands to
// an unknown result without raising ("unknown is not wrong").
import * as assert from 'node:assert/strict';
import { findOp } from '../../../src/core/ops/registry';
import { Dim } from '../../../src/core/shapes/dim';
import type { ArrayValue, Value } from '../../../src/core/values';
import { makeCall } from './b_golden';

const U: Value = { kind: 'array', shape: null, dtype: 'float64' };
const uInt: Value = { kind: 'int' };
const str = (value: string): Value => ({ kind: 'str', value });
const list = (...items: Value[]): Value => ({ kind: 'list', items });

/** name → positional args (with self for ndarray.*) made of unknown arrays and undetermined ints */
const CALLS: Record<string, { args: Value[]; self?: Value }> = {
  'op.matmul': { args: [U, U] }, 'np.matmul': { args: [U, U] }, 'np.dot': { args: [U, U] }, 'ndarray.dot': { args: [U], self: U },
  'np.inner': { args: [U, U] }, 'np.outer': { args: [U, U] }, 'np.einsum': { args: [str('ij,jk->ik'), U, U] },
  'ndarray.T': { args: [], self: U }, 'np.transpose': { args: [U] }, 'ndarray.transpose': { args: [], self: U },
  'np.swapaxes': { args: [U, uInt, uInt] }, 'ndarray.swapaxes': { args: [uInt, uInt], self: U }, 'np.moveaxis': { args: [U, uInt, uInt] },
  'np.linalg.norm': { args: [U] }, 'np.linalg.svd': { args: [U] }, 'np.linalg.inv': { args: [U] }, 'np.linalg.solve': { args: [U, U] },
  'np.linalg.det': { args: [U] }, 'np.trace': { args: [U] }, 'ndarray.trace': { args: [], self: U },
  'np.linalg.matrix_power': { args: [U, uInt] }, 'np.linalg.matrix_rank': { args: [U] },
  'np.reshape': { args: [U, uInt] }, 'ndarray.reshape': { args: [uInt, uInt], self: U }, 'np.ravel': { args: [U] },
  'ndarray.ravel': { args: [], self: U }, 'ndarray.flatten': { args: [], self: U }, 'np.expand_dims': { args: [U, uInt] },
  'np.squeeze': { args: [U] }, 'ndarray.squeeze': { args: [], self: U }, 'np.concatenate': { args: [list(U, U)] },
  'np.stack': { args: [list(U, U)] }, 'np.hstack': { args: [list(U, U)] }, 'np.vstack': { args: [list(U, U)] },
  'np.column_stack': { args: [list(U, U)] }, 'np.split': { args: [U, uInt] }, 'np.array_split': { args: [U, uInt] },
  'np.repeat': { args: [U, uInt] }, 'ndarray.repeat': { args: [uInt], self: U }, 'np.tile': { args: [U, uInt] },
  'np.triu': { args: [U] }, 'np.tril': { args: [U] }, 'np.broadcast_to': { args: [U, list(uInt)] },
  'np.diag': { args: [U] }, 'np.diagonal': { args: [U] }, 'ndarray.diagonal': { args: [], self: U }, 'np.tri': { args: [uInt] },
  'np.meshgrid': { args: [U, U] }, 'op.getitem': { args: [U, uInt] }, 'op.setitem': { args: [U, uInt, U] },
};

/** true when no array (or array inside a list/tuple) of the result has a known shape */
function unknownShape(v: Value): boolean {
  if (v.kind === 'array') return v.shape === null;
  if (v.kind === 'list' || v.kind === 'tuple') return v.items === null || v.items.every(unknownShape);
  return true;
}

describe('ops B registry contract', () => {
  for (const [name, spec] of Object.entries(CALLS)) {
    it(`${name}: registered, documented, rendered, unknown in → unknown out`, () => {
      const op = findOp(name);
      assert.ok(op, `${name} is not registered`);
      assert.ok(op.doc.length > 40, 'doc');
      const tex = op.latex(['Q', 'K', 'V']);
      assert.ok(tex.length > 0 && !tex.includes('undefined'), `latex: ${tex}`);
      const call = makeCall(name, spec.args, {}, spec.self);
      const r = op.shape(call);
      if (name.endsWith('.reshape')) {
        // the target's rank is certain even when its ints are not: they become symbols named by their source text
        const texts = name === 'np.reshape' ? call.argTexts.slice(1) : call.argTexts;
        assert.deepEqual((r as ArrayValue).shape, texts.map((t) => Dim.sym(t)));
      } else assert.ok(unknownShape(r), `${name} invented a shape from unknown operands: ${JSON.stringify(r)}`);
    });
  }
});
