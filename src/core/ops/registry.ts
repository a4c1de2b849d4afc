// The registry of operation modules, looked up by qualified name. Op modules register
// themselves from ./index.ts (one import line each), so adding an op is adding a file.

import type { OpModule } from './types';

const byName = new Map<string, OpModule>();
const all: OpModule[] = [];

export function registerOp(op: OpModule): void {
  all.push(op);
  for (const n of op.names) {
    if (byName.has(n)) throw new Error(`op name registered twice: ${n}`);
    byName.set(n, op);
  }
}

export function findOp(name: string): OpModule | undefined {
  return byName.get(name);
}

export function allOps(): readonly OpModule[] {
  return all;
}
