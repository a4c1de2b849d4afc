// np.zeros / ones / full / empty and their *_like twins: an array of a given shape filled with
// one value. np.empty's values are whatever memory held, so it gets a shape and dtype but no data.

import { NumpyError } from '../../diagnostics';
import { broadcastShapes } from '../../shapes/broadcast';
import { Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { arg, dtypeArg, shapeFromValue, symbolicShapeArg } from '../args';
import { toArray } from '../convert';
import { castScalar } from '../dtype';
import { broadcastData } from '../../shapes/broadcast';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

const EMPTY_WHY = { en: 'np.empty leaves its memory uninitialised: the values are arbitrary', fr: 'np.empty ne remplit pas la mémoire : les valeurs sont quelconques' };

/** How each function reads its shape, dtype and fill value. */
interface Plan {
  shape: Shape | null;
  dtype: DType | null;
  fill?: Value;
  empty?: boolean;
}

function likeSource(call: OpCall): ArrayValue | null {
  const v = arg(call, 0, 'a');
  return v && ['array', 'int', 'float', 'bool', 'list', 'tuple'].includes(v.kind) ? toArray(v) : null;
}

function planOf(call: OpCall): Plan {
  const fn = call.name.slice(3);
  const like = fn.endsWith('_like');
  const base = like ? fn.slice(0, -5) : fn;
  const fillIndex = base === 'full' ? 1 : -1;
  const dtIndex = base === 'full' ? 2 : 1;
  const fill: Value | undefined = base === 'zeros' ? { kind: 'int', value: 0 } : base === 'ones' ? { kind: 'int', value: 1 } : base === 'full' ? arg(call, fillIndex, 'fill_value') : undefined;
  const dtGiven = dtypeArg(call, dtIndex, 'dtype');
  let shape: Shape | null;
  let dtype: DType | null;
  if (like) {
    const src = likeSource(call);
    const shapeV = arg(call, -1, 'shape');
    shape = shapeV && shapeV.kind !== 'none' ? shapeFromValue(shapeV) ?? null : src?.shape ?? null;
    dtype = dtGiven === undefined ? null : dtGiven ?? src?.dtype ?? null;
  } else {
    shape = symbolicShapeArg(call, 0, 'shape') ?? null;
    let natural: DType | null = 'float64';
    if (base === 'full') natural = fill && ['int', 'float', 'bool', 'array', 'list', 'tuple'].includes(fill.kind) ? toArray(fill).dtype : null;
    dtype = dtGiven === undefined ? null : dtGiven ?? natural;
  }
  if (base === 'full' && fill && shape !== null && fill.kind !== 'int' && fill.kind !== 'float' && fill.kind !== 'bool') {
    const f = toArray(fill);
    if (f.shape !== null) {
      let fits = f.shape.length <= shape.length;
      try {
        fits = fits && Shape.equal(broadcastShapes(f.shape, shape), shape);
      } catch {
        fits = false;
      }
      if (!fits) {
        throw new NumpyError('broadcast-mismatch', {
          en: `could not broadcast input array from shape ${Shape.format(f.shape).replace(/ /g, '')} into shape ${Shape.format(shape).replace(/ /g, '')}`,
          fr: `impossible de diffuser le tableau d'entrée de forme ${Shape.format(f.shape)} dans la forme ${Shape.format(shape)}`,
        }, { pyType: 'ValueError' });
      }
    }
  }
  return { shape, dtype, fill, empty: base === 'empty' };
}

function abstract(p: Plan): ArrayValue {
  const out: ArrayValue = { kind: 'array', shape: p.shape, dtype: p.dtype };
  if (p.empty) out.why = EMPTY_WHY;
  return out;
}

function evaluate(call: OpCall, abs: Value): Value {
  const p = planOf(call);
  if (p.empty || abs.kind !== 'array' || p.shape === null || !Shape.isConcrete(p.shape) || p.dtype === null || !p.fill) return abs;
  const size = Shape.size(p.shape)!;
  const f = toArray(p.fill);
  if (!f.data || f.shape === null) return abs;
  const dt = p.dtype;
  let data: Float64Array;
  if (f.data.length === 1) data = new Float64Array(size).fill(castScalar(f.data[0], dt));
  else data = broadcastData(f.data, f.shape as number[], p.shape).map((x) => castScalar(x, dt));
  return { ...abs, data };
}

const docs: Record<string, string> = {
  zeros: 'A new array of the given shape filled with 0 (float64 unless dtype= says otherwise).',
  ones: 'A new array of the given shape filled with 1 (float64 unless dtype= says otherwise).',
  full: 'A new array of the given shape filled with fill_value; the dtype is the fill value\'s (np.full((2, 2), 3) is int64).',
  empty: 'A new array of the given shape whose memory is NOT initialised: its values are arbitrary leftovers, so read them only after writing them.',
};

for (const base of ['zeros', 'ones', 'full', 'empty']) {
  const filler = base === 'zeros' ? '0' : base === 'ones' ? '1' : base === 'full' ? 'c' : '?';
  registerOp({
    names: [`np.${base}`],
    doc: docs[base],
    latex: () => (filler === '?' ? '\\text{(uninitialised)}' : `\\left(${filler}\\right)_{i}`),
    shape: (call) => abstract(planOf(call)),
    evaluate,
  });
  registerOp({
    names: [`np.${base}_like`],
    doc: `${docs[base]} Shape and dtype are taken from the given array (a *_like keeps an int array int: np.full_like(int_array, 0.5) is all 0).`,
    latex: () => (filler === '?' ? '\\text{(uninitialised)}' : `\\left(${filler}\\right)_{i}`),
    shape: (call) => abstract(planOf(call)),
    evaluate,
  });
}
