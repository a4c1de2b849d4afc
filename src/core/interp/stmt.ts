// Statements. An error at run time (numpy's or Python's) is reported on its line, the line's
// targets become unknown, and tracing goes on with the next statement — unless an enclosing
// `try` catches it. `raise` / a failing `assert` stop the current path.

import { excMatches, KNOWN_EXCEPTIONS, PyError } from '../builtins/errors';
import { NumpyError } from '../diagnostics';
import type { Expr, Stmt } from '../ir';
import { Value as V, type L10nText, type Value } from '../values';
import { assignTarget, augAssign, bindUnknownTargets } from './assign';
import { callValue, exceptionOf, makeFunction } from './calls';
import { BudgetExceeded, type Interp } from './context';
import { callDunder, evalExpr, lookupName } from './expr';
import { fork, type Completion } from './fork';
import { execCFor, execFor, execWhile } from './loops';
import { funcImpl, type ClassImpl } from './model';
import { moduleAttr, moduleValue } from './modules';
import { truth } from './operators';
import { Scope } from './scope';

/** A `raise` statement's exception: stops the path, reported only when the path is certain. */
class Raised extends PyError {
  constructor(
    readonly chain: string[],
    text: L10nText,
  ) {
    super(chain[0], text);
  }
}

const WHY_ERROR: L10nText = { en: 'this line raises an error', fr: 'cette ligne lève une erreur' };

export function execBlock(it: Interp, body: readonly Stmt[], scope: Scope): Completion {
  for (const s of body) {
    const c = execStmt(it, s, scope);
    if (c !== 'normal') return c;
  }
  return 'normal';
}

function chainOf(err: PyError | NumpyError): string[] {
  if (err instanceof Raised) return err.chain;
  if (err instanceof PyError) return [err.pyType];
  return [err.options.pyType ?? 'ValueError'];
}

export function execStmt(it: Interp, s: Stmt, scope: Scope): Completion {
  it.tick();
  try {
    return execInner(it, s, scope);
  } catch (err) {
    if (err instanceof BudgetExceeded) throw err;
    if (err instanceof PyError || err instanceof NumpyError) {
      const chain = chainOf(err);
      if (chain.some((t) => it.caught(t, excMatches))) throw err;
      if (err instanceof Raised) {
        if (!it.uncertain && !it.speculative && !it.frames.length) reportError(it, err, s);
        else if (!it.uncertain && !it.speculative && it.callStack.length) reportError(it, err, s);
        return 'raise';
      }
      if (!(it.speculative && err instanceof PyError)) reportError(it, err, s);
      bindUnknownTargets(it, s, scope, WHY_ERROR);
      return 'normal';
    }
    // a bug in the tracer itself: say so on this line and go on
    const msg = err instanceof Error ? err.message : String(err);
    it.info(s.loc, 'internal', { en: `internal tracer error: ${msg}`, fr: `erreur interne du traceur : ${msg}` });
    bindUnknownTargets(it, s, scope, { en: 'the tracer failed on this line', fr: 'le traceur a échoué sur cette ligne' });
    return 'normal';
  }
}

function reportError(it: Interp, err: PyError | NumpyError, s: Stmt): void {
  const loc = (err instanceof NumpyError ? err.options.loc : undefined) ?? it.errLoc.get(err) ?? s.loc;
  if (err instanceof NumpyError) {
    it.report({ loc, severity: 'error', code: err.code, message: err.text, ...(err.options.fixes ? { fixes: err.options.fixes } : {}) });
    return;
  }
  const t = err.pyType;
  const code = err instanceof Raised ? 'uncaught-exception' : err.code;
  const sep = err.text.en ? ': ' : '';
  it.report({ loc, severity: 'error', code, message: { en: `${t}${sep}${err.text.en}`, fr: `${t}${err.text.fr ? ' : ' : ''}${err.text.fr}` } });
}

function handlerNames(e: Expr | undefined): string[] {
  if (!e) return ['BaseException'];
  if (e.k === 'tuple') return e.items.flatMap((x) => handlerNames(x));
  if (e.k === 'name') return [e.name];
  if (e.k === 'attr') return [e.name];
  return ['BaseException'];
}

function execInner(it: Interp, s: Stmt, scope: Scope): Completion {
  switch (s.k) {
    case 'assign': {
      const v = evalExpr(it, s.value, scope);
      if (s.decl) declareTargets(s.targets, scope);
      for (const t of s.targets) assignTarget(it, t, v, scope, true);
      return 'normal';
    }
    case 'declare':
      // `let x;` in TypeScript: a new variable, undefined until assigned
      if (scope.js) declareTargets([s.target], scope);
      return 'normal';
    case 'pass':
      return 'normal';
    case 'error':
      bindBrokenTargets(s.text, s.loc.line, scope);
      return 'normal';
    case 'augassign':
      augAssign(it, s, scope);
      return 'normal';
    case 'expr':
      evalExpr(it, s.expr, scope);
      return 'normal';
    case 'if': {
      const t = truth(it, evalExpr(it, s.test, scope));
      if (t === true) return execBlock(it, s.body, scope);
      if (t === false) return execBlock(it, s.orelse, scope);
      const [a, b] = fork(it, [() => execBlock(it, s.body, scope), () => execBlock(it, s.orelse, scope)]);
      if (a === b) return a;
      if (a === 'break' || b === 'break') it.maybeBroke = true;
      if (a === 'normal' || b === 'normal') return 'normal';
      return a === 'return' || b === 'return' ? 'return' : a === 'raise' ? b : a;
    }
    case 'for':
      return execFor(it, s, scope);
    case 'while':
      return execWhile(it, s, scope);
    case 'cfor':
      return execCFor(it, s, scope);
    case 'def': {
      let deco: 'staticmethod' | 'classmethod' | 'property' | undefined;
      const wrappers: Value[] = [];
      for (const d of s.decorators) {
        const name = d.k === 'name' ? d.name : d.k === 'attr' ? d.name : undefined;
        if (name === 'staticmethod' || name === 'classmethod' || name === 'property') deco = name;
        else if (d.k === 'attr' && (d.name === 'setter' || d.name === 'getter' || d.name === 'deleter')) return 'normal';
        else wrappers.push(evalExpr(it, d, scope));
      }
      let fn: Value = makeFunction(it, { name: s.name, params: s.params, body: s.body, loc: s.loc, node: s, isLambda: false }, scope, deco);
      for (const w of wrappers.reverse()) {
        // user decorators are applied; decorators the tracer cannot see keep the function as is
        if (w.kind === 'function') fn = callUser(it, w, fn, s);
      }
      scope.set(s.name, fn);
      return 'normal';
    }
    case 'class':
      defineClass(it, s, scope);
      return 'normal';
    case 'return': {
      const v = s.value ? evalExpr(it, s.value, scope) : { kind: 'none' as const };
      const f = it.frames[it.frames.length - 1];
      if (f) f.returns.push(v);
      return 'return';
    }
    case 'break':
      return 'break';
    case 'continue':
      return 'continue';
    case 'import':
      for (const { module, asname } of s.names) {
        if (asname) scope.set(asname, moduleValue(module));
        else scope.set(module.split('.')[0], moduleValue(module.split('.')[0]));
      }
      return 'normal';
    case 'importfrom':
      for (const { name, asname } of s.names) {
        if (name === '*') {
          if (asname) scope.set(asname, moduleValue(s.module));
          else it.noteStarImport(s.module);
          continue;
        }
        let v: Value;
        try {
          v = moduleAttr(s.module, name);
        } catch {
          throw new PyError('ImportError', { en: `cannot import name '${name}' from '${s.module}'`, fr: `impossible d'importer '${name}' depuis '${s.module}'` });
        }
        scope.set(asname ?? name, v);
      }
      return 'normal';
    case 'try':
      return execTry(it, s, scope);
    case 'with':
      for (const item of s.items) {
        const v = evalExpr(it, item.value, scope);
        if (item.target) assignTarget(it, item.target, v.kind === 'module' || v.kind === 'builtin' ? { kind: 'unknown' } : v, scope, true);
      }
      return execBlock(it, s.body, scope);
    case 'raise': {
      let v: Value;
      if (!s.value) {
        const cur = it.handling[it.handling.length - 1];
        if (cur) throw cur;
        v = { kind: 'builtin', name: 'exc:RuntimeError', self: { kind: 'str', value: 'No active exception to reraise' } };
      } else v = evalExpr(it, s.value, scope);
      const { chain, text } = exceptionOf(v);
      throw new Raised(chain, text);
    }
    case 'assert': {
      const t = truth(it, evalExpr(it, s.test, scope));
      if (t === false) {
        const msg = s.msg ? evalExpr(it, s.msg, scope) : undefined;
        const text = msg && msg.kind === 'str' && msg.value !== undefined ? msg.value : '';
        throw new Raised(['AssertionError'], { en: text, fr: text });
      }
      return 'normal';
    }
    case 'del':
      for (const t of s.targets) deleteTarget(it, t, scope);
      return 'normal';
    case 'global':
      scope.globalNames ??= new Set();
      for (const n of s.names) scope.globalNames.add(n);
      return 'normal';
  }
}

/** `const` / `let` / `var` targets are new variables of this scope (JavaScript scoping). */
function declareTargets(targets: readonly Expr[], scope: Scope): void {
  for (const t of targets) {
    if (t.k === 'name') scope.declare(t.name, V.none);
    else if (t.k === 'list' || t.k === 'tuple') declareTargets(t.items, scope);
    else if (t.k === 'starred') declareTargets([t.value], scope);
  }
}

function callUser(it: Interp, w: Value, fn: Value, s: Stmt): Value {
  return callValue(it, w, [fn], new Map(), { loc: s.loc });
}

function deleteTarget(it: Interp, t: Expr, scope: Scope): void {
  if (t.k === 'name') {
    if (!scope.delete(t.name)) lookupName(it, t.name, scope);
  } else if (t.k === 'index') {
    const obj = evalExpr(it, t.obj, scope);
    const idx = evalExpr(it, t.index, scope);
    if (obj.kind === 'list' && obj.items) {
      it.heap.touch(obj);
      const i = idx.kind === 'int' ? idx.value : undefined;
      if (i === undefined) {
        obj.items = null;
        return;
      }
      const j = i < 0 ? obj.items.length + i : i;
      if (j < 0 || j >= obj.items.length) throw new PyError('IndexError', { en: 'list assignment index out of range', fr: 'indice de liste hors limites' });
      obj.items.splice(j, 1);
    } else if (obj.kind === 'dict' && obj.map) {
      const k = V.key(idx);
      it.heap.touch(obj);
      if (k === undefined) obj.map = null;
      else if (!obj.map.delete(k)) throw new PyError('KeyError', { en: String(k.slice(2)), fr: String(k.slice(2)) });
    } else if (obj.kind === 'instance') callDunder(it, obj, '__delitem__', [idx], t.loc);
  } else if (t.k === 'attr') {
    const obj = evalExpr(it, t.obj, scope);
    if (obj.kind === 'instance') it.heap.delete(obj.attrs, t.name);
  } else if (t.k === 'tuple' || t.k === 'list') t.items.forEach((x) => deleteTarget(it, x, scope));
}

function execTry(it: Interp, s: Stmt & { k: 'try' }, scope: Scope): Completion {
  const names = s.handlers.flatMap((h) => handlerNames(h.type));
  it.handlers.push(names);
  let c: Completion = 'normal';
  let exc: PyError | NumpyError | undefined;
  try {
    c = execBlock(it, s.body, scope);
  } catch (err) {
    if (err instanceof PyError || err instanceof NumpyError) exc = err;
    else {
      it.handlers.pop();
      throw err;
    }
  }
  it.handlers.pop();
  let pending: PyError | NumpyError | undefined;
  if (exc) {
    const chain = chainOf(exc);
    const h = s.handlers.find((hd) => handlerNames(hd.type).some((n) => chain.some((t) => excMatches(t, n))));
    if (h) {
      if (h.name) {
        const excValue: Value = { kind: 'builtin', name: `exc:${chain[0]}`, self: { kind: 'str', value: exc.text.en } };
        scope.set(h.name, excValue);
      }
      it.handling.push(exc);
      try {
        c = execBlock(it, h.body, scope);
      } finally {
        it.handling.pop();
      }
    } else pending = exc;
  } else if (c === 'normal') c = execBlock(it, s.orelse, scope);
  if (s.finalbody.length) {
    const f = execBlock(it, s.finalbody, scope);
    if (f !== 'normal') return f;
  }
  if (pending) throw pending;
  return c;
}

function defineClass(it: Interp, s: Stmt & { k: 'class' }, scope: Scope): void {
  const impl: ClassImpl = { bases: [], builtinBases: [], attrs: new Map(), opaqueBase: false };
  for (const b of s.bases) {
    const v = evalExpr(it, b, scope);
    if (v.kind === 'class') impl.bases.push(v);
    else if (v.kind === 'builtin' && (KNOWN_EXCEPTIONS.has(v.name) || v.name === 'object')) impl.builtinBases.push(v.name);
    else impl.opaqueBase = true;
  }
  const cls: Value = { kind: 'class', name: s.name, impl };
  const body = new Scope('class', scope, it.heap);
  execBlock(it, s.body, body);
  for (const [k, v] of body.vars) {
    impl.attrs.set(k, v);
    if (v.kind === 'function') {
      const f = funcImpl(v);
      if (f.t === 'user') f.owner = cls;
    }
  }
  scope.set(s.name, cls);
}

/**
 * A half-typed line (`scores = Q @ K.T / np.sqrt(`) still defines what it was going to assign:
 * its targets become unknown, so the lines after it do not get a false NameError while the
 * student is still typing. Only plain names are taken from the text; anything else stays as is.
 */
function bindBrokenTargets(text: string, line: number, scope: Scope): void {
  const m = /^\s*(?:(?:def|class)\s+([A-Za-z_]\w*)|((?:[A-Za-z_]\w*\s*,\s*)*[A-Za-z_]\w*)\s*,?\s*(?:[-+*/@%&|^]|\/\/|\*\*|>>|<<)?=(?!=))/.exec(text);
  if (!m) return;
  const names = m[1] ? [m[1]] : m[2].split(',').map((n) => n.trim());
  const why = {
    en: `line ${line} is incomplete, so its value is not known yet`,
    fr: `la ligne ${line} est incomplète : sa valeur n'est pas encore connue`,
  };
  for (const name of names) scope.set(name, { kind: 'unknown', why });
}
