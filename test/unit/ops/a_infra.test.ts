// The shared op infrastructure: broadcasting (symbolic dims, numpy's error text), index maps,
// argument readers (axes, shapes, dtypes), np.asarray discovery, symbolic and unknown shapes
// through the ops ("unknown is not wrong"), the registry contract, and speed at attention sizes.
import * as assert from 'node:assert/strict';
import '../../../src/core/ops/index';
import { NumpyError } from '../../../src/core/diagnostics';
import { axisArg, shapeArg, symbolicShapeArg } from '../../../src/core/ops/args';
import { toArray } from '../../../src/core/ops/convert';
import { castScalar, dtypeFromValue, fround16, promoteTypes, resultType } from '../../../src/core/ops/dtype';
import { allOps, findOp } from '../../../src/core/ops/registry';
import type { OpCall } from '../../../src/core/ops/types';
import { broadcastIndexer, broadcastOrNull, broadcastShapes } from '../../../src/core/shapes/broadcast';
import { Dim, type Shape } from '../../../src/core/shapes/dim';
import type { ArrayValue, Value } from '../../../src/core/values';

const n = Dim.sym('n');
const m = Dim.sym('m');
const d = Dim.sym('d');
const loc = { line: 1, col: 0, endLine: 1, endCol: 1 };

function call(name: string, args: Value[], kw: Record<string, Value> = {}, texts?: string[], self?: Value): OpCall {
  return {
    name, args, kwargs: new Map(Object.entries(kw)), self, loc, argLocs: args.map(() => loc),
    argTexts: texts ?? args.map((_, i) => `a${i}`), ctx: { maxElements: 1e7, report: () => {}, perTrace: new Map() },
  };
}
const arr = (shape: Shape | null, dtype: ArrayValue['dtype'] = 'float64', data?: Float64Array): ArrayValue => ({ kind: 'array', shape, dtype, ...(data ? { data } : {}) });
const int = (value?: number): Value => ({ kind: 'int', value });

function throwsNumpy(f: () => unknown, code: string, message?: string): void {
  assert.throws(f, (e: unknown) => e instanceof NumpyError && e.code === code && (message === undefined || e.text.en === message) && e.text.fr.length > 0);
}

describe('ops A infrastructure: broadcasting', () => {
  it('raises numpy\'s message on a certain mismatch', () => {
    throwsNumpy(() => broadcastShapes([4, 2], [3]), 'broadcast-mismatch', 'operands could not be broadcast together with shapes (4,2) (3,) ');
  });
  it('keeps symbols and never calls an unknown dim wrong', () => {
    assert.deepEqual(broadcastShapes([n, 1], [1, d]), [n, d]);
    assert.deepEqual(broadcastShapes([n], [4]), [4]);
    assert.deepEqual(broadcastShapes([1], [n]), [n]);
    assert.deepEqual(broadcastShapes([n, d], [d]), [n, d]);
    assert.doesNotThrow(() => broadcastShapes([n], [m]));
    throwsNumpy(() => broadcastShapes([n, 3], [m, 4]), 'broadcast-mismatch');
    assert.equal(broadcastOrNull([[2, 3], null]), null);
  });
  it('index maps read broadcast operands in row-major order', () => {
    assert.deepEqual(Array.from(broadcastIndexer([3, 1], [3, 4])!), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    assert.deepEqual(Array.from(broadcastIndexer([4], [2, 4])!), [0, 1, 2, 3, 0, 1, 2, 3]);
    assert.deepEqual(Array.from(broadcastIndexer([2, 1, 3], [2, 2, 3])!), [0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5]);
    assert.equal(broadcastIndexer([2, 3], [2, 3]), null);
  });
});

describe('ops A infrastructure: dtypes and arguments', () => {
  it('promotes like np.promote_types', () => {
    assert.equal(promoteTypes('int8', 'uint8'), 'int16');
    assert.equal(promoteTypes('uint64', 'int64'), 'float64');
    assert.equal(promoteTypes('int16', 'float16'), 'float32');
    assert.equal(promoteTypes('bool', 'int8'), 'int8');
  });
  it('applies 1.24 value-based casting to scalars only when arrays are of an equal or higher kind', () => {
    assert.equal(resultType([{ dtype: 'int8', scalar: false }, { dtype: 'int64', scalar: true, value: 1000 }]), 'int16');
    assert.equal(resultType([{ dtype: 'float32', scalar: false }, { dtype: 'float64', scalar: true, value: 0.1 }]), 'float32');
    assert.equal(resultType([{ dtype: 'int8', scalar: false }, { dtype: 'float64', scalar: true, value: 1.5 }]), 'float64');
    assert.equal(resultType([{ dtype: 'float32', scalar: true, value: 1 }, { dtype: 'float64', scalar: true, value: 1 }]), 'float64');
  });
  it('casts like numpy', () => {
    assert.equal(castScalar(-2.7, 'int64'), -2);
    assert.equal(castScalar(300, 'uint8'), 44);
    assert.equal(castScalar(0.1, 'float32'), Math.fround(0.1));
    assert.equal(fround16(2049), 2048); // ties to even
    assert.equal(fround16(2051), 2052);
    assert.equal(fround16(65520), Infinity);
  });
  it('reads dtype= in numpy\'s spellings', () => {
    assert.equal(dtypeFromValue({ kind: 'str', value: 'f4' }), 'float32');
    assert.equal(dtypeFromValue({ kind: 'builtin', name: 'np.float32' }), 'float32');
    assert.equal(dtypeFromValue({ kind: 'builtin', name: 'float' }), 'float64');
    assert.equal(dtypeFromValue({ kind: 'none' }), null);
    throwsNumpy(() => dtypeFromValue({ kind: 'str', value: 'floot32' }), 'bad-dtype', "data type 'floot32' not understood");
  });
  it('normalises axes and raises numpy\'s AxisError', () => {
    const c = (axis: Value) => call('np.sum', [arr([2, 3])], { axis });
    assert.deepEqual(axisArg(c(int(-1)), 1, 'axis', 2, null), [1]);
    assert.deepEqual(axisArg(c({ kind: 'tuple', items: [int(0), int(-1)] }), 1, 'axis', 2, null), [0, 1]);
    assert.equal(axisArg(c({ kind: 'none' }), 1, 'axis', 2, null), null);
    assert.equal(axisArg(c(int()), 1, 'axis', 2, null), undefined);
    throwsNumpy(() => axisArg(c(int(2)), 1, 'axis', 2, null), 'axis-out-of-range', 'axis 2 is out of bounds for array of dimension 2');
    throwsNumpy(() => axisArg(c({ kind: 'tuple', items: [int(1), int(-1)] }), 1, 'axis', 2, null), 'duplicate-axis');
  });
  it('reads shapes, naming unknown dims by their source text', () => {
    assert.deepEqual(shapeArg(call('np.zeros', [{ kind: 'tuple', items: [int(2), int(3)] }]), 0, 'shape'), [2, 3]);
    throwsNumpy(() => shapeArg(call('np.zeros', [int(-1)]), 0, 'shape'), 'negative-dimension');
    const c = call('np.zeros', [{ kind: 'tuple', items: [int(), int(4)] }], {}, ['(seq_len, 4)']);
    assert.deepEqual(symbolicShapeArg(c, 0, 'shape'), [Dim.sym('seq_len'), 4]);
    const e = call('np.zeros', [{ kind: 'tuple', items: [int(), int()] }], {}, ['(f(x), 4)']);
    assert.equal(symbolicShapeArg(e, 0, 'shape'), undefined);
  });
  it('discovers shape and dtype like np.asarray', () => {
    const list = (items: Value[]): Value => ({ kind: 'list', items });
    const a = toArray(list([list([int(1), int(2)]), list([int(3), { kind: 'float', value: 4.5 }])]));
    assert.deepEqual(a.shape, [2, 2]);
    assert.equal(a.dtype, 'float64');
    assert.deepEqual(Array.from(a.data!), [1, 2, 3, 4.5]);
    const u = toArray(list([int(1), int()]));
    assert.deepEqual(u.shape, [2]);
    assert.equal(u.data, undefined);
    throwsNumpy(() => toArray(list([list([int(1)]), int(2)])), 'ragged-array');
  });
});

describe('ops A: symbolic and unknown shapes', () => {
  const shapeOf = (name: string, args: Value[], kw: Record<string, Value> = {}, texts?: string[], self?: Value) => findOp(name)!.shape(call(name, args, kw, texts, self)) as ArrayValue;
  it('broadcasts symbolic operands', () => {
    assert.deepEqual(shapeOf('op.add', [arr([n, d]), arr([d])]).shape, [n, d]);
    assert.deepEqual(shapeOf('op.truediv', [arr([n, d]), { kind: 'float' }]).shape, [n, d]);
    assert.deepEqual(shapeOf('np.exp', [arr([n, d])]).shape, [n, d]);
  });
  it('reduces symbolic shapes', () => {
    assert.deepEqual(shapeOf('np.sum', [arr([n, d])], { axis: int(-1), keepdims: { kind: 'bool', value: true } }).shape, [n, 1]);
    assert.deepEqual(shapeOf('np.max', [arr([n, d])], { axis: int(0) }).shape, [d]);
    assert.deepEqual(shapeOf('ndarray.mean', [], {}, [], arr([n, d])).shape, []);
  });
  it('names creation shapes after the program\'s variables', () => {
    assert.deepEqual(shapeOf('np.zeros', [{ kind: 'tuple', items: [int(), int()] }], {}, ['(n, d_k)']).shape, [Dim.sym('n'), Dim.sym('d_k')]);
    assert.deepEqual(shapeOf('np.arange', [int()], {}, ['seq_len']).shape, [Dim.sym('seq_len')]);
    assert.deepEqual(shapeOf('np.eye', [int()], {}, ['d_model']).shape, [Dim.sym('d_model'), Dim.sym('d_model')]);
  });
  it('unknown in, unknown out — never an error', () => {
    const unknownArr = arr(null, null);
    const unary = ['np.exp', 'np.log', 'np.sqrt', 'np.abs', 'np.sum', 'np.mean', 'np.max', 'np.argmax', 'np.std', 'np.var', 'np.cumsum', 'np.any', 'np.sort', 'np.argsort', 'np.unique', 'np.round', 'np.isnan', 'np.nonzero', 'np.zeros_like', 'np.count_nonzero', 'op.neg', 'op.invert'];
    for (const name of unary) assert.doesNotThrow(() => findOp(name)!.shape(call(name, [unknownArr])), name);
    const binary = ['op.add', 'op.sub', 'op.mul', 'op.truediv', 'op.pow', 'op.lt', 'op.and', 'np.maximum', 'np.fmax', 'np.isclose', 'np.allclose'];
    for (const name of binary) {
      const r = findOp(name)!.shape(call(name, [unknownArr, arr([3, 4])]));
      if (r.kind === 'array') assert.equal(r.shape, null, name);
    }
    assert.doesNotThrow(() => findOp('np.sum')!.shape(call('np.sum', [arr([3, 4])], { axis: int() })));
    assert.equal((findOp('np.sum')!.shape(call('np.sum', [arr([3, 4])], { axis: int() })) as ArrayValue).shape, null);
  });
});

describe('ops registry contract', () => {
  it('every registered op has names, a doc, LaTeX, a shape rule and an evaluator', () => {
    const ops = allOps();
    assert.ok(ops.length > 50);
    for (const op of ops) {
      assert.ok(op.names.length > 0);
      const name = op.names[0];
      assert.ok(op.names.every((x) => /^(np|ndarray|op|math|Generator|RandomState|scipy\.special)\.|^[a-z_]+$/.test(x)), name);
      assert.ok(typeof op.doc === 'string' && op.doc.length > 20, `${name}: doc`);
      assert.equal(typeof op.latex(['A', 'B', 'C']), 'string', `${name}: latex`);
      assert.equal(typeof op.shape, 'function', `${name}: shape`);
      assert.equal(typeof op.evaluate, 'function', `${name}: evaluate`);
    }
  });
});

describe('ops A: speed at attention sizes (n=256, d=64)', () => {
  it('a full softmax over 256×256 scores takes milliseconds', () => {
    const N = 256;
    const scores = arr([N, N], 'float64', Float64Array.from({ length: N * N }, (_, i) => Math.sin(i)));
    const t0 = performance.now();
    const run = (name: string, args: Value[], kw: Record<string, Value> = {}) => {
      const c = call(name, args, kw);
      const op = findOp(name)!;
      return op.evaluate(c, op.shape(c)) as ArrayValue;
    };
    const keep = { axis: int(-1), keepdims: { kind: 'bool', value: true } as Value };
    const mx = run('np.max', [scores], keep);
    const e = run('np.exp', [run('op.sub', [scores, mx])]);
    const w = run('op.truediv', [e, run('np.sum', [e], keep)]);
    const ms = performance.now() - t0;
    const row = w.data!.subarray(0, N).reduce((p, x) => p + x, 0);
    assert.ok(Math.abs(row - 1) < 1e-12, `rows sum to 1 (${row})`);
    assert.ok(ms < 500, `softmax took ${ms.toFixed(1)} ms`);
  });
});
