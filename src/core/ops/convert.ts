// Converting interpreter values to and from numpy arrays: np.asarray's discovery of shape and
// dtype from Python scalars and nested lists/tuples (with numpy's ragged-array error), and small
// constructors (arrays, numpy scalars) plus readers every op module uses.

import { NumpyError } from '../diagnostics';
import type { Shape } from '../shapes/dim';
import type { ArrayValue, DType, Value } from '../values';
import { castData, promoteTypes } from './dtype';

export function makeArray(shape: Shape | null, dtype: DType | null, data?: Float64Array): ArrayValue {
  return data === undefined ? { kind: 'array', shape, dtype } : { kind: 'array', shape, dtype, data };
}

/** A numpy scalar (np.float64(2.5)): shape (), printed without brackets. */
export function numpyScalar(dtype: DType, x: number): ArrayValue {
  return { kind: 'array', shape: [], dtype, data: Float64Array.of(x), scalar: true };
}

/**
 * Is every number, string and array element reachable from this value known? What an op needs to
 * be evaluated rather than only shape-checked, and the interpreter to show a value. An empty array
 * needs no data; an instance, an unknown or a structure nested past 20 levels counts as undetermined.
 */
export function isDetermined(v: Value, depth = 0): boolean {
  if (depth > 20) return false;
  switch (v.kind) {
    case 'array':
      return v.data !== undefined || (!!v.shape && v.shape.some((d) => d === 0) && v.shape.every((d) => typeof d === 'number'));
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
      return v.value !== undefined;
    case 'list':
    case 'tuple':
      return !!v.items && v.items.every((x) => isDetermined(x, depth + 1));
    case 'dict':
      return !!v.map && [...v.map.values()].every((e) => isDetermined(e.value, depth + 1));
    case 'set':
      return !!v.map && [...v.map.values()].every((x) => isDetermined(x, depth + 1));
    case 'slice':
      return isDetermined(v.start, depth + 1) && isDetermined(v.stop, depth + 1) && isDetermined(v.step, depth + 1);
    case 'range':
      return v.start !== undefined && v.stop !== undefined && v.step !== undefined;
    case 'unknown':
    case 'instance':
      return false;
    default:
      // none, ellipsis, functions, modules, classes: nothing in them is a number to know
      return true;
  }
}

// ---- np.asarray discovery ----

interface Node {
  /** shape of this node when it is an array or scalar; null for a nested Python sequence */
  leafShape: Shape | null;
  /** child nodes when this is a Python sequence */
  items: Node[] | null;
  dtype: DType | null;
  data?: Float64Array;
  /** shape or dtype cannot be known (unknown value, unknown-length list) */
  unknownShape: boolean;
  nonNumeric: boolean;
}

function discover(v: Value): Node {
  switch (v.kind) {
    case 'int':
      return leaf([], 'int64', v.value);
    case 'float':
      return leaf([], 'float64', v.value);
    case 'bool':
      return leaf([], 'bool', v.value === undefined ? undefined : v.value ? 1 : 0);
    case 'array':
      return { leafShape: v.shape, items: null, dtype: v.dtype, data: v.data, unknownShape: v.shape === null, nonNumeric: false };
    case 'list':
    case 'tuple':
      if (v.items === null) return { leafShape: null, items: null, dtype: null, unknownShape: true, nonNumeric: false };
      return { leafShape: null, items: v.items.map(discover), dtype: null, unknownShape: false, nonNumeric: false };
    case 'range': {
      const { start, stop, step } = v;
      if (start === undefined || stop === undefined || step === undefined) {
        return { leafShape: null, items: null, dtype: 'int64', unknownShape: true, nonNumeric: false };
      }
      const xs: Node[] = [];
      for (let x = start; step > 0 ? x < stop : x > stop; x += step) xs.push(leaf([], 'int64', x));
      return { leafShape: null, items: xs, dtype: null, unknownShape: false, nonNumeric: false };
    }
    case 'unknown':
      return { leafShape: null, items: null, dtype: null, unknownShape: true, nonNumeric: false };
    default:
      // strings, None, objects: numpy would build a str/object array, which we do not model
      return { leafShape: [], items: null, dtype: null, unknownShape: false, nonNumeric: true };
  }
}

function leaf(shape: Shape, dtype: DType, x: number | undefined): Node {
  return {
    leafShape: shape, items: null, dtype,
    data: x === undefined ? undefined : Float64Array.of(x), unknownShape: false, nonNumeric: false,
  };
}

function nodeShape(n: Node): Shape | null | 'ragged' {
  if (n.unknownShape) return null;
  if (n.items === null) return n.leafShape;
  let common: Shape | null | 'ragged' | undefined;
  for (const it of n.items) {
    const s = nodeShape(it);
    if (s === 'ragged') return 'ragged';
    if (s === null) return null;
    if (common === undefined) common = s;
    else if (common !== null && common !== 'ragged' && !sameShape(common, s)) return 'ragged';
  }
  return [n.items.length, ...((common as Shape | undefined) ?? [])];
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || (typeof d !== 'number' && typeof b[i] !== 'number' && d.name === (b[i] as { name: string }).name));
}

/** The consistent leading dims numpy reports in its ragged error ("The detected shape was (2,)"). */
function detectedPrefix(nodes: Node[]): number[] {
  if (nodes.length === 0 || nodes.some((n) => n.items === null)) {
    // arrays among the items contribute their own leading dims when they all agree
    const shapes = nodes.map((n) => (n.items === null ? n.leafShape : null));
    if (shapes.length === 0 || shapes.some((s) => s === null || s.length === 0)) return [];
    const first = shapes[0] as Shape;
    const out: number[] = [];
    for (let d = 0; d < first.length; d++) {
      const v = first[d];
      if (typeof v !== 'number' || !shapes.every((s) => (s as Shape).length > d && (s as Shape)[d] === v)) break;
      out.push(v);
    }
    return out;
  }
  const len = nodes[0].items!.length;
  if (!nodes.every((n) => n.items!.length === len)) return [];
  return [len, ...detectedPrefix(nodes.flatMap((n) => n.items!))];
}

function raggedError(root: Node): NumpyError {
  const dims = [root.items!.length, ...detectedPrefix(root.items!)];
  const shapeText = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
  return new NumpyError(
    'ragged-array',
    {
      en: `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${dims.length} dimensions. The detected shape was ${shapeText} + inhomogeneous part.`,
      fr: `affectation d'une séquence à un élément de tableau : le tableau demandé a une forme non homogène après ${dims.length} dimension(s). Forme détectée : ${shapeText} + partie non homogène.`,
    },
    { pyType: 'ValueError' },
  );
}

function collectDtype(n: Node, acc: { dt: DType | null; unknown: boolean; nonNumeric: boolean }): void {
  if (n.nonNumeric) acc.nonNumeric = true;
  if (n.items !== null) {
    for (const it of n.items) collectDtype(it, acc);
    return;
  }
  if (n.dtype === null) acc.unknown = true;
  else acc.dt = acc.dt === null ? n.dtype : promoteTypes(acc.dt, n.dtype);
}

function collectData(n: Node, out: Float64Array, pos: { i: number }): boolean {
  if (n.items !== null) {
    for (const it of n.items) if (!collectData(it, out, pos)) return false;
    return true;
  }
  if (!n.data) return false;
  out.set(n.data, pos.i);
  pos.i += n.data.length;
  return true;
}

/**
 * np.asarray(v): arrays pass through; Python scalars become 0-d arrays (int64/float64/bool);
 * nested lists/tuples/ranges of numbers and arrays become one array whose dtype promotes every
 * leaf (an empty list gives float64). Ragged nesting raises numpy's ValueError. Data is present
 * only when every leaf is determined; `dtype` forces the result type (values cast like numpy).
 */
export function toArray(v: Value, dtype?: DType | null): ArrayValue {
  if (v.kind === 'array' && (dtype === undefined || dtype === null || dtype === v.dtype)) return v;
  const root = discover(v);
  const shape = nodeShape(root);
  if (shape === 'ragged') throw raggedError(root);
  const acc = { dt: null as DType | null, unknown: false, nonNumeric: false };
  collectDtype(root, acc);
  let dt: DType | null = acc.nonNumeric || acc.unknown ? null : acc.dt ?? 'float64';
  if (dtype) dt = dtype;
  if (shape === null || acc.nonNumeric) return makeArray(shape, dt);
  const size = shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : NaN), 1);
  if (!Number.isFinite(size)) return makeArray(shape, dt);
  const data = new Float64Array(size);
  if (!collectData(root, data, { i: 0 })) return makeArray(shape, dt);
  return makeArray(shape, dt, dt === null ? undefined : castData(data, dt));
}

/** The same value with every array's data dropped (a shape rule's answer computed from the data). */
export function stripData(v: Value): Value {
  if (v.kind === 'array') {
    const { data: _data, ...rest } = v;
    return rest;
  }
  if ((v.kind === 'tuple' || v.kind === 'list') && v.items) return { ...v, items: v.items.map(stripData) };
  return v;
}

/** Copy of an array value with fresh data (numpy copies never alias their source). */
export function copyArray(a: ArrayValue): ArrayValue {
  const out: ArrayValue = { kind: 'array', shape: a.shape, dtype: a.dtype };
  if (a.data) out.data = a.data.slice();
  if (a.why) out.why = a.why;
  return out;
}
