// Python literals as Python itself reads them: integer/float/imaginary numbers (hex, octal,
// binary, `1_000`, `1e-9`), string prefixes and escape sequences, f-string pieces. Kept apart
// from the lowering so the exact rules are testable on their own.

export type NumberLiteral =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'complex' }
  | { kind: 'invalid'; reason: string };

/** Read an `integer` or `float` token's text. */
export function readNumber(text: string): NumberLiteral {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) return { kind: 'complex' };
  // Python 2 long suffix: tree-sitter accepts it, Python 3 does not.
  if (/[lL]$/.test(t)) return { kind: 'invalid', reason: 'the L suffix of Python 2 longs' };
  const radix = /^0[xX]/.test(t) ? 16 : /^0[oO]/.test(t) ? 8 : /^0[bB]/.test(t) ? 2 : 10;
  if (radix !== 10) {
    const digits = t.slice(2);
    // BigInt keeps every digit, then Number rounds once (as float(int) does in Python).
    const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : '0b';
    try {
      return { kind: 'int', value: Number(BigInt(prefix + digits)) };
    } catch {
      return { kind: 'invalid', reason: `invalid base-${radix} literal` };
    }
  }
  if (/^[0-9]+$/.test(t)) {
    if (t.length > 1 && /^0+[1-9]/.test(t)) {
      return { kind: 'invalid', reason: 'leading zeros in a decimal integer (use 0o for octal)' };
    }
    return { kind: 'int', value: Number(BigInt(t)) };
  }
  const v = Number(t);
  if (Number.isNaN(v)) return { kind: 'invalid', reason: 'not a number literal' };
  return { kind: 'float', value: v };
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  format: boolean;
  /** the quote: ', ", ''' or """ */
  quote: string;
}

/** Parse a `string_start` token such as `rb'''` or `f"`. */
export function readPrefix(start: string): StringPrefix {
  const m = /^([A-Za-z]*)(.*)$/s.exec(start);
  const letters = (m?.[1] ?? '').toLowerCase();
  return {
    raw: letters.includes('r'),
    bytes: letters.includes('b'),
    format: letters.includes('f') || letters.includes('t'),
    quote: m?.[2] ?? '"',
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/**
 * Decode the escapes of a non-raw string body as Python does. Unknown escapes (`\d`, `\s`…)
 * stay as typed, backslash included, which is Python's (deprecated but working) behaviour.
 * `\N{name}` needs the Unicode name table: left as typed, reported through `onUnsupported`.
 */
export function decodeEscapes(body: string, onUnsupported?: (what: string) => void): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === '\n') {
      i += 1; // backslash-newline: line continuation inside the literal
      continue;
    }
    if (n === '\r') {
      i += body[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i += 1;
      continue;
    }
    if (n >= '0' && n <= '7') {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(m, 8));
      i += m.length;
      continue;
    }
    const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (hex.length === hexLen && /^[0-9a-fA-F]+$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + hexLen;
        continue;
      }
    }
    if (n === 'N') onUnsupported?.('\\N{...} escapes');
    out += c;
  }
  return out;
}
