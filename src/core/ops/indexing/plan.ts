// numpy's indexing rule: where each component of an index takes the result's axes (basic
// indexing: ints drop an axis, slices keep one, None adds one; advanced indexing: integer and
// boolean arrays broadcast together, their block placed where the first of them stood when they
// are adjacent, else first), and a gather plan of offsets so get and set run as one flat loop.

import { broadcastIndexer, broadcastMany } from '../../shapes/broadcast';
import { Dim, Shape } from '../../shapes/dim';
import { compact, fail } from '../nd/common';
import { sliceIndices, type Comp } from './components';

/** One axis of the result: a stride through the source, or (advanced block) a table of offsets. */
export interface Loop {
  len: number;
  stride: number;
  table?: Float64Array;
}

export interface IndexPlan {
  /** the result's shape; null when not determined (rank unknown) */
  shape: Dim[] | null;
  /** an integer or boolean array took part (numpy's "fancy" indexing: a copy, other messages on assignment) */
  advanced: boolean;
  /** the index is one boolean mask over every axis (numpy's boolean-assignment path); its true count */
  fullMask?: Dim;
  /** numpy returns a scalar (every axis indexed by an int, no array involved) */
  scalar: boolean;
  /** the concrete gather plan, when the source shape and every index are determined */
  gather?: { base: number; loops: Loop[]; size: number };
}

const outOfBounds = (v: number, axis: number, n: number) =>
  fail('index-out-of-range', `index ${v} is out of bounds for axis ${axis} with size ${n}`,
    `l'indice ${v} est hors limites pour l'axe ${axis} de taille ${n} (indices valides : ${-n} à ${n - 1})`, 'IndexError');

interface Adv {
  shape: Shape | null;
  /** offset contribution of each element (row-major over `shape`), when computable */
  offsets?: Float64Array;
  /** what numpy lists in its broadcast error (ints are not listed) */
  listed: boolean;
}

/**
 * Plan `x[index]` on an array of shape `shape`. `countName` names the true count of a boolean mask
 * whose values are not determined (a symbol such as `sum(x>0)`).
 */
export function planIndex(shape: Shape, comps: Comp[], countName = 'n_true'): IndexPlan {
  if (comps.filter((c) => c.k === 'ell').length > 1) {
    throw fail('index-ellipsis', "an index can only have a single ellipsis ('...')", "un indice ne peut contenir qu'une seule ellipse ('...')", 'IndexError');
  }
  let consumed = 0;
  for (const c of comps) {
    if (c.k === 'int' || c.k === 'slice' || c.k === 'arr') consumed++;
    else if (c.k === 'bool') {
      if (c.a.shape === null) return { shape: null, advanced: true, scalar: false };
      consumed += c.a.shape.length;
    }
  }
  const nd = shape.length;
  if (consumed > nd) {
    throw fail('index-too-many', `too many indices for array: array is ${nd}-dimensional, but ${consumed} were indexed`,
      `trop d'indices : le tableau a ${nd} dimension(s), mais ${consumed} indices ont été donnés`, 'IndexError');
  }
  const full: Comp = { k: 'slice', start: null, stop: null, step: null };
  const items: Comp[] = [];
  for (const c of comps) {
    if (c.k === 'ell') for (let i = 0; i < nd - consumed; i++) items.push(full);
    else items.push(c);
  }
  if (!comps.some((c) => c.k === 'ell')) for (let i = consumed; i < nd; i++) items.push(full);

  const advanced = items.some((c) => c.k === 'arr' || c.k === 'bool');
  const conc = Shape.isConcrete(shape) ? (shape as number[]) : undefined;
  const strides = conc ? Shape.strides(conc) : undefined;
  let gatherable = conc !== undefined;
  let base = 0;
  const out: ({ dim: Dim; loop: Loop } | 'adv')[] = [];
  const advs: Adv[] = [];
  const advPos: number[] = [];
  let ax = 0;
  items.forEach((c, pos) => {
    const n = shape[ax];
    const stride = strides ? strides[ax] : 0;
    switch (c.k) {
      case 'new':
        out.push({ dim: 1, loop: { len: 1, stride: 0 } });
        return;
      case 'int': {
        let off: number | undefined;
        if (c.v !== undefined && typeof n === 'number') {
          if (c.v < -n || c.v >= n) throw outOfBounds(c.v, ax, n);
          off = (c.v < 0 ? c.v + n : c.v) * stride;
        } else gatherable = false;
        if (advanced) {
          advs.push({ shape: [], offsets: off === undefined ? undefined : Float64Array.of(off), listed: false });
          advPos.push(pos);
          if (!out.includes('adv')) out.push('adv');
        } else if (off !== undefined) base += off;
        ax++;
        return;
      }
      case 'slice': {
        const known = c.start !== undefined && c.stop !== undefined && c.step !== undefined;
        if (known && typeof n === 'number') {
          const s = sliceIndices(c.start!, c.stop!, c.step!, n);
          base += s.start * stride;
          out.push({ dim: s.len, loop: { len: s.len, stride: s.step * stride } });
        } else {
          gatherable = false;
          out.push({ dim: symbolicSlice(c, n), loop: { len: 0, stride: 0 } });
        }
        ax++;
        return;
      }
      case 'arr': {
        const a = c.a;
        let offsets: Float64Array | undefined;
        if (a.data && typeof n === 'number') {
          offsets = new Float64Array(a.data.length);
          for (let i = 0; i < a.data.length; i++) {
            const v = a.data[i];
            if (v < -n || v >= n) throw outOfBounds(v, ax, n);
            offsets[i] = (v < 0 ? v + n : v) * stride;
          }
        } else gatherable = false;
        advs.push({ shape: a.shape, offsets, listed: true });
        advPos.push(pos);
        if (!out.includes('adv')) out.push('adv');
        ax++;
        return;
      }
      case 'bool': {
        const ms = c.a.shape!;
        ms.forEach((m, i) => {
          if (Dim.certainlyDiffer(m, shape[ax + i])) {
            throw fail('index-bool-shape',
              `boolean index did not match indexed array along dimension ${ax + i}; dimension is ${Dim.format(shape[ax + i])} but corresponding boolean dimension is ${Dim.format(m)}`,
              `le masque booléen ne correspond pas au tableau selon la dimension ${ax + i} : le tableau a ${Dim.format(shape[ax + i])} éléments, le masque ${Dim.format(m)}`,
              'IndexError');
          }
        });
        let count: Dim = Dim.sym(countName);
        let offsets: Float64Array | undefined;
        if (c.a.data) {
          const d = c.a.data;
          let k = 0;
          for (let i = 0; i < d.length; i++) if (d[i] !== 0) k++;
          count = k;
          if (strides && Shape.isConcrete(ms)) {
            offsets = new Float64Array(k);
            const mstr = Shape.strides(ms as number[]);
            let j = 0;
            for (let i = 0; i < d.length; i++) {
              if (d[i] === 0) continue;
              let off = 0;
              let rem = i;
              for (let q = 0; q < ms.length; q++) {
                const coord = Math.floor(rem / mstr[q]);
                rem -= coord * mstr[q];
                off += coord * strides[ax + q];
              }
              offsets[j++] = off;
            }
          } else gatherable = false;
        } else gatherable = false;
        advs.push({ shape: [count], offsets, listed: true });
        advPos.push(pos);
        if (!out.includes('adv')) out.push('adv');
        ax += ms.length;
        return;
      }
    }
  });

  let block: Dim[] = [];
  let table: Float64Array | undefined;
  if (advanced) {
    if (advs.some((a) => a.shape === null)) return { shape: null, advanced, scalar: false };
    const shapes = advs.map((a) => a.shape!);
    try {
      block = [...broadcastMany(shapes)];
    } catch {
      const listed = advs.filter((a) => a.listed).map((a) => compact(a.shape!)).join(' ');
      throw fail('index-broadcast', `shape mismatch: indexing arrays could not be broadcast together with shapes ${listed} `,
        `les tableaux d'indices ne peuvent pas être diffusés (broadcast) ensemble : formes ${listed}`, 'IndexError');
    }
    if (gatherable && Shape.isConcrete(block)) table = advancedTable(advs, block as number[]);
    // adjacent advanced components keep their place; separated ones (by a slice, None, …) go first
    const adjacent = advPos.every((p, i) => i === 0 || p === advPos[i - 1] + 1);
    const at = out.indexOf('adv');
    out.splice(at, 1);
    out.splice(adjacent ? at : 0, 0, 'adv');
  }

  const dims: Dim[] = [];
  const loops: Loop[] = [];
  for (const o of out) {
    if (o === 'adv') {
      dims.push(...block);
      if (table) loops.push({ len: table.length, stride: 0, table });
    } else {
      dims.push(o.dim);
      loops.push(o.loop);
    }
  }
  // numpy gives a scalar only when ints index every axis; an Ellipsis keeps a 0-d array (a view)
  const plan: IndexPlan = { shape: dims, advanced, scalar: !advanced && dims.length === 0 && !comps.some((c) => c.k === 'ell') };
  const single = comps.length === 1 && comps[0].k === 'bool' && comps[0].a.shape?.length === nd && nd > 0;
  if (single) plan.fullMask = block[0];
  if (gatherable && (!advanced || table)) {
    plan.gather = { base, loops, size: loops.reduce((p, l) => p * l.len, 1) };
  }
  return plan;
}

/** The length of a slice of a symbolic (or unknown-bound) axis: kept when it is the whole axis. */
function symbolicSlice(c: Extract<Comp, { k: 'slice' }>, n: Dim): Dim {
  const whole = (c.start === null || c.start === 0) && c.stop === null && (c.step === null || c.step === 1);
  if (whole) return n;
  if (c.step === -1 && c.start === null && c.stop === null) return n;
  if (c.start !== undefined && c.start !== null && c.start >= 0 && c.stop === null && (c.step === null || c.step === 1)) {
    return Dim.sub(n, c.start);
  }
  const f = (x: number | null | undefined) => (x === null ? '' : x === undefined ? '?' : String(x));
  const step = c.step === null ? '' : `:${f(c.step)}`;
  return Dim.sym(`len(${Dim.format(n)}[${f(c.start)}:${f(c.stop)}${step}])`);
}

function advancedTable(advs: Adv[], block: number[]): Float64Array {
  const total = block.reduce((p, d) => p * d, 1);
  const table = new Float64Array(total);
  for (const a of advs) {
    const idx = broadcastIndexer(a.shape as number[], block);
    const off = a.offsets!;
    if (idx === null) for (let i = 0; i < total; i++) table[i] += off[i];
    else for (let i = 0; i < total; i++) table[i] += off[idx[i]];
  }
  return table;
}

/**
 * Visit every element the plan selects, in the result's row-major order: `visit(i, offset)` with
 * the result position and the source offset. One odometer, no allocation per element.
 */
export function walk(g: NonNullable<IndexPlan['gather']>, visit: (i: number, offset: number) => void): void {
  const { loops, size } = g;
  if (size === 0) return;
  const rank = loops.length;
  const counter = new Array<number>(rank).fill(0);
  const contrib = loops.map((l) => (l.table ? l.table[0] : 0));
  let pos = g.base + contrib.reduce((p, x) => p + x, 0);
  for (let i = 0; i < size; i++) {
    visit(i, pos);
    for (let axn = rank - 1; axn >= 0; axn--) {
      const l = loops[axn];
      const c = ++counter[axn];
      if (c < l.len) {
        const next = l.table ? l.table[c] : c * l.stride;
        pos += next - contrib[axn];
        contrib[axn] = next;
        break;
      }
      counter[axn] = 0;
      const first = l.table ? l.table[0] : 0;
      pos += first - contrib[axn];
      contrib[axn] = first;
    }
  }
}
