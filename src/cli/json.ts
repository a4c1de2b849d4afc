// The JSON forms of the CLI contract: determined values as nested arrays (booleans as true/false,
// non-finite numbers as strings, big arrays omitted) and the `trace --json` object itself.

import { Shape } from '../core/shapes/dim';
import { jsonNumber, type JsonValue, type Value } from '../core/values';
import type { Binding, Trace } from '../core/types';
import type { Diagnostic } from '../core/diagnostics';

/** Above this many elements a value is left out of the JSON (the contract allows it). */
export const MAX_JSON_ELEMENTS = 10_000;

/** Nested arrays of a determined array value, or undefined when it is not fully determined. */
function arrayJson(v: Extract<Value, { kind: 'array' }>): JsonValue | undefined {
  const { shape, data, dtype } = v;
  if (!data || !shape || !Shape.isConcrete(shape)) return undefined;
  const size = Shape.size(shape) ?? 0;
  if (size > MAX_JSON_ELEMENTS || data.length !== size) return undefined;
  const leaf = (x: number): JsonValue => (dtype === 'bool' ? x !== 0 : jsonNumber(x));
  if (shape.length === 0) return leaf(data[0]);
  const build = (axis: number, offset: number, stride: number): JsonValue[] => {
    const n = shape[axis];
    const inner = stride / n;
    const out: JsonValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = axis === shape.length - 1 ? leaf(data[offset + i]) : build(axis + 1, offset + i * inner, inner);
    }
    return out;
  };
  return build(0, 0, size);
}

/**
 * The contract's `value` for a binding: numbers, booleans and (nested) arrays of them, only when
 * every element is determined. Strings, functions and unknowns give undefined (no `value` key).
 */
export function valueToJson(v: Value | undefined, budget = { left: MAX_JSON_ELEMENTS }): JsonValue | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'int':
    case 'float':
      if (v.value === undefined) return undefined;
      budget.left -= 1;
      return jsonNumber(v.value);
    case 'bool':
      if (v.value === undefined) return undefined;
      budget.left -= 1;
      return v.value;
    case 'array': {
      const size = v.shape && Shape.size(v.shape);
      if (size === undefined || size === null || size > budget.left) return undefined;
      budget.left -= size;
      return arrayJson(v);
    }
    case 'list':
    case 'tuple': {
      // A Python list of numbers (or of equal-length lists) is what np.array would make of it.
      if (!v.items) return undefined;
      const items: JsonValue[] = [];
      for (const item of v.items) {
        const j = valueToJson(item, budget);
        if (j === undefined || budget.left < 0) return undefined;
        items.push(j);
      }
      return items;
    }
    default:
      return undefined;
  }
}

export interface TraceJson {
  file: string;
  language: string;
  bindings: {
    line: number; column: number; name: string;
    shape: (number | string)[] | null; dtype: string | null; value?: JsonValue;
  }[];
  diagnostics: {
    line: number; column: number; endLine: number; endColumn: number;
    severity: string; code: string; message: string;
  }[];
}

function bindingJson(b: Binding, withValues: boolean): TraceJson['bindings'][number] {
  const out: TraceJson['bindings'][number] = {
    line: b.loc.line, column: b.loc.col, name: b.name,
    shape: b.shape ? Shape.toJson(b.shape) : null, dtype: b.dtype,
  };
  if (withValues) {
    const value = valueToJson(b.value);
    if (value !== undefined) out.value = value;
  }
  return out;
}

function diagnosticJson(d: Diagnostic): TraceJson['diagnostics'][number] {
  return {
    line: d.loc.line, column: d.loc.col, endLine: d.loc.endLine, endColumn: d.loc.endCol,
    severity: d.severity, code: d.code, message: d.message.en,
  };
}

export function traceJson(file: string, trace: Trace, withValues: boolean): TraceJson {
  return {
    file,
    language: trace.language,
    bindings: trace.bindings.map((b) => bindingJson(b, withValues)),
    diagnostics: trace.diagnostics.map(diagnosticJson),
  };
}
