// Test support for the part-B op goldens (test/unit/ops/goldens/b_*.json, written by numpy through
// gen_goldens_b.py): decode the JSON values, call an op the way the interpreter does (shape rule,
// then the evaluator when every operand is determined) and compare with numpy's result.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NumpyError, type Diagnostic } from '../../../src/core/diagnostics';
import type { Loc } from '../../../src/core/ir';
import { findOp } from '../../../src/core/ops/registry';
import type { OpCall } from '../../../src/core/ops/types';
import type { ArrayValue, Value } from '../../../src/core/values';
import '../../../src/core/ops/index';

/** one encoded value of the golden JSON (see enc() in gen_goldens_b.py); fields depend on `k` */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from numpy, checked field by field in decode()
export interface Enc { k: string; [key: string]: any }
export interface GoldenCase {
  name: string;
  note: string;
  args: Enc[];
  kwargs: Record<string, Enc>;
  self?: Enc;
  texts?: string[];
  check?: string;
  result?: Enc;
  error?: { type: string; message: string; code: string | null };
}

export function loadGoldens(group: string): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'goldens', `b_${group}.json`), 'utf8'));
}

const num = (x: number | string): number =>
  typeof x === 'number' ? x : x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : -Infinity;

export function decode(e: Enc): Value {
  switch (e.k) {
    case 'array': {
      const a: ArrayValue = { kind: 'array', shape: e.shape, dtype: e.dtype, data: Float64Array.from(e.data.map(num)) };
      if (e.scalar) a.scalar = true;
      return a;
    }
    case 'int': return { kind: 'int', value: e.v };
    case 'float': return { kind: 'float', value: num(e.v) };
    case 'bool': return { kind: 'bool', value: e.v };
    case 'str': return { kind: 'str', value: e.v };
    case 'none': return { kind: 'none' };
    case 'ellipsis': return { kind: 'ellipsis' };
    case 'tuple': return { kind: 'tuple', items: e.items.map(decode) };
    case 'list': return { kind: 'list', items: e.items.map(decode) };
    case 'slice': return { kind: 'slice', start: decode(e.start), stop: decode(e.stop), step: decode(e.step) };
    default: throw new Error(`unknown encoding ${e.k}`);
  }
}

/** The same value with every array's data removed (what the shape rule sees for undetermined operands). */
export function withoutData(v: Value): Value {
  if (v.kind === 'array') return { kind: 'array', shape: v.shape, dtype: v.dtype };
  if ((v.kind === 'list' || v.kind === 'tuple') && v.items) return { ...v, items: v.items.map(withoutData) };
  return v;
}

const LOC: Loc = { line: 1, col: 0, endLine: 1, endCol: 10 };

export function makeCall(name: string, args: Value[], kwargs: Record<string, Value> = {}, self?: Value, texts?: string[]): OpCall & { reports: Diagnostic[] } {
  const reports: Diagnostic[] = [];
  return {
    name, args, kwargs: new Map(Object.entries(kwargs)), self, loc: LOC,
    argLocs: args.map((_, i) => ({ line: 1, col: i * 4, endLine: 1, endCol: i * 4 + 1 })),
    argTexts: texts ?? args.map((_, i) => `a${i}`),
    ctx: { maxElements: 1e6, report: (d) => reports.push(d), perTrace: new Map() },
    reports,
  };
}

export function callOf(c: GoldenCase, strip = false): OpCall {
  const f = strip ? (e: Enc) => withoutData(decode(e)) : decode;
  const kw: Record<string, Value> = {};
  for (const [k, v] of Object.entries(c.kwargs)) kw[k] = f(v);
  return makeCall(c.name, c.args.map(f), kw, c.self ? f(c.self) : undefined, c.texts);
}

/** Run an op as the interpreter does: shape(), then evaluate() on determined operands. */
export function run(call: OpCall, evaluate = true): Value {
  const op = findOp(call.name);
  if (!op) throw new Error(`op ${call.name} is not registered`);
  const abstract = op.shape(call);
  return evaluate ? op.evaluate(call, abstract) : abstract;
}

export function close(actual: number, expected: number, rel = 1e-9, abs = 1e-12): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

/** Deep comparison of our value with numpy's encoded result (shape, dtype, numbers within tolerance). */
export function assertMatches(actual: Value, expected: Enc, where: string, rel = 1e-9): void {
  if (expected.k === 'array') {
    assert.equal(actual.kind, 'array', `${where}: kind`);
    const a = actual as ArrayValue;
    assert.deepEqual(a.shape, expected.shape, `${where}: shape`);
    assert.equal(a.dtype, expected.dtype, `${where}: dtype`);
    assert.ok(a.data, `${where}: no data`);
    assert.equal(a.data!.length, expected.data.length, `${where}: size`);
    const tol = expected.dtype === 'float32' ? Math.max(rel, 2e-6) : rel;
    expected.data.forEach((x: number | string, i: number) => {
      assert.ok(close(a.data![i], num(x), tol), `${where}: element ${i}: ${a.data![i]} vs numpy ${x}`);
    });
    if (expected.scalar) assert.equal(a.scalar, true, `${where}: numpy returns a scalar`);
    return;
  }
  if (expected.k === 'tuple' || expected.k === 'list') {
    assert.ok(actual.kind === 'tuple' || actual.kind === 'list', `${where}: expected a ${expected.k}, got ${actual.kind}`);
    const items = (actual as { items: Value[] | null }).items!;
    assert.equal(items.length, expected.items.length, `${where}: length`);
    expected.items.forEach((e: Enc, i: number) => assertMatches(items[i], e, `${where}[${i}]`, rel));
    return;
  }
  assert.deepEqual(actual, decode(expected), where);
}

/** Shape-only comparison (the shape rule on operands without data). */
export function assertShapeMatches(actual: Value, expected: Enc, where: string): void {
  if (expected.k === 'array') {
    assert.equal(actual.kind, 'array', `${where}: kind`);
    const a = actual as ArrayValue;
    assert.ok(a.shape, `${where}: shape unknown`);
    assert.equal(a.shape!.length, expected.shape.length, `${where}: rank`);
    // a symbol stands for a size only the data could tell (a boolean mask's count): unknown is not wrong
    a.shape!.forEach((d, i) => {
      if (typeof d === 'number') assert.equal(d, expected.shape[i], `${where}: dim ${i}`);
    });
    assert.equal(a.dtype, expected.dtype, `${where}: dtype`);
    return;
  }
  if (expected.k === 'tuple' || expected.k === 'list') {
    const items = (actual as { items: Value[] | null }).items;
    if (items === null || items === undefined) return; // a split of unknown count: nothing to compare
    expected.items.forEach((e: Enc, i: number) => assertShapeMatches(items[i], e, `${where}[${i}]`));
  }
}

/** The golden loop: every case's shape rule and value (or numpy's error) checked. */
export function runGoldens(group: string, opts: { skip?: (c: GoldenCase) => boolean; tutorCodes?: string[]; containsCodes?: string[] } = {}): void {
  for (const c of loadGoldens(group)) {
    if (opts.skip?.(c)) continue;
    const title = `${c.name} ${c.note || JSON.stringify(c.args.map((a) => a.shape ?? a.v ?? a.k))}${c.error ? ` → ${c.error.type}` : ''}`;
    it(title, () => {
      if (c.error) {
        const err = c.error;
        assert.throws(() => run(callOf(c)), (e: unknown) => {
          assert.ok(e instanceof NumpyError, `expected NumpyError, got ${e}`);
          if (err.code) assert.equal(e.code, err.code);
          if (opts.containsCodes?.includes(e.code)) assert.ok(e.text.en.includes(err.message), `${e.text.en} should quote numpy's message`);
          else if (!opts.tutorCodes?.includes(e.code)) assert.equal(e.text.en, err.message);
          assert.ok(e.text.fr.length > 0 && e.text.fr !== e.text.en, 'French text');
          const py = e.options.pyType;
          assert.equal(py, err.type);
          return true;
        });
        return;
      }
      const shapeOnly = run(callOf(c, true), false);
      assertShapeMatches(shapeOnly, c.result!, 'shape rule');
      assertMatches(run(callOf(c)), c.result!, 'value');
    });
  }
}
