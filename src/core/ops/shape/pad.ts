// np.pad: widen every axis by (before, after) elements. pad_width and constant_values broadcast to
// one pair per axis as numpy does (5, (1, 2), ((1, 2), (0, 3))); mode 'constant' fills with the
// constants (cast to the array's dtype), 'edge' repeats the border, 'wrap' and 'reflect' mirror.

import type { Dim } from '../../shapes/dim';
import type { Value } from '../../values';
import { arg } from '../args';
import { toArray } from '../convert';
import { castScalar } from '../dtype';
import { arrayOrUnknown, concrete, dataOf, fail, result, size } from '../nd/common';
import { registerOp } from '../registry';
import type { OpCall } from '../types';

/** A (before, after) per axis from a scalar, a pair, or one pair per axis; undefined when unknown. */
function pairs(v: Value, nd: number, what: string): [number, number][] | undefined {
  const a = toArray(v);
  if (!a.data || !a.shape) return undefined;
  const s = a.shape as number[];
  const d = a.data;
  const ok = s.length === 0 || (s.length === 1 && (s[0] === 1 || s[0] === 2)) || (s.length === 2 && (s[0] === 1 || s[0] === nd) && (s[1] === 1 || s[1] === 2));
  if (!ok) {
    throw fail('broadcast-mismatch', `operands could not be broadcast together with remapped shapes [original->remapped]: (${s.join(',')}${s.length === 1 ? ',' : ''})  and requested shape (${nd},2)`,
      `${what} ne se diffuse pas en une paire (avant, après) par axe (${nd} axes)`);
  }
  const at = (i: number, j: number): number => {
    if (s.length === 0) return d[0];
    if (s.length === 1) return d[s[0] === 1 ? 0 : j];
    return d[(s[0] === 1 ? 0 : i) * s[1] + (s[1] === 1 ? 0 : j)];
  };
  return Array.from({ length: nd }, (_, i) => [at(i, 0), at(i, 1)] as [number, number]);
}

function plan(call: OpCall) {
  const a = arrayOrUnknown(arg(call, 0, 'array'));
  const pw = arg(call, 1, 'pad_width');
  const mv = arg(call, 2, 'mode');
  const mode = mv === undefined ? 'constant' : mv.kind === 'str' ? mv.value : undefined;
  if (mode !== undefined && !['constant', 'edge', 'wrap', 'reflect', 'symmetric', 'linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'empty'].includes(mode)) {
    throw fail('bad-mode', `mode '${mode}' is not supported`, `le mode '${mode}' n'existe pas pour np.pad`);
  }
  if (!pw) throw fail('type-error', `pad() missing 1 required positional argument: 'pad_width'`, `pad() : argument 'pad_width' manquant`, 'TypeError');
  const nd = a.shape?.length;
  const widths = nd === undefined ? undefined : pairs(pw, nd, 'pad_width');
  if (widths?.some(([b, e]) => b < 0 || e < 0)) throw fail('negative-pad', `index can't contain negative values`, 'les largeurs de remplissage ne peuvent pas être négatives');
  if (widths?.some(([b, e]) => !Number.isInteger(b) || !Number.isInteger(e))) {
    throw fail('type-error', '`pad_width` must be of integral type.', 'pad_width doit être entier', 'TypeError');
  }
  const cv = call.kwargs.get('constant_values');
  const consts = nd === undefined ? undefined : cv === undefined ? Array.from({ length: nd }, () => [0, 0] as [number, number]) : pairs(cv, nd, 'constant_values');
  return { a, mode, widths, consts };
}

/** Source index along one axis for an output position, or -1 for a constant cell. */
function sourceIndex(mode: string, j: number, before: number, n: number): number {
  const i = j - before;
  if (i >= 0 && i < n) return i;
  if (mode === 'edge') return i < 0 ? 0 : n - 1;
  if (mode === 'wrap') return ((i % n) + n) % n;
  if (mode === 'reflect') {
    if (n === 1) return 0;
    const p = 2 * (n - 1);
    const m = ((i % p) + p) % p;
    return m < n ? m : p - m;
  }
  if (mode === 'symmetric') {
    const p = 2 * n;
    const m = ((i % p) + p) % p;
    return m < n ? m : p - 1 - m;
  }
  return -1;
}

registerOp({
  names: ['np.pad'],
  doc: "Pads an array: pad_width gives (before, after) counts per axis (one number for all). mode='constant' (the default) fills with constant_values (0 by default); 'edge' repeats the border values. Used to bring sequences of different lengths to one length before stacking them into a batch.",
  latex: ([a]) => `\\operatorname{pad}\\left(${a}\\right)`,
  shape(call): Value {
    const p = plan(call);
    if (!p.widths || p.a.shape === null) return result(p.widths || !p.a.shape ? null : p.a.shape.map(() => ({ kind: 'sym', name: 'padded' }) as Dim), p.a.dtype);
    return result(p.a.shape.map((d, i) => (typeof d === 'number' ? d + p.widths![i][0] + p.widths![i][1] : d)), p.a.dtype);
  },
  evaluate(call, abstract) {
    const p = plan(call);
    const s = concrete(p.a.shape);
    const os = abstract.kind === 'array' ? concrete(abstract.shape) : undefined;
    if (!s || !os || !p.widths || !p.consts || !p.mode || !['constant', 'edge', 'wrap', 'reflect', 'symmetric'].includes(p.mode) || p.a.dtype === null) return abstract;
    if (p.mode !== 'constant' && s.some((n, i) => n === 0 && (p.widths![i][0] > 0 || p.widths![i][1] > 0))) {
      throw fail('empty-pad', `can't extend empty axis ${s.findIndex((n) => n === 0)} using modes other than 'constant' or 'empty'`, `impossible d'étendre un axe vide avec le mode '${p.mode}'`);
    }
    const data = dataOf(p.a);
    const out = new Float64Array(size(os));
    const idx = new Array<number>(os.length).fill(0);
    const st = s.map((_, i) => size(s.slice(i + 1)));
    const dt = p.a.dtype;
    for (let o = 0; o < out.length; o++) {
      let src = 0;
      let constAxis = -1;
      let side = 0;
      for (let ax = 0; ax < os.length; ax++) {
        const k = sourceIndex(p.mode, idx[ax], p.widths[ax][0], s[ax]);
        if (k < 0) {
          constAxis = ax;
          side = idx[ax] < p.widths[ax][0] ? 0 : 1;
        } else src += k * st[ax];
      }
      // numpy pads axis by axis, each pass spanning the earlier axes whole: a corner keeps the last axis's constant
      out[o] = constAxis >= 0 ? castScalar(p.consts[constAxis][side], dt) : data[src];
      for (let ax = os.length - 1; ax >= 0; ax--) {
        if (++idx[ax] < os[ax]) break;
        idx[ax] = 0;
      }
    }
    return result(os, dt, out);
  },
});
