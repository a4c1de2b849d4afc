// Runs the numpy goldens of ops part A (goldens/a_*.json, made by gen_goldens_a.py): decodes each
// case into interpreter Values, calls the registered op's shape rule and evaluator, and compares
// shape, dtype, values (float tolerance per dtype), errors and RuntimeWarnings with numpy's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../../src/core/ops/index';
import { NumpyError, type Diagnostic } from '../../../src/core/diagnostics';
import { findOp } from '../../../src/core/ops/registry';
import type { OpCall } from '../../../src/core/ops/types';
import type { ArrayValue, DType, Value } from '../../../src/core/values';

type J = { k: string; [key: string]: unknown };
export interface GoldenCase {
  name: string;
  note: string;
  args: J[];
  kwargs: Record<string, J>;
  self?: J;
  expect?: J;
  error?: { type: string; message: string };
  warnings: string[];
}

export function loadGoldens(group: string): GoldenCase[] {
  const file = path.join(__dirname, 'goldens', `a_${group}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).cases as GoldenCase[];
}

const num = (x: unknown): number => (x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : (x as number));

const TYPE_NAMES: Record<string, string> = { int: 'int', float: 'float', bool: 'bool' };

export function decode(j: J): Value {
  switch (j.k) {
    case 'array': {
      const a: ArrayValue = { kind: 'array', shape: j.shape as number[], dtype: j.dtype as DType, data: Float64Array.from((j.data as unknown[]).map(num)) };
      if (j.scalar) a.scalar = true;
      return a;
    }
    case 'int': return { kind: 'int', value: j.v as number };
    case 'float': return { kind: 'float', value: num(j.v) };
    case 'bool': return { kind: 'bool', value: j.v as boolean };
    case 'str': return { kind: 'str', value: j.v as string };
    case 'none': return { kind: 'none' };
    case 'tuple': return { kind: 'tuple', items: (j.items as J[]).map(decode) };
    case 'list': return { kind: 'list', items: (j.items as J[]).map(decode) };
    case 'range': return { kind: 'range', start: j.start as number, stop: j.stop as number, step: j.step as number };
    case 'type': return { kind: 'builtin', name: TYPE_NAMES[j.name as string] ?? (j.name as string) };
    case 'dtype': return { kind: 'builtin', name: 'np.dtype', self: { kind: 'str', value: j.name as string } };
    default: throw new Error(`cannot decode ${j.k}`);
  }
}

export function makeCall(c: GoldenCase, reports: Diagnostic[] = []): OpCall {
  const loc = { line: 1, col: 0, endLine: 1, endCol: 1 };
  const args = c.args.map(decode);
  return {
    name: c.name, args, kwargs: new Map(Object.entries(c.kwargs).map(([k, v]) => [k, decode(v)])),
    self: c.self ? decode(c.self) : undefined, loc, argLocs: args.map(() => loc), argTexts: args.map((_, i) => `a${i}`),
    ctx: { maxElements: 1e6, report: (d) => reports.push(d), perTrace: new Map() },
  };
}

/** Tolerance of a float dtype's values against numpy (libm vs V8 differ in the last ulp at most). */
function tol(dt: string): { rel: number; abs: number } {
  if (dt === 'float16') return { rel: 1e-3, abs: 1e-7 };
  // numpy's float32 transcendental loops are not always correctly rounded: allow 2 ulp
  if (dt === 'float32') return { rel: 2.5e-7, abs: 1e-30 };
  return { rel: 1e-9, abs: 1e-12 };
}

function closeEnough(got: number, want: number, dt: string): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  if (!dt.startsWith('float')) return got === want;
  const t = tol(dt);
  return Math.abs(got - want) <= t.abs + t.rel * Math.abs(want);
}

export function assertValue(got: Value, want: J, where: string): void {
  if (want.k === 'array') {
    assert.equal(got.kind, 'array', `${where}: kind`);
    const a = got as ArrayValue;
    assert.deepEqual(a.shape, want.shape, `${where}: shape`);
    assert.equal(a.dtype, want.dtype, `${where}: dtype`);
    assert.equal(Boolean(a.scalar), Boolean(want.scalar), `${where}: numpy scalar vs array`);
    assert.ok(a.data, `${where}: no data`);
    const wd = (want.data as unknown[]).map(num);
    assert.equal(a.data!.length, wd.length, `${where}: size`);
    for (let i = 0; i < wd.length; i++) {
      if (!closeEnough(a.data![i], wd[i], want.dtype as string)) assert.fail(`${where}: element ${i}: got ${a.data![i]}, numpy ${wd[i]}`);
    }
    return;
  }
  if (want.k === 'tuple' || want.k === 'list') {
    assert.equal(got.kind, want.k, `${where}: kind`);
    const items = (got as { items: Value[] | null }).items;
    assert.ok(items, `${where}: items`);
    const wi = want.items as J[];
    assert.equal(items!.length, wi.length, `${where}: length`);
    wi.forEach((w, i) => assertValue(items![i], w, `${where}[${i}]`));
    return;
  }
  if (want.k === 'dtype') {
    assert.deepEqual(got, { kind: 'builtin', name: 'np.dtype', self: { kind: 'str', value: want.name } }, where);
    return;
  }
  if (want.k === 'float' && got.kind === 'float') {
    assert.ok(closeEnough(got.value!, num(want.v), 'float64'), `${where}: ${got.value} vs ${want.v}`);
    return;
  }
  assert.deepEqual(got, decode(want), where);
}

/** Run one golden case through the op's shape rule and evaluator and check it against numpy. */
export function runCase(c: GoldenCase, opts: { warnings?: boolean } = {}): void {
  const where = `${c.name}(${c.args.map((a) => JSON.stringify(a).slice(0, 60)).join(', ')}) ${JSON.stringify(c.kwargs).slice(0, 80)}`;
  const op = findOp(c.name);
  assert.ok(op, `${c.name} is not registered`);
  const reports: Diagnostic[] = [];
  const call = makeCall(c, reports);
  let abstract: Value;
  try {
    abstract = op!.shape(call);
    if (!c.error) {
      const got = op!.evaluate(call, abstract);
      assertValue(got, c.expect!, where);
      // the shape rule alone must already give numpy's shape and dtype
      if (abstract.kind === 'array' && c.expect!.k === 'array') {
        assert.deepEqual(abstract.shape, c.expect!.shape, `${where}: shape rule`);
        assert.equal(abstract.dtype, c.expect!.dtype, `${where}: dtype rule`);
      }
      if (opts.warnings !== false) {
        const msgs = new Set(reports.map((r) => r.message.en.replace(/^RuntimeWarning: /, '')));
        // numpy's follow-up "invalid value … divide" after "Mean of empty slice" / "Degrees of freedom" is noise we skip
        const primary = c.warnings.filter((w) => !(/^invalid value encountered in (scalar )?divide$/.test(w) && c.warnings.some((x) => /empty slice|Degrees of freedom/.test(x))));
        for (const w of primary) assert.ok(msgs.has(w), `${where}: missing RuntimeWarning "${w}" (got ${[...msgs].join(' | ') || 'none'})`);
        for (const m of msgs) assert.ok(c.warnings.includes(m), `${where}: numpy does not warn "${m}"`);
      }
      return;
    }
    // numpy raised: our shape rule or evaluator must raise the same
    op!.evaluate(call, abstract);
  } catch (e) {
    if (!(e instanceof NumpyError)) throw e;
    assert.ok(c.error, `${where}: unexpected error ${e.message}`);
    assert.equal(e.text.en, c.error!.message, `${where}: message`);
    assert.ok(e.text.fr.length > 0, `${where}: French message`);
    return;
  }
  assert.fail(`${where}: numpy raised ${c.error!.type}: ${c.error!.message}, we did not`);
}
