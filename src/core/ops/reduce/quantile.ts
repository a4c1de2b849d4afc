// np.median, np.percentile, np.quantile (and their nan-ignoring twins): order statistics along
// axes (int, tuple, None) with keepdims, numpy 1.24's 'linear' method (virtual index (n−1)·q,
// numpy's two-sided lerp), a nan in a lane gives nan, the q array's shape leading the result.

import { NumpyError } from '../../diagnostics';
import type { Shape } from '../../shapes/dim';
import type { ArrayValue, DType, Value } from '../../values';
import { arg, axisArg, boolArg } from '../args';
import { toArray } from '../convert';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { reduceData, reducedShape, reductionResult } from './core';

const MEDIAN = ['axis', 'out', 'overwrite_input', 'keepdims'];
const QUANT = ['q', 'axis', 'out', 'overwrite_input', 'method', 'keepdims'];

const EMPTY = { en: 'RuntimeWarning: Mean of empty slice.', fr: "RuntimeWarning : moyenne d'une tranche vide (résultat nan)." };
const ALL_NAN = { en: 'RuntimeWarning: All-NaN slice encountered', fr: 'RuntimeWarning : tranche entièrement NaN rencontrée (résultat nan)' };

function bind(call: OpCall, params: readonly string[]) {
  const v = arg(call, 0, 'a');
  const a = v && ['array', 'int', 'float', 'bool', 'list', 'tuple', 'range'].includes(v.kind) ? toArray(v) : null;
  const at = (p: string) => params.indexOf(p) + 1;
  const nd = a?.shape ? a.shape.length : undefined;
  const axes = axisArg(call, at('axis'), 'axis', nd, null);
  const keepdims = boolArg(call, at('keepdims'), 'keepdims', false);
  const m = arg(call, at('method'), 'method') ?? call.kwargs.get('interpolation');
  if (m?.kind === 'str' && m.value !== undefined && m.value !== 'linear') return { a, axes: undefined, keepdims, method: m.value };
  return { a, axes: nd === undefined && axes !== null ? undefined : axes, keepdims, method: 'linear' };
}

/** q (as fractions) and its shape; numpy's range check. */
function quantiles(call: OpCall, percent: boolean): { q: Float64Array | undefined; shape: Shape | null } {
  const v = arg(call, 1, 'q');
  if (!v) throw new NumpyError('type-error', { en: `missing required argument 'q'`, fr: `argument 'q' manquant` }, { pyType: 'TypeError' });
  const qa = ['array', 'int', 'float', 'bool', 'list', 'tuple'].includes(v.kind) ? toArray(v) : null;
  if (!qa || !qa.data) return { q: undefined, shape: qa ? qa.shape : null };
  const q = qa.data.map((x) => (percent ? x / 100 : x));
  if (q.some((x) => !(x >= 0 && x <= 1))) {
    const en = percent ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]';
    throw new NumpyError('quantile-range', { en, fr: percent ? 'les centiles doivent être dans [0, 100]' : 'les quantiles doivent être dans [0, 1]' }, { pyType: 'ValueError' });
  }
  return { q, shape: qa.shape };
}

function sortLane(buf: Float64Array, n: number, skipNan: boolean): { sorted: Float64Array; hasNan: boolean } {
  const xs: number[] = [];
  let hasNan = false;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(buf[i])) hasNan = true;
    else xs.push(buf[i]);
  }
  if (hasNan && !skipNan) return { sorted: new Float64Array(0), hasNan };
  return { sorted: Float64Array.from(xs).sort(), hasNan };
}

/** numpy's linear quantile of a sorted lane: lerp between the neighbours of (n−1)·q. */
function linearQuantile(s: Float64Array, q: number): number {
  const n = s.length;
  const v = (n - 1) * q;
  const lo = Math.min(Math.max(Math.floor(v), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const t = v - Math.floor(v);
  const a = s[lo];
  const b = s[hi];
  const d = b - a;
  // numpy's _lerp: a + d·t, except b − d·(1 − t) from t ≥ 0.5 on (exact at both ends)
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

function defineQuantile(names: string[], kind: 'median' | 'percentile' | 'quantile', skipNan: boolean, doc: string, latex: (ops: readonly string[]) => string): void {
  const params = kind === 'median' ? MEDIAN : QUANT;
  const qOf = (call: OpCall) => (kind === 'median' ? { q: Float64Array.of(0.5), shape: [] as Shape } : quantiles(call, kind === 'percentile'));
  const dtypeOf = (dt: DType | null): DType | null => (dt === null ? null : kind === 'median' && isFloat(dt) ? dt : 'float64');
  registerOp({
    names, doc, latex,
    shape(call): Value {
      const b = bind(call, params);
      const { shape: qs } = qOf(call);
      const dt = dtypeOf(b.a?.dtype ?? null);
      if (kind !== 'median' && b.a?.dtype === 'bool') {
        // numpy's lerp subtracts neighbours, which bool arrays refuse
        throw new NumpyError('ufunc-type', { en: 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.', fr: "np.percentile/np.quantile soustraient des valeurs voisines, ce que les tableaux booléens n'acceptent pas : convertissez avec .astype(float)" }, { pyType: 'TypeError' });
      }
      if (!b.a || b.a.shape === null || b.axes === undefined || b.keepdims === undefined || qs === null) return { kind: 'array', shape: null, dtype: dt };
      if (kind !== 'median' && !skipNan && b.a.shape.some((d, i) => d === 0 && (b.axes === null || b.axes!.includes(i)))) {
        throw new NumpyError('empty-reduction', { en: 'cannot do a non-empty take from an empty axes.', fr: 'quantile d\'un axe vide : aucune valeur à interpoler' }, { pyType: 'IndexError' });
      }
      return reductionResult([...qs, ...reducedShape(b.a.shape, b.axes, b.keepdims)], dt);
    },
    evaluate(call, abstract) {
      const b = bind(call, params);
      const { q } = qOf(call);
      if (abstract.kind !== 'array' || !b.a?.data || !q || b.a.shape === null || b.axes === undefined || abstract.dtype === null) return abstract;
      const outDt = abstract.dtype;
      const inDt = b.a.dtype ?? 'float64';
      let warnEmpty = false;
      let warnNan = false;
      const per = q.length;
      const lanes: number[][] = [];
      reduceData(b.a.data, b.a.shape as number[], b.axes, (buf, n) => {
        const { sorted, hasNan } = sortLane(buf, n, skipNan);
        const row: number[] = [];
        for (let k = 0; k < per; k++) {
          if (hasNan && !skipNan) row.push(NaN);
          else if (sorted.length === 0) {
            row.push(NaN);
            if (skipNan && hasNan) warnNan = true;
            else warnEmpty = true;
          } else if (kind === 'median') {
            const m = sorted.length;
            const h = m >> 1;
            // numpy takes the mean of the middle one or two elements, in the array's float type
            const w: DType = isFloat(inDt) ? inDt : 'float64';
            row.push(m % 2 ? sorted[h] : castScalar(castScalar(sorted[h - 1] + sorted[h], w) / 2, w));
          } else row.push(linearQuantile(sorted, q[k]));
        }
        lanes.push(row);
        return 0;
      });
      // q's axes lead: element (k, o) of the result
      const data = new Float64Array(per * lanes.length);
      for (let k = 0; k < per; k++) for (let o = 0; o < lanes.length; o++) data[k * lanes.length + o] = castScalar(lanes[o][k], outDt);
      if (warnEmpty) call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: EMPTY });
      if (warnNan) call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message: ALL_NAN });
      return { ...(abstract as ArrayValue), data };
    },
  });
}

defineQuantile(['np.median'], 'median', false,
  'Median along the given axes (all by default): the middle element of each sorted lane, or the mean of the two middle ones; a nan in a lane gives nan (np.nanmedian ignores them). Integers give float64.',
  ([a]) => `\\operatorname{median}\\left(${a}\\right)`);
defineQuantile(['np.nanmedian'], 'median', true,
  'Median ignoring nan values; an all-nan lane gives nan with a RuntimeWarning.',
  ([a]) => `\\operatorname{median}\\left(${a}\\right)`);
defineQuantile(['np.percentile'], 'percentile', false,
  'The q-th percentile (q in [0, 100], a number or an array whose shape leads the result) along the given axes, interpolating linearly between the two nearest sorted values (numpy\'s default method).',
  ([a, q]) => `P_{${q ?? 'q'}}\\left(${a}\\right)`);
defineQuantile(['np.quantile'], 'quantile', false,
  'The q-th quantile (q in [0, 1]) along the given axes, with numpy\'s default linear interpolation: np.quantile(a, 0.5) is the median.',
  ([a, q]) => `Q_{${q ?? 'q'}}\\left(${a}\\right)`);
defineQuantile(['np.nanpercentile'], 'percentile', true,
  'np.percentile ignoring nan values.', ([a, q]) => `P_{${q ?? 'q'}}\\left(${a}\\right)`);
defineQuantile(['np.nanquantile'], 'quantile', true,
  'np.quantile ignoring nan values.', ([a, q]) => `Q_{${q ?? 'q'}}\\left(${a}\\right)`);
