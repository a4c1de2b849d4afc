// String.prototype and Number.prototype methods for TypeScript programs ('js.String#split',
// 'js.Number#toFixed', …): exact when the receiver and arguments are known, a string (or number)
// of unknown value otherwise. They matter for object keys built from strings (`h${i}`).

import type { Value } from '../../values';
import { PyError } from '../errors';
import { defineBuiltin } from '../host';
import { jsBool, jsStr, num, toJsString, toNumber } from '../../interp/tsValues';

type Known = (s: string, args: (string | number | undefined)[], raw: Value[]) => Value;

/** A String method: `kinds` says how each argument is read ('s' string, 'n' number). */
function strMethod(name: string, kinds: string, result: 'str' | 'num' | 'bool' | 'list', fn: Known): void {
  defineBuiltin(`js.String#${name}`, (_h, self, args) => {
    const s = self?.kind === 'str' ? self.value : undefined;
    const read = args.map((a, i) => (a.kind === 'none' ? undefined : kinds[i] === 'n' ? toNumber(a) : toJsString(a)));
    const unknownArg = args.some((a, i) => a.kind !== 'none' && i < kinds.length && read[i] === undefined);
    if (s === undefined || unknownArg) {
      return result === 'str' ? jsStr() : result === 'num' ? num() : result === 'bool' ? jsBool() : { kind: 'list', items: null, elem: jsStr() };
    }
    return fn(s, read, args);
  });
}

const strs = (xs: string[]): Value => ({ kind: 'list', items: xs.map((x) => jsStr(x)) });

strMethod('split', 'sn', 'list', (s, [sep, limit]) => strs(sep === undefined ? [s] : s.split(sep as string, limit as number | undefined)));
strMethod('toUpperCase', '', 'str', (s) => jsStr(s.toUpperCase()));
strMethod('toLowerCase', '', 'str', (s) => jsStr(s.toLowerCase()));
strMethod('trim', '', 'str', (s) => jsStr(s.trim()));
strMethod('trimStart', '', 'str', (s) => jsStr(s.trimStart()));
strMethod('trimEnd', '', 'str', (s) => jsStr(s.trimEnd()));
strMethod('padStart', 'ns', 'str', (s, [n, f]) => jsStr(s.padStart(n as number, f as string | undefined)));
strMethod('padEnd', 'ns', 'str', (s, [n, f]) => jsStr(s.padEnd(n as number, f as string | undefined)));
strMethod('slice', 'nn', 'str', (s, [a, b]) => jsStr(s.slice(a as number | undefined, b as number | undefined)));
strMethod('substring', 'nn', 'str', (s, [a, b]) => jsStr(s.substring(a as number, b as number | undefined)));
strMethod('includes', 's', 'bool', (s, [x]) => jsBool(s.includes(x as string)));
strMethod('startsWith', 's', 'bool', (s, [x]) => jsBool(s.startsWith(x as string)));
strMethod('endsWith', 's', 'bool', (s, [x]) => jsBool(s.endsWith(x as string)));
strMethod('indexOf', 's', 'num', (s, [x]) => num(s.indexOf(x as string)));
strMethod('repeat', 'n', 'str', (s, [n]) => {
  if ((n as number) < 0 || !Number.isFinite(n as number)) throw new PyError('ValueError', { en: `RangeError: Invalid count value: ${n}`, fr: `RangeError : nombre de répétitions invalide : ${n}` });
  return jsStr(s.repeat(n as number));
});
strMethod('charAt', 'n', 'str', (s, [i]) => jsStr(s.charAt((i as number | undefined) ?? 0)));
strMethod('charCodeAt', 'n', 'num', (s, [i]) => num(s.charCodeAt((i as number | undefined) ?? 0)));
strMethod('at', 'n', 'str', (s, [i]) => {
  const r = s.at((i as number | undefined) ?? 0);
  return r === undefined ? { kind: 'none' } : jsStr(r);
});
strMethod('concat', 'ssss', 'str', (s, parts) => jsStr(s + parts.join('')));
// string patterns only: a RegExp is not modelled (the front end gives it as unknown)
strMethod('replace', 'ss', 'str', (s, [a, b]) => jsStr(s.replace(a as string, b as string)));
strMethod('replaceAll', 'ss', 'str', (s, [a, b]) => jsStr(s.split(a as string).join(b as string)));
strMethod('toString', '', 'str', (s) => jsStr(s));

function numMethod(name: string, fn: (x: number, arg: number | undefined) => string): void {
  defineBuiltin(`js.Number#${name}`, (_h, self, [a]) => {
    const x = self ? toNumber(self) : undefined;
    const d = a && a.kind !== 'none' ? toNumber(a) : undefined;
    if (x === undefined || (a && a.kind !== 'none' && d === undefined)) return jsStr();
    try {
      return jsStr(fn(x, d));
    } catch (err) {
      throw new PyError('ValueError', { en: `RangeError: ${(err as Error).message}`, fr: `RangeError : ${(err as Error).message}` });
    }
  });
}
numMethod('toFixed', (x, d) => x.toFixed(d));
numMethod('toPrecision', (x, d) => x.toPrecision(d));
numMethod('toExponential', (x, d) => x.toExponential(d));
numMethod('toString', (x, r) => x.toString(r));
