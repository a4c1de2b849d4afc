// Variable scopes: module, function (with closures over enclosing functions) and class bodies.
// Writes go through the heap's undo log so forks and incremental runs can undo them.

import type { Value } from '../values';
import type { Heap } from './heap';

export class Scope {
  readonly vars = new Map<string, Value>();
  /** names declared `global` / `nonlocal` in this function */
  globalNames?: Set<string>;
  nonlocalNames?: Set<string>;

  constructor(
    readonly kind: 'module' | 'function' | 'class',
    /** the enclosing scope for name lookup (class scopes are skipped by nested functions) */
    readonly parent: Scope | null,
    readonly heap: Heap,
  ) {}

  get module(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  lookup(name: string): Value | undefined {
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    let s = this.parent;
    while (s) {
      if (s.kind !== 'class') {
        const v = s.vars.get(name);
        if (v !== undefined) return v;
      }
      s = s.parent;
    }
    return undefined;
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
    return this;
  }

  set(name: string, v: Value): void {
    this.heap.set(this.target(name).vars, name, v);
  }

  delete(name: string): boolean {
    const t = this.target(name);
    if (!t.vars.has(name)) return false;
    this.heap.delete(t.vars, name);
    return true;
  }
}
