// The nan-ignoring reductions: nansum / nanprod (nan counts as 0 / 1), nanmean, nanvar, nanstd
// (over the non-nan count, numpy's replace-by-zero algorithm so sums match), nanmax / nanmin (an
// all-nan lane is nan with a warning), nanargmax / nanargmin (an all-nan lane raises).

import { NumpyError } from '../../diagnostics';
import type { DType, L10nText, Value } from '../../values';
import { numArg } from '../args';
import { castScalar, isFloat } from '../dtype';
import { registerOp } from '../registry';
import type { OpCall } from '../types';
import { innerContiguous, numpySum, paramIndex, reduceArgs, reduceData, reducedShape, reductionResult, sumDtype, type ReduceArgs } from './core';

const warn = (call: OpCall, message: L10nText) => call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message });
const ALL_NAN = { en: 'RuntimeWarning: All-NaN slice encountered', fr: 'RuntimeWarning : tranche entièrement NaN rencontrée (résultat nan)' };
const EMPTY_MEAN = { en: 'RuntimeWarning: Mean of empty slice', fr: "RuntimeWarning : moyenne d'une tranche vide (que des nan : résultat nan)" };
const DOF = { en: 'RuntimeWarning: Degrees of freedom <= 0 for slice.', fr: 'RuntimeWarning : degrés de liberté <= 0 pour cette tranche (trop peu de valeurs non nan)' };

function abstractOf(r: ReduceArgs, dt: DType | null): Value {
  if (!r.a || r.a.shape === null || r.axes === undefined || r.keepdims === undefined) return { kind: 'array', shape: null, dtype: dt };
  return reductionResult(reducedShape(r.a.shape, r.axes, r.keepdims), dt);
}

interface NanDef {
  names: string[];
  params: string[];
  doc: string;
  latex: (ops: readonly string[]) => string;
  dtype: (dt: DType, r: ReduceArgs) => DType;
  /** one lane's value; `w` the working dtype */
  fold: (buf: Float64Array, n: number, ctx: { contiguous: boolean; w: DType; call: OpCall; flag: Set<string> }) => number;
  /** the lanes' shared check before folding (numpy raises for all-nan argmax) */
  raises?: boolean;
}

function define(d: NanDef): void {
  registerOp({
    names: d.names, doc: d.doc, latex: d.latex,
    shape(call) {
      const r = reduceArgs(call, d.params);
      return abstractOf(r, r.dtype ?? (r.a?.dtype ? d.dtype(r.a.dtype, r) : null));
    },
    evaluate(call, abstract) {
      const r = reduceArgs(call, d.params);
      if (abstract.kind !== 'array' || !r.a?.data || r.a.shape === null || r.axes === undefined || abstract.dtype === null) return abstract;
      const outDt = abstract.dtype;
      const shape = r.a.shape as number[];
      const ctx = { contiguous: innerContiguous(shape.length, r.axes), w: outDt, call, flag: new Set<string>() };
      const src = isFloat(outDt) && r.a.dtype !== outDt ? r.a.data.map((x) => castScalar(x, outDt)) : r.a.data;
      const data = reduceData(src, shape, r.axes, (buf, n) => d.fold(buf, n, ctx));
      if (ctx.flag.has('all-nan-raise')) {
        throw new NumpyError('all-nan', { en: 'All-NaN slice encountered', fr: 'tranche entièrement NaN : pas d\'indice à renvoyer' }, { pyType: 'ValueError' });
      }
      if (ctx.flag.has('all-nan')) warn(call, ALL_NAN);
      if (ctx.flag.has('empty-mean')) warn(call, EMPTY_MEAN);
      if (ctx.flag.has('dof')) warn(call, DOF);
      for (let i = 0; i < data.length; i++) data[i] = castScalar(data[i], outDt);
      return { ...abstract, data };
    },
  });
}

const SUM = ['axis', 'dtype', 'out', 'keepdims'];
const round = (w: DType) => (w === 'float64' || !isFloat(w) ? undefined : (x: number) => castScalar(x, w));

/** Replace nan by `fill` in the lane (numpy's _replace_nan); returns the non-nan count. */
function replaceNan(buf: Float64Array, n: number, fill: number): number {
  let cnt = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(buf[i])) buf[i] = fill;
    else cnt++;
  }
  return cnt;
}

define({
  names: ['np.nansum'], params: SUM, dtype: sumDtype,
  doc: 'Sum treating nan as zero (an all-nan lane sums to 0).',
  latex: ([a]) => `\\sum_{i,\\, ${a}_i \\neq \\mathrm{nan}} ${a}_{i}`,
  fold: (buf, n, c) => {
    replaceNan(buf, n, 0);
    return numpySum(buf, n, c.contiguous, round(c.w));
  },
});

define({
  names: ['np.nanprod'], params: SUM, dtype: sumDtype,
  doc: 'Product treating nan as one.',
  latex: ([a]) => `\\prod_{i,\\, ${a}_i \\neq \\mathrm{nan}} ${a}_{i}`,
  fold: (buf, n, c) => {
    replaceNan(buf, n, 1);
    let p = 1;
    for (let i = 0; i < n; i++) p = castScalar(p * buf[i], c.w);
    return p;
  },
});

define({
  names: ['np.nanmean'], params: SUM, dtype: (dt) => (isFloat(dt) ? dt : 'float64'),
  doc: 'Mean of the non-nan elements (sum of the others divided by their count); an all-nan lane gives nan with a RuntimeWarning.',
  latex: ([a]) => `\\frac{1}{|\\{i : ${a}_i \\neq \\mathrm{nan}\\}|} \\sum_{i} ${a}_{i}`,
  fold: (buf, n, c) => {
    const cnt = replaceNan(buf, n, 0);
    if (cnt === 0) c.flag.add('empty-mean');
    const r = round(c.w);
    const s = numpySum(buf, n, c.contiguous, r);
    return r ? r(s / cnt) : s / cnt;
  },
});

for (const sqrt of [false, true]) {
  const params = ['axis', 'dtype', 'out', 'ddof', 'keepdims'];
  define({
    names: [sqrt ? 'np.nanstd' : 'np.nanvar'], params, dtype: (dt) => (isFloat(dt) ? dt : 'float64'),
    doc: sqrt ? 'Standard deviation of the non-nan elements (ddof as np.std).' : 'Variance of the non-nan elements, divided by (count − ddof).',
    latex: ([a]) => (sqrt ? `\\sqrt{\\operatorname{Var}_{\\neg\\mathrm{nan}}\\left(${a}\\right)}` : `\\operatorname{Var}_{\\neg\\mathrm{nan}}\\left(${a}\\right)`),
    fold: (buf, n, c) => {
      const ddof = numArg(c.call, paramIndex(c.call, params, 'ddof'), 'ddof', 0) ?? 0;
      const r = round(c.w);
      const mask = new Uint8Array(n);
      for (let i = 0; i < n; i++) mask[i] = Number.isNaN(buf[i]) ? 1 : 0;
      const cnt = replaceNan(buf, n, 0);
      const mean = castScalar(numpySum(buf, n, c.contiguous, r) / cnt, c.w);
      for (let i = 0; i < n; i++) {
        const dv = mask[i] ? 0 : castScalar(buf[i] - mean, c.w);
        buf[i] = castScalar(dv * dv, c.w);
      }
      const dof = cnt - ddof;
      if (dof <= 0) c.flag.add('dof');
      const v = dof <= 0 ? NaN : castScalar(numpySum(buf, n, c.contiguous, r) / dof, c.w);
      return sqrt ? Math.sqrt(v) : v;
    },
  });
}

for (const max of [true, false]) {
  define({
    names: [max ? 'np.nanmax' : 'np.nanmin'], params: ['axis', 'out', 'keepdims'], dtype: (dt) => dt,
    doc: `${max ? 'Largest' : 'Smallest'} element ignoring nan values; an all-nan lane gives nan with a RuntimeWarning.`,
    latex: ([a]) => `\\${max ? 'max' : 'min'}_{i,\\, ${a}_i \\neq \\mathrm{nan}} ${a}_{i}`,
    fold: (buf, n, c) => {
      let best = NaN;
      for (let i = 0; i < n; i++) {
        const x = buf[i];
        if (Number.isNaN(x)) continue;
        if (Number.isNaN(best) || (max ? x > best : x < best)) best = x;
      }
      if (Number.isNaN(best)) c.flag.add('all-nan');
      return best;
    },
  });
  define({
    names: [max ? 'np.nanargmax' : 'np.nanargmin'], params: ['axis', 'out'], dtype: () => 'int64',
    doc: `Index of the ${max ? 'largest' : 'smallest'} element ignoring nan values (first on ties); an all-nan lane raises ValueError.`,
    latex: ([a]) => `\\arg\\${max ? 'max' : 'min'}_{i,\\, ${a}_i \\neq \\mathrm{nan}} ${a}_{i}`,
    fold: (buf, n, c) => {
      let bi = -1;
      for (let i = 0; i < n; i++) {
        const x = buf[i];
        if (Number.isNaN(x)) continue;
        if (bi < 0 || (max ? x > buf[bi] : x < buf[bi])) bi = i;
      }
      if (bi < 0) c.flag.add('all-nan-raise');
      return bi;
    },
  });
}
