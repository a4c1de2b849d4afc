// Shared by the interpreter tests: trace a snippet, find a binding, render values as CPython
// would (repr), and compare arrays with the numpy values stored in expected.json.
import * as assert from 'node:assert/strict';
import { pyRepr } from '../../../src/core/builtins/format';
import { Dim } from '../../../src/core/shapes/dim';
import { trace } from '../../../src/core/trace';
import type { Binding, Trace, TraceOptions } from '../../../src/core/types';
import type { Value } from '../../../src/core/values';
import raw from './expected.json';

export interface ExpectedValue {
  kind: string;
  shape?: number[];
  dtype?: string;
  value?: unknown;
  repr?: string;
}
export interface Expected {
  exprs: { expr: string; repr: string; type: string }[];
  errors: { expr: string; type: string; message: string }[];
  numpy: { name: string; source: string; values: Record<string, ExpectedValue> }[];
}
/** CPython's and numpy's answers, written by make_expected.py. */
export const expected = raw as unknown as Expected;

export function py(source: string, options: TraceOptions = {}): Trace {
  return trace(source, 'python', { budgetMs: 10_000, ...options });
}

/** The binding of `name` on the last line that assigns it. */
export function binding(t: Trace, name: string, line?: number): Binding {
  const all = t.bindings.filter((b) => b.name === name && (line === undefined || b.loc.line === line));
  assert.ok(all.length, `no binding ${name}${line ? ` on line ${line}` : ''}; have ${t.bindings.map((b) => `${b.loc.line}:${b.name}`).join(' ')}`);
  return all[all.length - 1];
}

export function shapeText(b: Binding): (number | string)[] | null {
  return b.shape ? b.shape.map((d) => Dim.toJson(d)) : null;
}

/** Nested JSON of an array value, as numpy's tolist() (non-finite as strings). */
export function nested(v: Value | undefined): unknown {
  assert.ok(v && v.kind === 'array' && v.data && v.shape, 'expected an array with data');
  const shape = v.shape as number[];
  const data = v.data;
  const num = (x: number): unknown => (Number.isFinite(x) ? (v.dtype === 'bool' ? x !== 0 : x) : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity');
  if (shape.length === 0) return num(data[0]);
  const build = (axis: number, offset: number): unknown[] => {
    const n = shape[axis];
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(axis === shape.length - 1 ? num(data[offset + i]) : build(axis + 1, offset + i * stride));
    return out;
  };
  return build(0, 0);
}

/** Deep comparison of nested numbers with a relative tolerance. */
export function assertClose(actual: unknown, want: unknown, rel = 1e-12, path = ''): void {
  if (typeof want === 'number' && typeof actual === 'number') {
    const ok = actual === want || Math.abs(actual - want) <= rel * Math.max(1, Math.abs(want));
    assert.ok(ok, `${path}: ${actual} vs numpy ${want}`);
    return;
  }
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(actual) && actual.length === want.length, `${path}: length differs`);
    want.forEach((w, i) => assertClose((actual as unknown[])[i], w, rel, `${path}[${i}]`));
    return;
  }
  assert.deepEqual(actual, want, path);
}

export function reprOf(v: Value | undefined): string | undefined {
  return v ? pyRepr(v) : undefined;
}
