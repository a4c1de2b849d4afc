// np.reshape and ndarray.reshape: the new shape as a tuple or as varargs, one -1 (any negative)
// inferred, order 'C' (and 'F'), symbolic dims kept from the source text ((B, T, h, d_model // h)).
// A head split that cannot divide d_model is reported as `head-split` with the tutor's reason.

import { Dim } from '../../shapes/dim';
import type { ArrayValue, Value } from '../../values';
import { arrayOrUnknown, dataOf, dimOf, fail, permuteData, result, shapeOf } from '../nd/common';
import { splitTopLevel } from '../args';
import { registerOp } from '../registry';
import type { OpCall, OpModule } from '../types';
import { headSplitHint, reshapeShape, targetText, type TargetDim } from './reshapeRule';

/** Split a tuple's source text at its top-level commas: "(n, h, d // h)" → ["n", "h", "d // h"]. */
export function splitTupleText(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  let t = text.trim();
  if ((t.startsWith('(') && t.endsWith(')')) || (t.startsWith('[') && t.endsWith(']'))) t = t.slice(1, -1);
  return splitTopLevel(t);
}

/** The target's items with their source texts; undefined when its length is unknown. */
function targetItems(call: OpCall): { items: Value[]; texts: (string | undefined)[] } | undefined {
  if (call.self !== undefined) {
    const only = call.args.length === 1 ? call.args[0] : undefined;
    if (only && (only.kind === 'tuple' || only.kind === 'list')) {
      return only.items ? { items: only.items, texts: splitTupleText(call.argTexts[0]) ?? [] } : undefined;
    }
    const kw = call.args.length === 0 ? call.kwargs.get('shape') : undefined;
    if (kw) return kw.kind === 'tuple' || kw.kind === 'list' ? (kw.items ? { items: kw.items, texts: [] } : undefined) : { items: [kw], texts: [] };
    return { items: call.args, texts: call.argTexts };
  }
  const spec = call.args[1] ?? call.kwargs.get('newshape');
  if (!spec) return undefined;
  if (spec.kind === 'tuple' || spec.kind === 'list') {
    return spec.items ? { items: spec.items, texts: splitTupleText(call.argTexts[1]) ?? [] } : undefined;
  }
  return { items: [spec], texts: [call.argTexts[1]] };
}

/** The target dims; an undetermined int becomes the symbol its source text names. */
function readTarget(call: OpCall): TargetDim[] | undefined {
  const t = targetItems(call);
  if (!t) return undefined;
  const out: TargetDim[] = [];
  for (let i = 0; i < t.items.length; i++) {
    const v = t.items[i];
    const text = t.texts[i]?.trim() || undefined;
    if (v.kind === 'float') {
      throw fail('type-error', `'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`, 'TypeError');
    }
    const d = dimOf(v);
    if (typeof d === 'number' && d < 0) out.push({ dim: 'infer', text });
    else if (d !== undefined) out.push({ dim: d, text });
    else if (text && /^[\w\s.+\-*/()]+$/.test(text)) out.push({ dim: Dim.sym(text.replace(/\s+/g, '')), text });
    else return undefined;
  }
  if (out.filter((d) => d.dim === 'infer').length > 1) {
    throw fail('reshape-size', 'can only specify one unknown dimension', 'une seule dimension peut être inconnue (-1)');
  }
  return out;
}

function order(call: OpCall): 'C' | 'F' {
  const o = call.kwargs.get('order') ?? (call.self === undefined ? call.args[2] : undefined);
  return o?.kind === 'str' && o.value === 'F' ? 'F' : 'C';
}

function plan(call: OpCall, a: ArrayValue): Dim[] | null {
  const target = readTarget(call);
  if (!target) return null;
  if (a.shape === null) return target.some((t) => t.dim === 'infer') ? null : target.map((t) => t.dim as Dim);
  const out = reshapeShape(a.shape, target);
  if (out.ok) return out.shape;
  const en = `cannot reshape array of size ${Dim.format(out.size)} into shape ${targetText(target)}`;
  const fr = `impossible de redimensionner un tableau de taille ${Dim.format(out.size)} en forme ${targetText(target)}`;
  const hint = headSplitHint(a.shape, target);
  if (hint) {
    throw fail('head-split', `${en} — ${hint.en}`, `${fr} — ${hint.fr}`);
  }
  throw fail('reshape-size', en, `${fr} (le nombre d'éléments ${Dim.format(out.size)} doit rester le même)`);
}

const reshape: OpModule = {
  names: ['np.reshape', 'ndarray.reshape'],
  doc:
    'Give the same elements a new shape, read in row-major (C) order; the number of elements must not change. ' +
    'One dimension may be -1 and is inferred. Splitting heads: x.reshape(n, h, d_model // h) needs d_model divisible by h.',
  latex: ([a]) => a,
  shape(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    return result(plan(call, a), a.dtype);
  },
  evaluate(call: OpCall): Value {
    const a = arrayOrUnknown(call.self ?? call.args[0] ?? call.kwargs.get('a'));
    const shape = plan(call, a)! as number[];
    let data: Float64Array = dataOf(a).slice();
    if (order(call) === 'F' && data.length > 1) {
      // Fortran order: read and write with the first index varying fastest, i.e. reverse both shapes
      const s = shapeOf(a);
      const rev = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);
      const flatF = permuteData(data, s, rev(s.length));
      const rs = [...shape].reverse();
      data = permuteData(flatF, rs, rev(rs.length));
    }
    return result(shape, a.dtype, data);
  },
};

registerOp(reshape);

