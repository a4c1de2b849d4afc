// The `out=` and `where=` parameters every ufunc accepts: out's shape must be the broadcast shape
// (inputs, out and mask broadcast together), the loop's output must cast to out's dtype under
// 'same_kind', and lanes where the mask is False keep out's values (uninitialised without out).

import { NumpyError } from '../diagnostics';
import { broadcastError, broadcastIndexer, compactShape } from '../shapes/broadcast';
import { Dim, Shape } from '../shapes/dim';
import type { ArrayValue, DType } from '../values';
import { typeError } from './args';
import { toArray } from './convert';
import { castScalar, kindOf } from './dtype';
import type { OpCall } from './types';

/** The array given as out (keyword, 1-tuple, or positional after the inputs); undefined when absent. */
export function outOperand(call: OpCall, nin: number): ArrayValue | null | undefined {
  const kw = call.kwargs.get('out');
  const pos = call.args.length > nin ? call.args[nin] : undefined;
  if (pos !== undefined && kw !== undefined && pos.kind !== 'none') {
    throw typeError(`cannot specify 'out' as both a positional and keyword argument`, `'out' ne peut pas être donné à la fois en position et par mot-clé`);
  }
  let v = kw ?? pos;
  if (v === undefined || v.kind === 'none') return undefined;
  if (v.kind === 'tuple') {
    if (v.items === null) return null;
    if (v.items.length !== 1) {
      throw new NumpyError('bad-out', { en: `The 'out' tuple must have exactly one entry per ufunc output`, fr: `le tuple 'out' doit avoir exactement une entrée par sortie de la ufunc` }, { pyType: 'ValueError' });
    }
    v = v.items[0];
  }
  if (v.kind === 'array') return v;
  if (v.kind === 'unknown') return null;
  throw typeError('return arrays must be of ArrayType', `les tableaux de sortie (out) doivent être des ndarray`);
}

/** The where= mask as a bool array; numpy casts lists with dtype=bool but refuses non-bool arrays ('safe'). */
export function whereOperand(call: OpCall): ArrayValue | null | undefined {
  const v = call.kwargs.get('where');
  if (v === undefined) return undefined;
  if (v.kind === 'bool' && v.value === true) return undefined; // the default: every lane
  if (v.kind === 'array') {
    if (v.dtype !== null && v.dtype !== 'bool') {
      throw new NumpyError('casting', {
        en: `Cannot cast array data from dtype('${v.dtype}') to dtype('bool') according to the rule 'safe'`,
        fr: `impossible de convertir le masque where de dtype('${v.dtype}') en dtype('bool') (règle 'safe') : passez une comparaison, par ex. where=x > 0`,
      }, { pyType: 'TypeError' });
    }
    return v;
  }
  if (['int', 'float', 'bool', 'list', 'tuple', 'range'].includes(v.kind)) return toArray(v, 'bool');
  return null;
}

const KIND_RANK = { b: 0, u: 1, i: 2, f: 3 } as const;

/** numpy's 'same_kind' casting: safe casts, or any cast within a kind (bool < uint < int < float). */
export function canCastSameKind(from: DType, to: DType): boolean {
  return KIND_RANK[kindOf(from)] <= KIND_RANK[kindOf(to)];
}

export function outCastError(ufunc: string, from: DType, to: DType): NumpyError {
  return new NumpyError('casting', {
    en: `Cannot cast ufunc '${ufunc}' output from dtype('${from}') to dtype('${to}') with casting rule 'same_kind'`,
    fr: `impossible d'écrire la sortie de '${ufunc}' (dtype('${from}')) dans out de dtype('${to}') (règle 'same_kind') : donnez un out de type flottant`,
  }, { pyType: 'UFuncTypeError' });
}

/**
 * The loop shape with out/where: every operand broadcasts together (numpy lists inputs, out, then
 * the mask in its error), and out must already have that shape.
 */
export function outShape(inputs: readonly (Shape | null)[], out: ArrayValue | null | undefined, where: ArrayValue | null | undefined): Shape | null {
  const all = [...inputs, ...(out !== undefined ? [out ? out.shape : null] : []), ...(where !== undefined ? [where ? where.shape : null] : [])];
  if (all.some((s) => s === null)) return out ? out.shape : null;
  const shapes = all as Shape[];
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const full: Dim[] = new Array<Dim>(rank).fill(1);
  for (const s of shapes) {
    const off = rank - s.length;
    s.forEach((d, i) => {
      const cur = full[off + i];
      if (cur === 1) full[off + i] = d;
      else if (d !== 1 && Dim.certainlyDiffer(cur, d)) throw broadcastError(shapes);
    });
  }
  if (!out) return full;
  const os = out.shape as Shape;
  if (os.length !== full.length || os.some((d, i) => Dim.certainlyDiffer(d, full[i]))) {
    throw new NumpyError('broadcast-mismatch', {
      en: `non-broadcastable output operand with shape ${compactShape(os)} doesn't match the broadcast shape ${compactShape(full)}`,
      fr: `l'opérande de sortie (out) de forme ${compactShape(os)} ne peut pas recevoir le résultat diffusé de forme ${compactShape(full)}`,
    }, { pyType: 'ValueError' });
  }
  return os;
}

/**
 * Merge computed lanes into out's values: where the mask is True the result (cast to out's dtype),
 * elsewhere out's old value. `computed` has out's shape.
 */
export function mergeOut(computed: Float64Array, shape: readonly number[], out: ArrayValue | undefined, where: ArrayValue | undefined): Float64Array | undefined {
  const dt = out?.dtype ?? null;
  const res = dt ? computed.map((x) => castScalar(x, dt)) : computed;
  if (!where) return res;
  if (!out?.data || !where.data || !Shape.isConcrete(where.shape ?? [null as unknown as number])) return undefined;
  const idx = broadcastIndexer(where.shape as number[], shape);
  const old = out.data;
  for (let i = 0; i < res.length; i++) if (where.data[idx ? idx[i] : i] === 0) res[i] = old[i];
  return res;
}

/** Mask (broadcast to `shape`) as a per-lane flag array, for skipping uncomputed lanes. */
export function maskLanes(where: ArrayValue, shape: readonly number[]): Uint8Array | undefined {
  if (!where.data || !where.shape || !Shape.isConcrete(where.shape)) return undefined;
  const n = shape.reduce((p, d) => p * d, 1);
  const idx = broadcastIndexer(where.shape as number[], shape);
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) m[i] = where.data[idx ? idx[i] : i] !== 0 ? 1 : 0;
  return m;
}

