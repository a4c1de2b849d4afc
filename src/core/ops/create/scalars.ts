// The scalar types called as constructors: np.float64(x), np.float32(x), np.int64(x), np.bool_(x)…
// A Python number gives a numpy scalar of that type (ints truncate, floats round to the type's
// precision); a list or array gives an array of that dtype, as numpy does.

import { NumpyError } from '../../diagnostics';
import type { DType, L10nText, Value } from '../../values';
import { arg } from '../args';
import { toArray } from '../convert';
import { castScalar, isInt } from '../dtype';
import { fail } from '../nd/common';
import { registerOp } from '../registry';

const TYPES: [string[], DType][] = [
  [['np.float64', 'np.double', 'np.float_'], 'float64'], [['np.float32', 'np.single'], 'float32'], [['np.float16', 'np.half'], 'float16'],
  [['np.int64', 'np.int_', 'np.intp', 'np.longlong'], 'int64'], [['np.int32', 'np.intc'], 'int32'], [['np.int16', 'np.short'], 'int16'], [['np.int8', 'np.byte'], 'int8'],
  [['np.uint64', 'np.uint', 'np.ulonglong'], 'uint64'], [['np.uint32', 'np.uintc'], 'uint32'], [['np.uint16', 'np.ushort'], 'uint16'], [['np.uint8', 'np.ubyte'], 'uint8'],
  [['np.bool_', 'np.bool8'], 'bool'],
];

function convert(dt: DType, v: Value | undefined, report?: (m: L10nText) => void): Value {
  if (v === undefined) return { kind: 'array', shape: [], dtype: dt, scalar: true, data: Float64Array.of(0) };
  if (v.kind === 'str' || v.kind === 'none' || v.kind === 'unknown' || v.kind === 'dict' || v.kind === 'instance') {
    return { kind: 'array', shape: v.kind === 'unknown' ? null : [], dtype: dt, ...(v.kind === 'unknown' ? {} : { scalar: true }) };
  }
  const a = toArray(v);
  const isScalar = a.shape !== null && a.shape.length === 0 && v.kind !== 'list' && v.kind !== 'tuple';
  if (isInt(dt) && a.data && a.dtype?.startsWith('float')) {
    // Python's int(): nan and inf cannot become integers
    for (const x of a.data) {
      if (Number.isNaN(x)) throw fail('bad-cast', 'cannot convert float NaN to integer', 'impossible de convertir NaN en entier');
      if (!Number.isFinite(x)) throw new NumpyError('bad-cast', { en: 'cannot convert float infinity to integer', fr: "impossible de convertir l'infini en entier" }, { pyType: 'OverflowError' });
    }
  }
  const data = a.data ? Float64Array.from(a.data, (x) => castScalar(x, dt)) : undefined;
  if (report && data && a.data && (dt === 'float32' || dt === 'float16') && data.some((y, i) => !Number.isFinite(y) && Number.isFinite(a.data![i]))) {
    report({ en: 'RuntimeWarning: overflow encountered in cast', fr: `RuntimeWarning : dépassement de capacité lors de la conversion en ${dt} (résultat inf)` });
  }
  if (isScalar) return data ? { kind: 'array', shape: [], dtype: dt, scalar: true, data } : { kind: 'array', shape: [], dtype: dt, scalar: true };
  return data ? { kind: 'array', shape: a.shape, dtype: dt, data } : { kind: 'array', shape: a.shape, dtype: dt };
}

for (const [names, dt] of TYPES) {
  registerOp({
    names,
    doc: `numpy's ${dt} scalar type: called on a number it gives a ${dt} scalar (${isInt(dt) ? 'truncated toward zero' : dt === 'bool' ? 'True for any non-zero value' : `rounded to ${dt} precision`}); on a list or array, an array of dtype ${dt}. Also usable as dtype=np.${dt === 'bool' ? 'bool_' : dt}.`,
    latex: ([x]) => `\\operatorname{${dt}}\\left(${x ?? ''}\\right)`,
    shape: (call) => {
      const r = convert(dt, arg(call, 0, 'x'));
      if (r.kind === 'array' && r.data) {
        const { data: _d, ...rest } = r;
        return rest;
      }
      return r;
    },
    evaluate: (call) => convert(dt, arg(call, 0, 'x'), (message) => call.ctx.report({ loc: call.loc, severity: 'warning', code: 'runtime-warning', message })),
  });
}
