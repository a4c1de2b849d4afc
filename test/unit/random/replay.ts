// Replays the scripted calls of goldens.json through the numpy.random op modules (shape rule,
// then evaluator, as the interpreter calls them) and turns each result into the golden's form.

import { NumpyError } from '../../../src/core/diagnostics';
import '../../../src/core/ops/random';
import { findOp } from '../../../src/core/ops/registry';
import type { OpCall, OpContext } from '../../../src/core/ops/types';
import type { Value } from '../../../src/core/values';
import type { Diagnostic } from '../../../src/core/diagnostics';

export type Call = [string, unknown[], Record<string, unknown>?];

export interface Golden {
  type?: string;
  shape?: number[];
  dtype?: string;
  values?: number[];
  sha256?: string;
  head?: number[];
  b64?: string;
  error?: string;
  message?: string;
}

export interface Case {
  label: string;
  engine: 'legacy' | 'generator';
  seed: number | number[];
  calls: Call[];
  results: Golden[];
}

const LOC = { line: 1, col: 0, endLine: 1, endCol: 1 };

/** A JSON value of the script as the interpreter would pass it. */
export function toValue(x: unknown, key?: string): Value {
  if (x === null) return { kind: 'none' };
  if (typeof x === 'boolean') return { kind: 'bool', value: x };
  if (typeof x === 'number') return Number.isInteger(x) ? { kind: 'int', value: x } : { kind: 'float', value: x };
  if (x === 'inf') return { kind: 'float', value: Infinity };
  if (typeof x === 'string') {
    if (key === 'dtype' && (x === 'int' || x === 'bool')) return { kind: 'builtin', name: x };
    return { kind: 'str', value: x };
  }
  if (Array.isArray(x)) {
    const items = x.map((v) => toValue(v));
    return key === 'size' ? { kind: 'tuple', items } : { kind: 'list', items };
  }
  throw new Error(`unsupported script value ${String(x)}`);
}

export function makeCtx(maxElements = 1e6): OpContext & { diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  return { maxElements, report: (d) => diags.push(d), perTrace: new Map(), diags };
}

export function invoke(ctx: OpContext, name: string, args: Value[], kwargs = new Map<string, Value>(), self?: Value, texts?: string[]): Value {
  const op = findOp(name);
  if (!op) throw new Error(`no op ${name}`);
  const call: OpCall = {
    name, args, kwargs, self, loc: LOC, argLocs: args.map(() => LOC), argTexts: texts ?? args.map(() => ''), ctx,
  };
  const abstract = op.shape(call);
  return op.evaluate(call, abstract);
}

const SCALAR_NAMES: Record<string, string> = { bool: 'bool_' };

/** What one result looks like in the golden's terms (values as float64). */
export interface Got {
  type: string;
  shape?: number[];
  dtype?: string;
  values?: Float64Array;
  error?: string;
  message?: string;
}

function describe(v: Value): Got {
  switch (v.kind) {
    case 'float':
    case 'int':
      return { type: v.kind, values: v.value === undefined ? undefined : Float64Array.of(v.value) };
    case 'bool':
      return { type: 'bool', values: v.value === undefined ? undefined : Float64Array.of(v.value ? 1 : 0) };
    case 'none':
      return { type: 'NoneType' };
    case 'array':
      if (v.scalar) return { type: SCALAR_NAMES[v.dtype ?? ''] ?? String(v.dtype), dtype: v.dtype ?? undefined, values: v.data };
      return { type: 'ndarray', shape: v.shape as number[], dtype: v.dtype ?? undefined, values: v.data };
    default:
      return { type: v.kind };
  }
}

/** Run one scripted case; returns what each call gave. */
export function replay(c: Case, ctx = makeCtx()): Got[] {
  let self: Value | undefined;
  if (c.engine === 'legacy') invoke(ctx, 'np.random.seed', [toValue(c.seed)]);
  else self = invoke(ctx, 'np.random.default_rng', [toValue(c.seed)]);
  const prefix = c.engine === 'legacy' ? 'np.random.' : 'Generator.';
  return c.calls.map(([name, args, kw = {}]) => {
    const kwargs = new Map(Object.entries(kw).map(([k, v]) => [k, toValue(v, k)] as [string, Value]));
    try {
      if (name === 'shuffle_arange' || name === 'shuffle_list') {
        const shape = name === 'shuffle_arange' ? (args[0] as number[]) : [args[0] as number];
        const n = shape.reduce((p, d) => p * d, 1);
        const data = Float64Array.from({ length: n }, (_, i) => i);
        const x: Value = name === 'shuffle_arange'
          ? { kind: 'array', shape, dtype: 'float64', data }
          : { kind: 'list', items: Array.from(data, (v) => ({ kind: 'int', value: v }) as Value) };
        invoke(ctx, prefix + 'shuffle', [x], kwargs, self);
        if (x.kind === 'array') return { type: 'ndarray', shape, dtype: 'float64', values: x.data };
        return { type: 'list', values: Float64Array.from((x as { items: Value[] }).items, (v) => (v as { value: number }).value) };
      }
      return describe(invoke(ctx, prefix + name, args.map((a) => toValue(a)), kwargs, self));
    } catch (e) {
      if (e instanceof NumpyError) return { type: 'error', error: e.options.pyType, message: e.text.en };
      throw e;
    }
  });
}
