// Human-readable output of the CLI: the `LINE  NAME  SHAPE` listing, diagnostics in the usual
// `file:line:col: severity: message [code]` form, and compact numpy-like printing of values.

import { Shape } from '../core/shapes/dim';
import type { JsonValue } from '../core/values';
import type { Trace } from '../core/types';
import { valueToJson } from './json';

/** Numbers as numpy prints them at its default precision (8 significant digits, no trailing zeros). */
function formatNumber(x: JsonValue): string {
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'string') return x === 'Infinity' ? 'inf' : x === '-Infinity' ? '-inf' : x === 'NaN' ? 'nan' : x;
  if (typeof x !== 'number') return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) return x.toExponential(7).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(8)));
}

/** A JSON value on one line, `[[1, 2], [3, 4]]` style, shortened past `max` characters. */
export function formatValue(v: JsonValue, max = 120): string {
  const text = (x: JsonValue): string => {
    if (Array.isArray(x)) return `[${x.map(text).join(', ')}]`;
    if (x !== null && typeof x === 'object') return `{${Object.entries(x).map(([k, y]) => `${k}: ${text(y)}`).join(', ')}}`;
    return formatNumber(x);
  };
  const s = text(v);
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** One column-aligned line per binding; `?` when a shape is unknown, `-` when not an array. */
export function formatBindings(trace: Trace, withValues: boolean): string[] {
  const rows = trace.bindings.map((b) => {
    const shape = b.shape ? Shape.format(b.shape) : b.why ? '?' : '-';
    const value = withValues ? valueToJson(b.value) : undefined;
    return [String(b.loc.line), b.name, value === undefined ? shape : `${shape}  = ${formatValue(value)}`];
  });
  const w0 = Math.max(4, ...rows.map((r) => r[0].length));
  const w1 = Math.max(4, ...rows.map((r) => r[1].length));
  return rows.map(([line, name, shape]) => `${line.padStart(w0)}  ${name.padEnd(w1)}  ${shape}`.trimEnd());
}

/**
 * Diagnostics as compilers print them. Columns are 1-based here (as gcc, flake8 and the VS Code
 * terminal's link detection expect) while the JSON keeps the contract's 0-based `column`.
 */
export function formatDiagnostics(file: string, trace: Trace): string[] {
  return trace.diagnostics.map((d) => `${file}:${d.loc.line}:${d.loc.col + 1}: ${d.severity}: ${d.message.en} [${d.code}]`);
}
