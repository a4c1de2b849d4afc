// The generic machinery behind every ufunc: operands → broadcast shape and numpy's loop dtype
// (shape rule), then one flat Float64Array loop over broadcast index maps (evaluator), with
// inputs cast to the loop's type, outputs rounded to its dtype, and numpy's RuntimeWarnings.

import { NumpyError, type Diagnostic } from '../diagnostics';
import { broadcastIndexer, broadcastOrNull } from '../shapes/broadcast';
import type { Shape } from '../shapes/dim';
import type { ArrayValue, BoolValue, DType, FloatValue, IntValue, L10nText, Value } from '../values';
import { arg, dtypeArg } from './args';
import { toArray } from './convert';
import { canCastSafe, castData, isFloat, operandOf, type DtOperand } from './dtype';
import { registerOp } from './registry';
import type { OpCall, OpModule } from './types';
import { outDtypeUnknown, resolveLoop, type Loop, type ResolveSpec } from './ufuncTypes';
import { canCastSameKind, maskLanes, mergeOut, outCastError, outOperand, outShape, whereOperand } from './ufuncOut';
import { withKeepdimsHint } from './keepdimsHint';

export type Kernel1 = (x: number) => number;
export type Kernel2 = (x: number, y: number) => number;
export type Kernel3 = (x: number, y: number, z: number) => number;

/** numpy's floating-point error categories, as its RuntimeWarnings name them. */
export type FpFlag = 'divide' | 'invalid' | 'overflow';

export interface UfuncSpec<K> extends ResolveSpec {
  names: readonly string[];
  doc: string;
  latex(operands: readonly string[]): string;
  /** keyword names of the operands (np.add(x1=…, x2=…)) */
  params: readonly string[];
  /** the kernel for a loop: `loop.ins[0]` tells int from float semantics */
  kernel(loop: Loop): K;
  /** numpy's run-time errors that depend on values (int ** negative); called when data is known */
  check?(inputs: readonly ArrayValue[], loop: Loop): void;
  /**
   * Which RuntimeWarning an inf (or NaN) produced from finite inputs means for this ufunc
   * (divide for x/0 and log(0), overflow for exp(1000)); absent: no warnings.
   */
  infFlag?: FpFlag | ((inputs: readonly number[]) => FpFlag);
  /** integer loops that warn when dividing by zero (floor_divide, remainder) */
  intDivZero?: boolean;
}

/** One operand, as an array (Python scalars as 0-d) plus what type resolution needs. */
interface Operand {
  value: Value;
  array: ArrayValue | null;
  dt: DtOperand | null;
}

function operands(call: OpCall, params: readonly string[]): Operand[] {
  return params.map((p, i) => {
    const v = arg(call, i, p) ?? { kind: 'unknown' as const };
    let array: ArrayValue | null = null;
    if (v.kind === 'array') array = v;
    else if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') array = scalarArray(v);
    else if (v.kind === 'list' || v.kind === 'tuple' || v.kind === 'range') array = toArray(v);
    const dt = v.kind === 'list' || v.kind === 'tuple' || v.kind === 'range' ? (array && array.dtype ? { dtype: array.dtype, scalar: false } : null) : operandOf(v);
    return { value: v, array, dt };
  });
}

/**
 * What the shape step found for a call (operands, loop, result), kept for the evaluate step of the
 * same call: the dispatcher calls shape then evaluate with the same OpCall and the shape's result,
 * so converting operands and resolving the loop twice per ufunc call is avoided.
 */
interface ShapeStep {
  ops: Operand[];
  result: ArrayValue;
  loop: Loop | null;
}
const shapeSteps = new WeakMap<OpCall, ShapeStep>();

/**
 * A Python scalar as np.asarray makes it (0-d int64 / float64 / bool, no data when the value is
 * unknown): what toArray returns, without its discovery of nested sequences, for `x * 2`.
 */
export function scalarArray(v: IntValue | FloatValue | BoolValue): ArrayValue {
  const dtype: DType = v.kind === 'int' ? 'int64' : v.kind === 'float' ? 'float64' : 'bool';
  if (v.value === undefined) return { kind: 'array', shape: [], dtype };
  const x = typeof v.value === 'boolean' ? (v.value ? 1 : 0) : v.value;
  return { kind: 'array', shape: [], dtype, data: castData(Float64Array.of(x), dtype) };
}

/** The abstract result of a ufunc call: broadcast shape, loop output dtype; numpy's errors. */
export function ufuncShape(spec: UfuncSpec<unknown>, call: OpCall): { result: ArrayValue; loop: Loop | null } {
  const ops = operands(call, spec.params);
  const step = shapeOf(spec, call, ops);
  shapeSteps.set(call, { ops, ...step });
  return step;
}

function shapeOf(spec: UfuncSpec<unknown>, call: OpCall, ops: Operand[]): { result: ArrayValue; loop: Loop | null } {
  const shapes = ops.map((o) => (o.array ? o.array.shape : null));
  const out = outOperand(call, spec.params.length);
  const where = whereOperand(call);
  let shape: Shape | null;
  try {
    shape = out === undefined && where === undefined ? broadcastOrNull(shapes) : outShape(shapes, out, where);
  } catch (e) {
    throw e instanceof NumpyError ? withKeepdimsHint(e, call, shapes) : e;
  }
  let loop: Loop | null = null;
  let dtype: DType | null;
  if (ops.every((o) => o.dt !== null)) {
    loop = resolveLoop(spec, ops.map((o) => o.dt!), dtypeArg(call, -1, 'dtype') ?? null);
    dtype = loop.out;
    if (out?.dtype && !canCastSameKind(loop.out, out.dtype)) throw outCastError(spec.ufunc, loop.out, out.dtype);
    if (spec.check && ops.every((o) => o.array?.data)) spec.check(ops.map((o) => o.array!), loop);
  } else {
    dtype = outDtypeUnknown(spec);
  }
  // with out=, the call returns out itself: its dtype, never a numpy scalar
  if (out) return { result: { kind: 'array', shape, dtype: out.dtype }, loop };
  if (out === null) return { result: { kind: 'array', shape, dtype: null }, loop };
  const result: ArrayValue = { kind: 'array', shape, dtype };
  // numpy returns a numpy scalar, not a 0-d array, when every operand is 0-d
  if (shape !== null && shape.length === 0) result.scalar = true;
  return { result, loop };
}

/** The operand's data converted to the loop's input dtype (a copy only when the type changes). */
function loopInput(a: ArrayValue, dt: DType): Float64Array {
  // a safe cast never changes a value; only value-based scalars (0.1 into a float32 loop) need rounding
  if (a.dtype === dt || (a.dtype !== null && canCastSafe(a.dtype, dt))) return a.data!;
  return castData(a.data!.slice(), dt);
}

function concrete(s: Shape): number[] {
  return s as number[];
}

/** Run a unary or binary kernel over broadcast operands; returns the output data (cast to out). */
export function runKernel(loop: Loop, inputs: readonly ArrayValue[], outShape: readonly number[], kernel: Kernel1 | Kernel2 | Kernel3): Float64Array {
  const n = outShape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(n);
  const xs = inputs.map((a, i) => loopInput(a, loop.ins[i]));
  if (inputs.length === 1) {
    const f = kernel as Kernel1;
    const x = xs[0];
    // an out= larger than the input broadcasts it
    const ix = x.length === n ? null : broadcastIndexer(concrete(inputs[0].shape!), outShape);
    if (ix === null) for (let i = 0; i < n; i++) out[i] = f(x[i]);
    else for (let i = 0; i < n; i++) out[i] = f(x[ix[i]]);
  } else if (inputs.length === 3) {
    const f = kernel as unknown as Kernel3;
    const id = inputs.map((a) => broadcastIndexer(concrete(a.shape!), outShape));
    const at = (k: number, i: number) => (id[k] === null ? i : id[k]![i]);
    for (let i = 0; i < n; i++) out[i] = f(xs[0][at(0, i)], xs[1][at(1, i)], xs[2][at(2, i)]);
  } else {
    const f = kernel as Kernel2;
    const [x, y] = xs;
    // a one-element operand against the whole output (x * 2, x - x.max()): read it once, no index map
    if (y.length === 1 && x.length === n && n !== 1 && sameTailOf(inputs[0], outShape)) {
      const b = y[0];
      for (let i = 0; i < n; i++) out[i] = f(x[i], b);
      return castData(out, loop.out);
    }
    if (x.length === 1 && y.length === n && n !== 1 && sameTailOf(inputs[1], outShape)) {
      const a = x[0];
      for (let i = 0; i < n; i++) out[i] = f(a, y[i]);
      return castData(out, loop.out);
    }
    const ix = broadcastIndexer(concrete(inputs[0].shape!), outShape);
    const iy = broadcastIndexer(concrete(inputs[1].shape!), outShape);
    if (ix === null && iy === null) for (let i = 0; i < n; i++) out[i] = f(x[i], y[i]);
    else if (ix === null) for (let i = 0; i < n; i++) out[i] = f(x[i], y[iy![i]]);
    else if (iy === null) for (let i = 0; i < n; i++) out[i] = f(x[ix[i]], y[i]);
    else for (let i = 0; i < n; i++) out[i] = f(x[ix[i]], y[iy[i]]);
  }
  return castData(out, loop.out);
}

/** Does the operand, read flat, walk the output in order (its shape is the output's, maybe with fewer leading axes)? */
function sameTailOf(a: ArrayValue, outShape: readonly number[]): boolean {
  const s = concrete(a.shape!);
  if (s.length > outShape.length) return false;
  const off = outShape.length - s.length;
  for (let i = 0; i < s.length; i++) if (s[i] !== outShape[off + i]) return false;
  return true;
}

function warningText(flag: FpFlag, ufunc: string): L10nText {
  const fr = { divide: 'division par zéro', invalid: 'valeur invalide (NaN)', overflow: 'dépassement de capacité' }[flag];
  const en = { divide: 'divide by zero', invalid: 'invalid value', overflow: 'overflow' }[flag];
  return {
    en: `RuntimeWarning: ${en} encountered in ${ufunc}`,
    fr: `RuntimeWarning : ${fr} rencontré(e) dans ${ufunc}`,
  };
}

/** Report numpy's RuntimeWarning for this call (once per call, once per category). */
export function reportFp(call: OpCall, ufunc: string, flags: Set<FpFlag>): void {
  for (const f of flags) {
    const d: Diagnostic = { loc: call.loc, severity: 'warning', code: 'runtime-warning', message: warningText(f, ufunc) };
    call.ctx.report(d);
  }
}

/** Which floating-point flags numpy would raise: non-finite outputs from finite inputs. */
function detectFlags(spec: UfuncSpec<unknown>, loop: Loop, inputs: readonly ArrayValue[], out: Float64Array, outShape: readonly number[]): Set<FpFlag> {
  const flags = new Set<FpFlag>();
  const intLoop = !isFloat(loop.ins[0]) && loop.ins[0] !== 'bool';
  if (spec.intDivZero && intLoop) {
    if (inputs[1].data!.some((y) => y === 0)) flags.add('divide');
    return flags;
  }
  if (!isFloat(loop.out) || !spec.infFlag) return flags;
  // the index maps are only needed to look at the inputs of a non-finite output, which is rare
  let idx: (Int32Array | null)[] | undefined;
  const xs = new Array<number>(inputs.length);
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (Number.isFinite(r)) continue;
    let finiteIn = true;
    let nanIn = false;
    idx ??= inputs.map((a) => broadcastIndexer(concrete(a.shape!), outShape));
    for (let k = 0; k < inputs.length; k++) {
      const x = inputs[k].data![idx[k] === null ? i : idx[k]![i]];
      xs[k] = x;
      if (!Number.isFinite(x)) finiteIn = false;
      if (Number.isNaN(x)) nanIn = true;
    }
    // IEEE: a NaN made from non-NaN operands is an invalid operation (inf - inf, 0/0, sqrt(-1))
    if (Number.isNaN(r)) {
      if (!nanIn) flags.add('invalid');
    } else if (finiteIn) {
      flags.add(typeof spec.infFlag === 'function' ? spec.infFlag(xs) : spec.infFlag);
    }
  }
  return flags;
}

/** The full evaluation of a ufunc call whose operands are all determined. */
export function ufuncEvaluate(spec: UfuncSpec<Kernel1 | Kernel2 | Kernel3>, call: OpCall, abstract: Value): Value {
  const known = shapeSteps.get(call);
  const ops = known && known.result === abstract ? known.ops : operands(call, spec.params);
  if (abstract.kind !== 'array' || abstract.shape === null || ops.some((o) => !o.array?.data)) return abstract;
  const out = outOperand(call, spec.params.length) ?? undefined;
  const where = whereOperand(call) ?? undefined;
  // a where= mask leaves the unselected outputs uninitialised without out=: no determined value
  if (call.kwargs.has('where') && (!where?.data || !out?.data)) return abstract;
  const { loop } = known && known.result === abstract ? known : ufuncShape(spec, call);
  if (!loop) return abstract;
  const inputs = ops.map((o) => o.array!);
  const shape = concrete(abstract.shape);
  const data = runKernel(loop, inputs, shape, spec.kernel(loop));
  // numpy never computes masked lanes, so they raise no RuntimeWarning
  const lanes = where ? maskLanes(where, shape) : undefined;
  if (lanes) for (let i = 0; i < data.length; i++) if (!lanes[i]) data[i] = 0;
  const flags = detectFlags(spec, loop, inputs, data, shape);
  if (flags.size) reportFp(call, spec.ufunc, flags);
  if (!out && !where) return { ...abstract, data };
  const merged = mergeOut(data, shape, out, where);
  return merged ? { ...abstract, data: merged } : abstract;
}

/** Build and register the OpModule of a ufunc. */
export function defineUfunc(spec: UfuncSpec<Kernel1 | Kernel2 | Kernel3>): OpModule {
  const mod: OpModule = {
    names: spec.names,
    doc: spec.doc,
    latex: spec.latex,
    shape: (call) => ufuncShape(spec, call).result,
    outArg: spec.params.length,
    evaluate: (call, abstract) => ufuncEvaluate(spec, call, abstract),
  };
  registerOp(mod);
  return mod;
}

/** Is the loop integer-valued (int or uint, not bool/float)? Kernels switch semantics on it. */
export function intLoop(loop: Loop): boolean {
  const d = loop.ins[0];
  return d !== 'bool' && !isFloat(d);
}
