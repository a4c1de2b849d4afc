// numpy's repr of a traced value (`array([[0.1, 0.2], …])`, line width 75, summarised past 1000
// elements), so hovers show what `print(repr(x))` would print under numpy 1.24. Pure: no vscode.

import type { ArrayValue, DType, Value } from '../../core/values';
import { boolFormatter, floatFormatter, intFormatter, pythonFloatRepr, singleScalarRepr } from './floatFormat';

interface ReprOptions {
  /** numpy's print precision (default 8) */
  precision?: number;
  /** numpy's suppress (default false) */
  suppress?: boolean;
  /** line width (default 75) */
  linewidth?: number;
  /** arrays with more elements are summarised with '...' (default 1000) */
  threshold?: number;
  edgeitems?: number;
}

const DEFAULT_INT = 'int64';
const DEFAULT_FLOAT = 'float64';

const isFloat = (d: DType): boolean => d.startsWith('float');
const isInt = (d: DType): boolean => d.startsWith('int') || d.startsWith('uint');

/** The numpy repr of a value, or undefined when it is not determined (no data). */
export function reprValue(v: Value, opts: ReprOptions = {}): string | undefined {
  switch (v.kind) {
    case 'array':
      return v.data && v.shape && v.dtype ? reprArray(v, opts) : undefined;
    case 'int':
      return v.value === undefined ? undefined : String(v.value);
    case 'float':
      return v.value === undefined ? undefined : pythonFloatRepr(v.value);
    case 'bool':
      return v.value === undefined ? undefined : v.value ? 'True' : 'False';
    default:
      return undefined;
  }
}

function elementFormatter(dtype: DType, values: number[], zeroDim: boolean, o: Required<ReprOptions>): (x: number) => string {
  if (dtype === 'bool') return boolFormatter(zeroDim);
  if (isInt(dtype)) return intFormatter(values);
  return floatFormatter(values, { precision: o.precision, suppress: o.suppress, single: dtype !== 'float64' });
}

/** The elements numpy looks at to choose the format: all, or only the shown edges when summarised. */
function shownValues(data: Float64Array, shape: number[], summarise: boolean, edge: number): number[] {
  if (!summarise) return Array.from(data);
  const out: number[] = [];
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const walk = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      out.push(data[offset]);
      return;
    }
    const n = shape[axis];
    const idx = 2 * edge < n ? [...range(0, edge), ...range(n - edge, n)] : range(0, n);
    for (const i of idx) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);

function reprArray(v: ArrayValue, options: ReprOptions = {}): string {
  const o: Required<ReprOptions> = {
    precision: options.precision ?? 8,
    suppress: options.suppress ?? false,
    linewidth: options.linewidth ?? 75,
    threshold: options.threshold ?? 1000,
    edgeitems: options.edgeitems ?? 3,
  };
  const shape = v.shape as number[];
  const dtype = v.dtype as DType;
  const data = v.data as Float64Array;
  if (v.scalar && shape.length === 0) {
    if (dtype === 'float64') return pythonFloatRepr(data[0]);
    if (isFloat(dtype)) return singleScalarRepr(data[0]);
    return dtype === 'bool' ? (data[0] ? 'True' : 'False') : String(data[0]);
  }
  const size = data.length;
  const showDtype = size === 0 || !(dtype === DEFAULT_FLOAT || dtype === DEFAULT_INT || dtype === 'bool');
  const dtypeText = `dtype=${dtype}`;
  if (size === 0) {
    const shapeText = shape.length === 1 ? '' : `shape=(${shape.join(', ')}), `;
    return `array([], ${shapeText}${dtypeText})`;
  }
  const prefix = 'array(';
  const suffix = showDtype ? ',' : ')';
  const summarise = size > o.threshold;
  const fmt = elementFormatter(dtype, shownValues(data, shape, summarise, o.edgeitems), shape.length === 0, o);
  let body: string;
  if (shape.length === 0) {
    body = fmt(data[0]);
  } else {
    body = formatArray(data, shape, fmt, o.linewidth - suffix.length, ' '.repeat(prefix.length + 1), summarise ? o.edgeitems : -1);
  }
  let text = prefix + body + suffix;
  if (!showDtype) return text;
  const lastLine = text.length - (text.lastIndexOf('\n') + 1);
  const spacer = lastLine + 1 + dtypeText.length + 1 > o.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  text += spacer + dtypeText + ')';
  return text;
}

/** arrayprint._formatArray: rows wrapped at the line width, blank lines between blocks of rank ≥ 3. */
function formatArray(
  data: Float64Array,
  shape: number[],
  fmt: (x: number) => string,
  linewidth: number,
  nextLinePrefix: string,
  edge: number,
): string {
  const sep = ', ';
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const recurse = (axis: number, offset: number, hanging: string, width: number): string => {
    const left = shape.length - axis;
    if (left === 0) return fmt(data[offset]);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const n = shape[axis];
    const summary = edge >= 0 && 2 * edge < n;
    const leading = summary ? edge : 0;
    const trailing = summary ? edge : n;
    const at = (i: number): number => offset + i * strides[axis];
    let s = '';
    if (left === 1) {
      const elemWidth = width - Math.max(sep.trimEnd().length, 1);
      let line = hanging;
      const extend = (word: string, w: number): void => {
        // wrapping never helps when the line holds only the indent
        if (line.length + word.length > w && line.length > hanging.length) {
          s += line.trimEnd() + '\n';
          line = hanging;
        }
        line += word;
      };
      for (let i = 0; i < leading; i++) {
        extend(recurse(axis + 1, at(i), nextHanging, nextWidth), elemWidth);
        line += sep;
      }
      if (summary) {
        extend('...', elemWidth);
        line += sep;
      }
      for (let i = trailing; i > 1; i--) {
        extend(recurse(axis + 1, at(n - i), nextHanging, nextWidth), elemWidth);
        line += sep;
      }
      extend(recurse(axis + 1, at(n - 1), nextHanging, nextWidth), elemWidth);
      s += line;
    } else {
      const lineSep = sep.trimEnd() + '\n'.repeat(left - 1);
      for (let i = 0; i < leading; i++) s += hanging + recurse(axis + 1, at(i), nextHanging, nextWidth) + lineSep;
      if (summary) s += hanging + '...' + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + recurse(axis + 1, at(n - i), nextHanging, nextWidth) + lineSep;
      s += hanging + recurse(axis + 1, at(n - 1), nextHanging, nextWidth);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(0, 0, nextLinePrefix, linewidth);
}
