// str() / repr() of Python values as CPython prints them (float repr with the shortest
// round-trip digits, 1e-05 / 1e+16 switch-overs), and format specs for f-strings / str.format.

import type { Value } from '../values';
import { PyError } from './errors';

/** CPython's repr(float): shortest round-trip digits, scientific below 1e-4 and from 1e16. */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = '';
  for (const ch of s) {
    if (ch === '\\') body += '\\\\';
    else if (ch === q) body += `\\${q}`;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\t') body += '\\t';
    else if (ch === '\r') body += '\\r';
    else body += ch;
  }
  return q + body + q;
}

/** repr(v), or undefined when some part is not known. */
export function pyRepr(v: Value, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  switch (v.kind) {
    case 'str':
      return v.value === undefined ? undefined : strRepr(v.value);
    case 'list':
    case 'tuple': {
      if (!v.items) return undefined;
      const parts = v.items.map((x) => pyRepr(x, depth + 1));
      if (parts.some((p) => p === undefined)) return undefined;
      if (v.kind === 'list') return `[${parts.join(', ')}]`;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    case 'dict': {
      if (!v.map) return undefined;
      const parts: string[] = [];
      for (const e of v.map.values()) {
        const k = pyRepr(e.key, depth + 1);
        const x = pyRepr(e.value, depth + 1);
        if (k === undefined || x === undefined) return undefined;
        parts.push(`${k}: ${x}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'set': {
      if (!v.map) return undefined;
      if (v.map.size === 0) return 'set()';
      const parts = [...v.map.values()].map((x) => pyRepr(x, depth + 1));
      return parts.some((p) => p === undefined) ? undefined : `{${parts.join(', ')}}`;
    }
    default:
      return pyStr(v);
  }
}

/** str(v), or undefined when not known. */
export function pyStr(v: Value): string | undefined {
  switch (v.kind) {
    case 'int':
      return v.value === undefined ? undefined : String(v.value);
    case 'float':
      return v.value === undefined ? undefined : floatRepr(v.value);
    case 'bool':
      return v.value === undefined ? undefined : v.value ? 'True' : 'False';
    case 'str':
      return v.value;
    case 'none':
      return 'None';
    case 'ellipsis':
      return 'Ellipsis';
    case 'range':
      if (v.start === undefined || v.stop === undefined || v.step === undefined) return undefined;
      return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
    case 'array':
      // numpy scalars print like Python numbers (np.float64(0.5) → 0.5)
      if (v.scalar && v.data && v.data.length === 1) {
        const x = v.data[0];
        if (v.dtype === 'bool') return x ? 'True' : 'False';
        if (v.dtype && v.dtype.startsWith('float')) return v.dtype === 'float64' ? floatRepr(x) : undefined;
        return String(x);
      }
      return undefined;
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
      return pyRepr(v);
    case 'class':
      return `<class '${v.name}'>`;
    default:
      return undefined;
  }
}

/** format(value, spec) for the common specs: [[fill]align][sign][0][width][,][.precision][type]. */
export function formatSpec(v: Value, spec: string): string | undefined {
  if (spec === '') return pyStr(v);
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new PyError('ValueError', { en: `Invalid format specifier '${spec}'`, fr: `Spécificateur de format invalide '${spec}'` });
  const [, fillCh, align, sign, , zero, widthS, group, precS, type] = m;
  let num: number | undefined;
  let isInt = false;
  if (v.kind === 'int' || v.kind === 'bool') {
    num = v.kind === 'int' ? v.value : v.value === undefined ? undefined : v.value ? 1 : 0;
    isInt = true;
  } else if (v.kind === 'float') num = v.value;
  else if (v.kind === 'array' && v.scalar && v.data) {
    num = v.data[0];
    isInt = !!v.dtype && v.dtype.includes('int');
  }
  let body: string | undefined;
  const prec = precS === undefined ? undefined : Number(precS);
  if (num !== undefined && (type || isInt || v.kind === 'float' || v.kind === 'array')) {
    const t = type ?? (isInt ? 'd' : prec !== undefined ? 'g' : '');
    const abs = Math.abs(num);
    switch (t) {
      case 'd':
      case 'n':
        body = String(Math.trunc(abs));
        break;
      case 'f':
      case 'F':
        body = Number.isFinite(abs) ? abs.toFixed(prec ?? 6) : floatRepr(abs);
        break;
      case 'e':
      case 'E': {
        const s = abs.toExponential(prec ?? 6);
        const [mm, ee] = s.split('e');
        body = `${mm}e${ee[0]}${ee.slice(1).padStart(2, '0')}`;
        if (t === 'E') body = body.toUpperCase();
        break;
      }
      case '%':
        body = `${(abs * 100).toFixed(prec ?? 6)}%`;
        break;
      case 'g':
      case 'G': {
        const p = prec === 0 ? 1 : prec ?? 6;
        const exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
        if (exp < -4 || exp >= p) {
          const [mm, ee] = abs.toExponential(p - 1).split('e');
          body = `${mm.includes('.') ? mm.replace(/\.?0+$/, '') : mm}e${ee[0]}${ee.slice(1).padStart(2, '0')}`;
        } else {
          const s = abs.toFixed(Math.max(0, p - 1 - exp));
          body = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
        }
        break;
      }
      case 'x':
        body = Math.trunc(abs).toString(16);
        break;
      case 'b':
        body = Math.trunc(abs).toString(2);
        break;
      case 'o':
        body = Math.trunc(abs).toString(8);
        break;
      default:
        body = isInt ? String(abs) : floatRepr(abs);
    }
    if (group) {
      const [ip, fp] = body.split('.');
      body = ip.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (fp !== undefined ? `.${fp}` : '');
    }
    const signStr = num < 0 || Object.is(num, -0) ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
    const width = widthS ? Number(widthS) : 0;
    if (zero && !align && body.length + signStr.length < width) body = body.padStart(width - signStr.length, '0');
    body = signStr + body;
  } else {
    body = pyStr(v);
    if (body === undefined) return undefined;
    if (prec !== undefined && v.kind === 'str') body = body.slice(0, prec);
  }
  const width = widthS ? Number(widthS) : 0;
  if (body.length >= width) return body;
  const fill = fillCh ?? ' ';
  const pad = width - body.length;
  const al = align ?? (num !== undefined ? '>' : '<');
  if (al === '<') return body + fill.repeat(pad);
  if (al === '^') return fill.repeat(Math.floor(pad / 2)) + body + fill.repeat(Math.ceil(pad / 2));
  return fill.repeat(pad) + body;
}
