// Calls: built-ins (Python's, str/list/dict methods, math), numpy ops from the registry, user
// functions (defaults, keywords, *args/**kwargs, closures, recursion guard), classes
// (instantiation, __init__, __call__, super()) and the few built-ins that need the class model.

import { excMatches, KNOWN_EXCEPTIONS, PyError, typeError } from '../builtins/errors';
import { findBuiltin, type Host } from '../builtins/host';
import { pyStr } from '../builtins/format';
import { pyTypeName } from '../builtins/pynum';
import { castScalar, dtypeFromName } from '../ops/dtype';
import type { ClassValue, FunctionValue, L10nText, Value } from '../values';
import type { FuncDef, Interp } from './context';
import { callOp, notModelled, type CallSite } from './dispatch';
import { evalExpr } from './expr';
import { mergeValue } from './merge';
import { classImpl, classLookup, funcImpl, mro, type UserFunc } from './model';
import { isOpName } from './modules';
import { Scope } from './scope';
import { execBlock } from './stmt';
import { makeHost } from './host';

const MAX_DEPTH = 64;
const MAX_RECURSION = 12;

const WHY_RECURSION: L10nText = { en: 'the recursion is too deep to trace', fr: 'la récursion est trop profonde pour être tracée' };

export function makeFunction(it: Interp, def: FuncDef, scope: Scope, deco?: UserFunc['deco']): FunctionValue {
  const defaults = new Map<string, Value>();
  for (const p of def.params) if (p.default) defaults.set(p.name, evalExpr(it, p.default, scope));
  const impl: UserFunc = { t: 'user', def, closure: scope, defaults, deco };
  const fn: FunctionValue = { kind: 'function', name: def.name, impl };
  it.noteDefinition(def.node, { fn, def });
  return fn;
}

export function callValue(it: Interp, fn: Value, args: Value[], kwargs: Map<string, Value>, site: CallSite): Value {
  switch (fn.kind) {
    case 'builtin':
      return callBuiltin(it, fn, args, kwargs, site);
    case 'function':
      return callFunction(it, fn, args, kwargs, site);
    case 'class':
      return instantiate(it, fn, args, kwargs, site);
    case 'instance': {
      const m = classLookup(fn.cls, '__call__');
      if (m && m.value.kind === 'function') return callFunction(it, m.value, [fn, ...args], kwargs, site);
      if (it.speculative) return { kind: 'unknown' };
      throw typeError(`'${fn.cls.name}' object is not callable`, `l'objet '${fn.cls.name}' n'est pas appelable`);
    }
    case 'module':
      return { kind: 'unknown', why: { en: `${fn.name}() is outside what the tracer models`, fr: `${fn.name}() est hors de ce que le traceur modélise` } };
    case 'unknown':
      return { kind: 'unknown', why: fn.why };
    default:
      if (it.speculative) return { kind: 'unknown' };
      throw typeError(`'${pyTypeName(fn)}' object is not callable`, `l'objet '${pyTypeName(fn)}' n'est pas appelable`);
  }
}

function callBuiltin(it: Interp, fn: Value & { kind: 'builtin' }, args: Value[], kwargs: Map<string, Value>, site: CallSite): Value {
  const name = fn.name;
  // numpy calls are the hot path: straight to the registry
  if (name.charCodeAt(0) !== 109 /* m */ && isOpName(name) && hasOpName(name)) return callOp(it, name, args, kwargs, fn.self, site);
  const special = SPECIAL[name];
  if (special) return special(it, args, kwargs, site);
  if (name.startsWith('exc:')) return fn;
  if (KNOWN_EXCEPTIONS.has(name)) return { kind: 'builtin', name: `exc:${name}`, self: args[0] ?? { kind: 'str', value: '' } };
  const pyFirst = !(it.language === 'typescript' && name.startsWith('math.'));
  const b = pyFirst ? findBuiltin(name) : undefined;
  // `f(*xs)` with xs of unknown length: the arguments themselves are unknown
  if (b) return site.uncertainArgs ? { kind: 'unknown' } : b(host(it, site), fn.self, args, kwargs);
  const fallback = FALLBACKS[name];
  if (fallback && fn.self && !hasOpName(name)) return fallback(fn.self);
  if (name.startsWith('console.') || name === 'object.__noop__') return { kind: 'none' };
  if (isOpName(name)) {
    // mathjs map/forEach call back into the program's own functions
    if (it.language === 'typescript') it.opCtx.call = (f, a) => callValue(it, f, a, new Map(), site);
    const dt = name.startsWith('np.') && !fn.self ? dtypeFromName(name) : undefined;
    if (dt && !findOpSafe(it, name)) return numpyScalar(dt, args[0]);
    return callOp(it, name, args, kwargs, fn.self, site);
  }
  return { kind: 'unknown', why: notModelled(name) };
}

/** ndarray → Python conversions the interpreter can do itself when no op module provides them. */
const FALLBACKS: Record<string, (self: Value) => Value> = {
  'ndarray.tolist': (a) => (a.kind === 'array' ? toPyList(a) : { kind: 'unknown' }),
  'ndarray.item': (a) => {
    if (a.kind !== 'array' || !a.data || a.data.length !== 1) return { kind: 'unknown' };
    return pyScalar(a.dtype, a.data[0]);
  },
};

function pyScalar(dtype: string | null, x: number): Value {
  if (dtype === 'bool') return { kind: 'bool', value: x !== 0 };
  if (dtype && /int/.test(dtype)) return { kind: 'int', value: x };
  return { kind: 'float', value: x };
}

function toPyList(a: Value & { kind: 'array' }): Value {
  const shape = a.shape;
  if (!shape) return { kind: 'unknown' };
  if (shape.length === 0) return a.data ? pyScalar(a.dtype, a.data[0]) : { kind: 'unknown' };
  if (!a.data || !shape.every((d) => typeof d === 'number')) {
    const elem: Value = shape.length === 1 ? pyScalar(a.dtype, NaN) : { kind: 'list', items: null };
    if (elem.kind !== 'list') (elem as { value?: number | boolean }).value = undefined;
    return { kind: 'list', items: null, elem };
  }
  const dims = shape as number[];
  const data = a.data;
  const build = (axis: number, offset: number, stride: number): Value => {
    const n = dims[axis];
    const inner = stride / (n || 1);
    const items: Value[] = [];
    for (let i = 0; i < n; i++) items.push(axis === dims.length - 1 ? pyScalar(a.dtype, data[offset + i]) : build(axis + 1, offset + i * inner, inner));
    return { kind: 'list', items };
  };
  return build(0, 0, data.length);
}

function findOpSafe(_it: Interp, name: string): boolean {
  return hasOpName(name);
}
import { hasOp as hasOpName } from './dispatch';

/** np.float32(3) and friends when no op module provides them: a numpy scalar of that dtype. */
function numpyScalar(dt: ReturnType<typeof dtypeFromName> & string, x: Value | undefined): Value {
  const n = x === undefined ? 0 : x.kind === 'int' || x.kind === 'float' ? x.value : x.kind === 'bool' ? (x.value === undefined ? undefined : Number(x.value)) : x.kind === 'array' && x.data?.length === 1 ? x.data[0] : undefined;
  if (x && x.kind === 'array' && (!x.shape || x.shape.length > 0)) return { kind: 'array', shape: x.shape, dtype: dt, ...(x.data ? { data: Float64Array.from(x.data, (v) => castScalar(v, dt)) } : {}) };
  return n === undefined ? { kind: 'array', shape: [], dtype: dt, scalar: true } : { kind: 'array', shape: [], dtype: dt, scalar: true, data: new Float64Array([castScalar(n, dt)]) };
}

const hosts = new WeakMap<Interp, Host>();
function host(it: Interp, site: CallSite): Host {
  let h = hosts.get(it);
  if (!h) hosts.set(it, (h = makeHost(it, () => currentSite)));
  currentSite = site;
  return h;
}
let currentSite: CallSite = { loc: { line: 1, col: 0, endLine: 1, endCol: 0 } };

export function callFunction(it: Interp, fn: FunctionValue, args: Value[], kwargs: Map<string, Value>, site: CallSite): Value {
  const impl = funcImpl(fn);
  if (impl.t === 'bound') return callFunction(it, impl.fn, [impl.self, ...args], kwargs, site);
  const def = impl.def;
  let depth = 0;
  for (const n of it.callStack) if (n === def.node) depth++;
  if (depth >= MAX_RECURSION || it.callStack.length >= MAX_DEPTH) return { kind: 'unknown', why: WHY_RECURSION };
  const scope = new Scope('function', impl.closure, it.heap);
  bindParams(it, fn.name, def, impl, args, kwargs, scope, site);
  it.noteCall(def.node);
  const owner = impl.owner;
  const frame = { returns: [] as Value[], owner, self: args[0] };
  it.frames.push(frame);
  it.callStack.push(def.node);
  try {
    if (!Array.isArray(def.body)) return evalExpr(it, def.body as import('../ir').Expr, scope);
    const c = execBlock(it, def.body, scope);
    if (c === 'raise' && frame.returns.length === 0) return { kind: 'unknown', why: { en: `${fn.name}() raises`, fr: `${fn.name}() lève une exception` } };
    if (c !== 'return' && c !== 'raise') frame.returns.push({ kind: 'none' });
    return frame.returns.reduce((a, b) => mergeValue(a, b, it.freshSym));
  } finally {
    it.frames.pop();
    it.callStack.pop();
  }
}

function bindParams(it: Interp, name: string, def: FuncDef, impl: UserFunc, args: Value[], kwargs: Map<string, Value>, scope: Scope, site: CallSite): void {
  const kw = new Map(kwargs);
  let ai = 0;
  const missing: string[] = [];
  // JavaScript never checks arity: extra arguments are dropped, missing ones are undefined
  const js = it.language === 'typescript';
  const lenient = js || it.speculative > 0 || site.uncertainArgs === true;
  for (const p of def.params) {
    let v: Value | undefined;
    if (p.kind === 'normal') {
      if (ai < args.length) {
        v = args[ai++];
        if (kw.has(p.name) && !lenient) throw typeError(`${name}() got multiple values for argument '${p.name}'`, `${name}() a reçu plusieurs valeurs pour l'argument '${p.name}'`);
      } else if (kw.has(p.name)) {
        v = kw.get(p.name);
        kw.delete(p.name);
      } else v = impl.defaults.get(p.name);
    } else if (p.kind === 'star') {
      v = { kind: js ? 'list' : 'tuple', items: site.uncertainArgs ? null : args.slice(ai) };
      ai = args.length;
    } else if (p.kind === 'kwonly') {
      v = kw.get(p.name) ?? impl.defaults.get(p.name);
      kw.delete(p.name);
    } else {
      const map = new Map<string, { key: Value; value: Value }>();
      for (const [k, x] of kw) map.set(`s:${k}`, { key: { kind: 'str', value: k }, value: x });
      v = { kind: 'dict', map: site.uncertainArgs ? null : map };
      kw.clear();
    }
    if (v === undefined && js && !site.uncertainArgs && !it.speculative) v = { kind: 'none' };
    if (v === undefined) {
      missing.push(p.name);
      v = { kind: 'unknown' };
    }
    scope.vars.set(p.name, v);
    it.recorder.record(p.loc, p.name, v, undefined, true);
  }
  if (lenient) return;
  if (missing.length) {
    const list = missing.map((m) => `'${m}'`).join(' and ');
    throw typeError(`${name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`, `${name}() : il manque ${missing.length} argument(s) positionnel(s) requis : ${list}`);
  }
  if (ai < args.length) {
    const n = def.params.filter((p) => p.kind === 'normal').length;
    throw typeError(`${name}() takes ${n} positional argument${n === 1 ? '' : 's'} but ${args.length} were given`, `${name}() prend ${n} argument(s) positionnel(s) mais ${args.length} ont été donnés`);
  }
  for (const k of kw.keys()) throw typeError(`${name}() got an unexpected keyword argument '${k}'`, `${name}() a reçu un argument nommé inattendu '${k}'`);
}

export function instantiate(it: Interp, cls: ClassValue, args: Value[], kwargs: Map<string, Value>, site: CallSite): Value {
  const inst: Value = { kind: 'instance', cls, attrs: new Map() };
  it.noteInstance(cls.impl as object, inst);
  const init = classLookup(cls, '__init__');
  if (init && init.value.kind === 'function') callFunction(it, init.value, [inst, ...args], kwargs, site);
  else if (mro(cls).some((c) => classImpl(c).builtinBases.some((b) => KNOWN_EXCEPTIONS.has(b)))) it.heap.set(inst.attrs, 'args', { kind: 'tuple', items: args });
  return inst;
}

// ---- built-ins that need the class model or the call frame ----

type Special = (it: Interp, args: Value[], kwargs: Map<string, Value>, site: CallSite) => Value;

const PY_TYPES: Record<string, (v: Value) => boolean | undefined> = {
  int: (v) => v.kind === 'int' || v.kind === 'bool',
  float: (v) => v.kind === 'float',
  bool: (v) => v.kind === 'bool',
  str: (v) => v.kind === 'str',
  list: (v) => v.kind === 'list',
  tuple: (v) => v.kind === 'tuple',
  dict: (v) => v.kind === 'dict',
  set: (v) => v.kind === 'set',
  object: () => true,
  'np.ndarray': (v) => v.kind === 'array' && !v.scalar,
  'np.number': (v) => (v.kind === 'array' && v.scalar) || undefined,
  'np.floating': (v) => (v.kind === 'array' ? !!v.scalar && !!v.dtype?.startsWith('float') : false),
  'np.integer': (v) => (v.kind === 'array' ? !!v.scalar && !!v.dtype?.includes('int') : false),
};

function isInstance(x: Value, t: Value): boolean | undefined {
  if (x.kind === 'unknown') return undefined;
  if (t.kind === 'tuple' && t.items) {
    let unknown = false;
    for (const u of t.items) {
      const r = isInstance(x, u);
      if (r) return true;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  if (t.kind === 'class') return x.kind === 'instance' ? mro(x.cls).includes(t) : false;
  if (t.kind === 'builtin') {
    const f = PY_TYPES[t.name];
    if (f) return x.kind === 'instance' ? t.name === 'object' : f(x);
    if (dtypeFromName(t.name)) return x.kind === 'array' && !!x.scalar && x.dtype === dtypeFromName(t.name);
    if (KNOWN_EXCEPTIONS.has(t.name)) return x.kind === 'builtin' && x.name.startsWith('exc:') ? excMatches(x.name.slice(4), t.name) : x.kind === 'instance' ? mro(x.cls).some((c) => classImpl(c).builtinBases.some((b) => excMatches(b, t.name))) : false;
  }
  return undefined;
}

const SPECIAL: Record<string, Special> = {
  isinstance: (_it, [x, t]) => ({ kind: 'bool', value: isInstance(x, t) }),
  issubclass: (_it, [a, b]) => ({ kind: 'bool', value: a.kind === 'class' && b.kind === 'class' ? mro(a).includes(b) : undefined }),
  type: (_it, [x]) => {
    if (x.kind === 'instance') return x.cls;
    if (x.kind === 'array') return { kind: 'builtin', name: x.scalar && x.dtype ? `np.${x.dtype}` : 'np.ndarray' };
    if (x.kind === 'unknown') return { kind: 'unknown' };
    return { kind: 'builtin', name: x.kind === 'none' ? 'NoneType' : x.kind };
  },
  super: (it) => {
    const f = it.frames[it.frames.length - 1];
    if (!f?.owner || !f.self) return { kind: 'unknown' };
    return { kind: 'builtin', name: 'super', self: { kind: 'tuple', items: [f.owner, f.self] } };
  },
  object: () => ({ kind: 'instance', cls: OBJECT_CLASS, attrs: new Map() }),
  'str.format_map': () => ({ kind: 'str' }),
};

const OBJECT_CLASS: ClassValue = { kind: 'class', name: 'object', impl: { bases: [], builtinBases: ['object'], attrs: new Map(), opaqueBase: false } };

/** The exception a `raise` statement raises: its Python type chain and message. */
export function exceptionOf(v: Value): { chain: string[]; text: L10nText } {
  if (v.kind === 'builtin' && v.name.startsWith('exc:')) {
    const msg = v.self ? pyStr(v.self) ?? '' : '';
    return { chain: [v.name.slice(4)], text: { en: msg, fr: msg } };
  }
  if (v.kind === 'builtin' && KNOWN_EXCEPTIONS.has(v.name)) return { chain: [v.name], text: { en: '', fr: '' } };
  if (v.kind === 'instance' || v.kind === 'class') {
    const cls = v.kind === 'instance' ? v.cls : v;
    const names: string[] = [];
    for (const c of mro(cls)) names.push(c.name, ...classImpl(c).builtinBases);
    const a = v.kind === 'instance' ? v.attrs.get('args') : undefined;
    const msg = a?.kind === 'tuple' && a.items?.[0] ? pyStr(a.items[0]) ?? '' : '';
    return { chain: names, text: { en: msg, fr: msg } };
  }
  return { chain: ['Exception'], text: { en: '', fr: '' } };
}

export { PyError };
