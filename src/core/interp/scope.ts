// Variable scopes: module, function (with closures over enclosing functions) and class bodies.
// Writes go through the heap's undo log so forks and incremental runs can undo them.

import type { Value } from '../values';
import type { Heap } from './heap';

export class Scope {
  readonly vars = new Map<string, Value>();
  /** names declared `global` / `nonlocal` in this function */
  globalNames?: Set<string>;
  nonlocalNames?: Set<string>;
  /**
   * JavaScript scoping (TypeScript programs): assigning a name this scope did not declare
   * writes the enclosing function's (or the module's) variable, as closures do in JavaScript.
   */
  js: boolean;

  constructor(
    readonly kind: 'module' | 'function' | 'class',
    /** the enclosing scope for name lookup (class scopes are skipped by nested functions) */
    readonly parent: Scope | null,
    readonly heap: Heap,
  ) {
    this.js = parent ? parent.js : false;
  }

  /** `let x` / `const x`: the name belongs to this scope from now on (JavaScript only). */
  declare(name: string, v: Value): void {
    this.heap.set(this.vars, name, v);
    if (this.kind === 'module') this.wrote(name);
  }

  /** A module-level name assigned for certain (no fork open): later reads depend on this statement only. */
  private wrote(name: string): void {
    if (this.heap.logs.length === 0) this.heap.written?.add(name);
  }

  private read(name: string): void {
    const r = this.heap.reads;
    if (r && !this.heap.written?.has(name)) r.add(name);
  }

  get module(): Scope {
    return this.parent ? this.parent.module : this;
  }

  lookup(name: string): Value | undefined {
    // module level (or not found anywhere): the running top-level statement depends on this name
    if (this.kind === 'module') {
      this.read(name);
      return this.vars.get(name);
    }
    // own scope (whatever its kind), then the enclosing ones, class bodies skipped
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    let s = this.parent;
    while (s && s.kind !== 'module') {
      if (s.kind !== 'class') {
        const v = s.vars.get(name);
        if (v !== undefined) return v;
      }
      s = s.parent;
    }
    this.read(name);
    return s?.vars.get(name);
  }

  /** The scope a write of `name` lands in (honours `global` / `nonlocal`). */
  private target(name: string): Scope {
    if (this.globalNames?.has(name)) return this.module;
    if (this.nonlocalNames?.has(name)) {
      let s = this.parent;
      while (s && s.kind !== 'module') {
        if (s.kind === 'function' && s.vars.has(name)) return s;
        s = s.parent;
      }
    }
    if (this.js && !this.vars.has(name)) {
      for (let s = this.parent; s; s = s.parent) if (s.kind !== 'class' && s.vars.has(name)) return s;
    }
    return this;
  }

  set(name: string, v: Value): void {
    const t = this.target(name);
    this.heap.set(t.vars, name, v);
    if (t.kind === 'module') t.wrote(name);
  }

  delete(name: string): boolean {
    const t = this.target(name);
    if (t.kind === 'module') this.heap.reads?.add(name);
    if (!t.vars.has(name)) return false;
    this.heap.delete(t.vars, name);
    return true;
  }
}
