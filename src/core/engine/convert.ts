// Engine values to the interpreter's Value and to the contract's JSON (non-finite numbers as
// strings, Adam's record as an object of arrays).

import type { JsonValue, Value } from '../values';
import { jsonNumber } from '../values';
import { Tensor } from './tensor';
import { isTensor } from './recorder';
import type { EngineValue } from './tutor';

export function engineToValue(v: EngineValue): Value {
  if (typeof v === 'number') return { kind: 'float', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return { kind: 'str', value: v };
  if (isTensor(v)) return Tensor.toValue(v);
  const map = new Map<string, { key: Value; value: Value }>();
  for (const [k, x] of Object.entries(v)) map.set(`s:${k}`, { key: { kind: 'str', value: k }, value: engineToValue(x) });
  return { kind: 'dict', map };
}

/** Nested JSON of a tensor, non-finite numbers as "Infinity" / "-Infinity" / "NaN". */
export function tensorJson(t: Tensor): JsonValue {
  if (t.shape.length === 0) return jsonNumber(t.data[0]);
  const build = (depth: number, offset: number): JsonValue[] => {
    const n = t.shape[depth];
    if (depth === t.shape.length - 1) return Array.from(t.data.subarray(offset, offset + n), (x) => jsonNumber(x));
    const stride = Tensor.size(t.shape.slice(depth + 1));
    return Array.from({ length: n }, (_, i) => build(depth + 1, offset + i * stride));
  };
  return build(0, 0);
}

export function engineJson(v: EngineValue): JsonValue {
  if (typeof v === 'number') return jsonNumber(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (isTensor(v)) return tensorJson(v);
  const o: { [k: string]: JsonValue } = {};
  for (const [k, x] of Object.entries(v)) o[k] = engineJson(x);
  return o;
}

/** JSON of an interpreter value as in `trace --values` (undefined when not determined). */
export function valueJson(v: Value | undefined): JsonValue | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'int':
    case 'float':
      return v.value === undefined ? undefined : jsonNumber(v.value);
    case 'bool':
      return v.value;
    case 'str':
      return v.value;
    case 'array': {
      const t = Tensor.fromValue(v);
      if (!t) return undefined;
      if (v.dtype === 'bool') return boolJson(t);
      return tensorJson(t);
    }
    case 'list':
    case 'tuple': {
      if (!v.items) return undefined;
      const items = v.items.map(valueJson);
      return items.some((x) => x === undefined) ? undefined : (items as JsonValue[]);
    }
    case 'dict': {
      if (!v.map) return undefined;
      const o: { [k: string]: JsonValue } = {};
      for (const { key, value } of v.map.values()) {
        const j = valueJson(value);
        if (key.kind !== 'str' || key.value === undefined || j === undefined) return undefined;
        o[key.value] = j;
      }
      return o;
    }
    default:
      return undefined;
  }
}

function boolJson(t: Tensor): JsonValue {
  const j = tensorJson(t);
  const conv = (x: JsonValue): JsonValue => (Array.isArray(x) ? x.map(conv) : x === 1);
  return conv(j);
}
