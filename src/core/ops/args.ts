// Reading an op's arguments the way numpy's signatures bind them: positional or keyword, with
// defaults; ints, bools, axes (normalised, numpy's AxisError), shapes and dtypes. A value the
// program does not determine reads as `undefined` ("unknown"), never as a guess.

import { NumpyError } from '../diagnostics';
import type { Dim, Shape } from '../shapes/dim';
import { Value, type DType } from '../values';
import { dtypeFromValue } from './dtype';
import type { OpCall } from './types';

/** The argument at positional `index` or keyword `name`; undefined when absent. */
export function arg(call: OpCall, index: number, name: string): Value | undefined {
  if (index >= 0 && index < call.args.length) return call.args[index];
  return call.kwargs.get(name);
}

export function typeError(en: string, fr: string): NumpyError {
  return new NumpyError('type-error', { en, fr }, { pyType: 'TypeError' });
}

/** A Python number's value (int, float, bool, or a determined 0-d/1-element array); undefined if unknown. */
export function numberOf(v: Value): number | undefined {
  switch (v.kind) {
    case 'int':
    case 'float':
      return v.value;
    case 'bool':
      return v.value === undefined ? undefined : v.value ? 1 : 0;
    case 'array':
      return v.data && v.data.length === 1 ? v.data[0] : undefined;
    default:
      return undefined;
  }
}

/** The symbolic dim of an int known only as a symbol (`T = X.shape[0]`); undefined otherwise. */
export function symDimOf(v: Value | undefined): Dim | undefined {
  return v?.kind === 'int' && v.value === undefined && v.sym !== undefined ? Value.toDim(v) : undefined;
}

/** An int argument: its value, `dflt` when absent, undefined when unknown. Floats raise like numpy. */
export function intArg(call: OpCall, index: number, name: string, dflt?: number): number | undefined {
  const v = arg(call, index, name);
  if (v === undefined || v.kind === 'none') return dflt;
  if (v.kind === 'float' || (v.kind === 'array' && v.dtype !== null && v.dtype.startsWith('float'))) {
    throw typeError(`'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`);
  }
  return numberOf(v);
}

/** A number argument (int or float). */
export function numArg(call: OpCall, index: number, name: string, dflt?: number): number | undefined {
  const v = arg(call, index, name);
  if (v === undefined || v.kind === 'none') return dflt;
  return numberOf(v);
}

/** A bool argument (Python truthiness of numbers). */
export function boolArg(call: OpCall, index: number, name: string, dflt: boolean): boolean | undefined {
  const v = arg(call, index, name);
  if (v === undefined) return dflt;
  if (v.kind === 'none') return false;
  if (v.kind === 'bool') return v.value;
  const n = numberOf(v);
  return n === undefined ? undefined : n !== 0;
}

export function axisError(axis: number, ndim: number): NumpyError {
  return new NumpyError(
    'axis-out-of-range',
    {
      en: `axis ${axis} is out of bounds for array of dimension ${ndim}`,
      fr: `l'axe ${axis} est hors limites pour un tableau de dimension ${ndim}`,
    },
    { pyType: 'AxisError' },
  );
}

/** numpy's normalize_axis_index: -ndim ≤ axis < ndim, negatives counted from the end. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * An axis argument (int, tuple/list of ints, or None). Returns null for None (all axes), the
 * normalised axes in the order given when `ndim` is known (raw when it is not), and undefined
 * when the axis is not determined. `dflt` applies when the argument is absent. Duplicates raise
 * numpy's ValueError.
 */
export function axisArg(
  call: OpCall, index: number, name: string, ndim: number | undefined, dflt: number | null,
): number[] | null | undefined {
  const v = arg(call, index, name);
  if (v === undefined) return dflt === null ? null : ndim === undefined ? [dflt] : [normalizeAxis(dflt, ndim)];
  if (v.kind === 'none') return null;
  let raw: (number | undefined)[];
  if (v.kind === 'tuple' || v.kind === 'list') {
    if (v.items === null) return undefined;
    raw = v.items.map((it) => {
      if (it.kind === 'float') throw typeError(`'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`);
      return numberOf(it);
    });
  } else if (v.kind === 'float') {
    throw typeError(`'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`);
  } else {
    raw = [numberOf(v)];
  }
  if (raw.some((a) => a === undefined)) return undefined;
  const axes = raw as number[];
  if (ndim === undefined) return axes;
  const norm = axes.map((a) => normalizeAxis(a, ndim));
  if (new Set(norm).size !== norm.length) {
    throw new NumpyError(
      'duplicate-axis',
      { en: `duplicate value in 'axis'`, fr: `valeur en double dans 'axis'` },
      { pyType: 'ValueError' },
    );
  }
  return norm;
}

/**
 * A shape argument: an int or a tuple/list of ints → Shape. An int known only as a symbol
 * (`n = len(mots)`, `n, d = X.shape`, `d_model // h`) gives that symbolic dim. Returns undefined
 * when unknown (any dim neither a number nor a symbol); throws numpy's ValueError for a negative dim.
 */
export function shapeArg(call: OpCall, index: number, name: string): Shape | undefined {
  const v = arg(call, index, name);
  if (v === undefined) return undefined;
  return shapeFromValue(v);
}

export function shapeFromValue(v: Value): Shape | undefined {
  let items: Value[];
  if (v.kind === 'tuple' || v.kind === 'list') {
    if (v.items === null) return undefined;
    items = v.items;
  } else {
    items = [v];
  }
  const dims: Dim[] = [];
  for (const it of items) {
    if (it.kind === 'float' || (it.kind === 'array' && it.dtype !== null && it.dtype.startsWith('float'))) {
      throw typeError(`'float' object cannot be interpreted as an integer`, `un objet 'float' ne peut pas être interprété comme un entier`);
    }
    if (it.kind !== 'int' && it.kind !== 'bool' && it.kind !== 'array') return undefined;
    const sym = symDimOf(it);
    if (sym !== undefined) {
      dims.push(sym);
      continue;
    }
    const n = numberOf(it);
    if (n === undefined) return undefined;
    if (n < 0) {
      throw new NumpyError(
        'negative-dimension',
        { en: 'negative dimensions are not allowed', fr: 'les dimensions négatives ne sont pas autorisées' },
        { pyType: 'ValueError' },
      );
    }
    dims.push(n);
  }
  return dims;
}

/** The `dtype=` argument: a DType, null when absent or None (numpy's default), undefined when unknown. */
export function dtypeArg(call: OpCall, index: number, name: string): DType | null | undefined {
  const v = arg(call, index, name);
  if (v === undefined) return null;
  return dtypeFromValue(v);
}

/** Split source text at its top-level commas (not inside brackets): "n, f(a, b)" → ["n", "f(a, b)"]. */
export function splitTopLevel(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of body) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      items.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) items.push(cur.trim());
  return items;
}

/** The top-level items of a tuple/list literal's source text ("(n, d_k)" → ["n", "d_k"]); undefined when it is not one. */
export function literalItems(text: string | undefined): string[] | undefined {
  const t = text?.trim();
  if (!t || !/^[([].*[)\]]$/s.test(t)) return undefined;
  return splitTopLevel(t.slice(1, -1));
}

const SIMPLE = /^[A-Za-z_][A-Za-z_0-9.]*(\s*(\/\/|\*|\+|-)\s*[A-Za-z_0-9.]+)*$/;

/**
 * Like shapeArg, but a dim the program does not determine becomes a symbol named by its source
 * text when that text is a simple name or expression (`np.zeros((n, d_k))` → (n, d_k)), so
 * shapes stay informative without guessing. Positional arguments only carry source text.
 */
export function symbolicShapeArg(call: OpCall, index: number, name: string): Shape | undefined {
  const v = arg(call, index, name);
  if (v === undefined) return undefined;
  const known = shapeFromValue(v);
  if (known !== undefined) return known;
  const text = index < call.argTexts.length ? call.argTexts[index] : undefined;
  if (text === undefined) return undefined;
  const items = v.kind === 'tuple' || v.kind === 'list' ? (v.items ?? undefined) : [v];
  const texts = v.kind === 'tuple' || v.kind === 'list' ? literalItems(text) : [text.trim()];
  if (!items || !texts || texts.length !== items.length) return undefined;
  const dims: Dim[] = [];
  for (let i = 0; i < items.length; i++) {
    const n = numberOf(items[i]);
    if (n !== undefined) dims.push(n);
    else if ((items[i].kind === 'int' || items[i].kind === 'unknown') && SIMPLE.test(texts[i])) dims.push({ kind: 'sym', name: texts[i].replace(/\s+/g, '') });
    else return undefined;
  }
  return dims;
}
