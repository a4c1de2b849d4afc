// Attribute access: `X.shape` / `X.T` / `X.reshape` on arrays (→ ndarray.* ops), `self.W` on
// instances, methods of str/list/dict, module members, `super()`. A missing attribute is
// Python's AttributeError only when the tracer is certain ('list' object has no attribute 'shape').

import { findBuiltin } from '../builtins/host';
import { PyError } from '../builtins/errors';
import { pyTypeName } from '../builtins/pynum';
import { dtypeObject } from '../ops/dtype';
import { Dim } from '../shapes/dim';
import { Value as V, type ClassValue, type FunctionValue, type InstanceValue, type Value } from '../values';
import type { Interp } from './context';
import { callOp, type CallSite } from './dispatch';
import { classImpl, classLookup, funcImpl, mro } from './model';
import { moduleAttr } from './modules';
import { tsGetAttr, tsSetAttr } from './tsAccess';

/** ndarray attributes that are properties (computed on access), not methods. */
const ARRAY_PROPS = new Set(['T', 'mT', 'real', 'imag', 'flat', 'base', 'strides', 'flags', 'itemsize', 'nbytes', 'data', 'ctypes']);

function noAttr(obj: Value, name: string): PyError {
  const t = obj.kind === 'module' ? `module '${obj.name}'` : `'${pyTypeName(obj)}' object`;
  return new PyError('AttributeError', { en: `${t} has no attribute '${name}'`, fr: `${t.replace('object', 'objet')} n'a pas d'attribut '${name}'` });
}

function arrayAttr(it: Interp, a: Value & { kind: 'array' }, name: string, site: CallSite): Value {
  switch (name) {
    case 'shape':
      return a.shape ? { kind: 'tuple', items: a.shape.map(V.fromDim) } : { kind: 'tuple', items: null, elem: { kind: 'int' } };
    case 'ndim':
      return { kind: 'int', value: a.shape?.length };
    case 'size': {
      if (!a.shape) return { kind: 'int' };
      return V.fromDim(a.shape.reduce<Dim>((p, d) => Dim.mul(p, d), 1));
    }
    case 'dtype':
      return a.dtype ? dtypeObject(a.dtype) : { kind: 'unknown' };
  }
  if (ARRAY_PROPS.has(name)) return callOp(it, `ndarray.${name}`, [], new Map(), a, site);
  return { kind: 'builtin', name: `ndarray.${name}`, self: a };
}

/** Bind a function found on a class to the receiver, honouring static/class methods and properties. */
export function bindMethod(it: Interp, fn: Value, self: Value, cls: ClassValue, call: (f: Value, args: Value[]) => Value): Value {
  if (fn.kind !== 'function') return fn;
  const impl = funcImpl(fn);
  if (impl.t === 'user') {
    if (impl.deco === 'staticmethod') return fn;
    if (impl.deco === 'classmethod') return { kind: 'function', name: fn.name, impl: { t: 'bound', fn, self: cls } };
    if (impl.deco === 'property') return self.kind === 'instance' ? call(fn, [self]) : fn;
  }
  return { kind: 'function', name: fn.name, impl: { t: 'bound', fn: fn as FunctionValue, self } };
}

export function getAttr(it: Interp, obj: Value, name: string, site: CallSite, call: (f: Value, args: Value[]) => Value): Value {
  if (it.language === 'typescript') {
    const r = tsGetAttr(obj, name);
    if (r) return r;
  }
  switch (obj.kind) {
    case 'module':
      return moduleAttr(obj.name, name);
    case 'array':
      return arrayAttr(it, obj, name, site);
    case 'instance': {
      const own = obj.attrs.get(name);
      if (own !== undefined) return own;
      const found = classLookup(obj.cls, name);
      if (found) return bindMethod(it, found.value, obj, obj.cls, call);
      if (name === '__class__') return obj.cls;
      if (name === '__dict__') return { kind: 'dict', map: null };
      if (it.speculative || mro(obj.cls).some((c) => classImpl(c).opaqueBase)) return { kind: 'unknown' };
      throw noAttr(obj, name);
    }
    case 'class': {
      const found = classLookup(obj, name);
      if (found) {
        const impl = found.value.kind === 'function' ? funcImpl(found.value) : undefined;
        if (impl?.t === 'user' && impl.deco === 'classmethod') return bindMethod(it, found.value, obj, obj, call);
        return found.value;
      }
      if (name === '__name__') return { kind: 'str', value: obj.name };
      if (it.speculative || mro(obj).some((c) => classImpl(c).opaqueBase)) return { kind: 'unknown' };
      throw noAttr(obj, name);
    }
    case 'builtin':
      return builtinAttr(it, obj, name, call);
    case 'function':
      if (name === '__name__') return { kind: 'str', value: obj.name };
      return { kind: 'unknown' };
    case 'rng':
      return { kind: 'builtin', name: `${obj.generator}.${name}`, self: obj };
    case 'str':
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
    case 'int':
    case 'float': {
      const key = `${obj.kind}.${name}`;
      if (findBuiltin(key)) return { kind: 'builtin', name: key, self: obj };
      if (obj.kind === 'float' || obj.kind === 'int') {
        if (name === 'real') return obj;
        if (name === 'imag') return { kind: obj.kind, value: 0 };
      }
      if (it.speculative) return { kind: 'unknown' };
      throw noAttr(obj, name);
    }
    case 'none':
      if (it.speculative) return { kind: 'unknown' };
      throw noAttr(obj, name);
    default:
      return { kind: 'unknown', why: obj.kind === 'unknown' ? obj.why : undefined };
  }
}

function builtinAttr(it: Interp, obj: Value & { kind: 'builtin' }, name: string, call: (f: Value, args: Value[]) => Value): Value {
  if (obj.name === 'super' && obj.self?.kind === 'tuple' && obj.self.items) {
    const [cls, self] = obj.self.items as [ClassValue, InstanceValue];
    const chain = mro(self.kind === 'instance' ? self.cls : cls);
    const after = chain.slice(chain.indexOf(cls) + 1);
    for (const k of after) {
      const v = classImpl(k).attrs.get(name);
      if (v !== undefined) return bindMethod(it, v, self, k, call);
    }
    // object.__init__ and friends of built-in bases: accept any call
    return { kind: 'builtin', name: 'object.__noop__' };
  }
  if (obj.name === 'np.dtype' && obj.self?.kind === 'str') {
    if (name === 'name') return obj.self;
    if (name === 'itemsize') return { kind: 'int', value: obj.self.value ? Math.max(1, Number(/\d+/.exec(obj.self.value)?.[0] ?? 8) / 8) : undefined };
    if (name === 'kind') return { kind: 'str', value: obj.self.value?.startsWith('float') ? 'f' : obj.self.value?.startsWith('uint') ? 'u' : obj.self.value === 'bool' ? 'b' : 'i' };
    return { kind: 'unknown' };
  }
  if (name === '__name__') return { kind: 'str', value: obj.name.replace(/^.*\./, '') };
  // numpy functions are also namespaces in a few places (np.random.seed is a function, np.add.outer a ufunc method)
  if (obj.name.startsWith('np.')) return { kind: 'builtin', name: `${obj.name}.${name}` };
  return { kind: 'unknown' };
}

/** `obj.name = v` (instances and classes; anything else is ignored as the tracer cannot see it). */
export function setAttr(it: Interp, obj: Value, name: string, v: Value): void {
  if (it.language === 'typescript' && tsSetAttr(it, obj, name, v)) return;
  if (obj.kind === 'instance') it.heap.set(obj.attrs, name, v);
  else if (obj.kind === 'class') it.heap.set(classImpl(obj).attrs, name, v);
  else if (obj.kind === 'int' || obj.kind === 'float' || obj.kind === 'str' || obj.kind === 'list' || obj.kind === 'none') {
    if (!it.speculative) throw noAttr(obj, name);
  }
}
