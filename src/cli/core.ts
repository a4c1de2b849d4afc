// The one place the CLI reaches into the core: tree-sitter start-up, the tracer, the explainer
// and the engine. Parts of the core that have not landed yet are reported as NotAvailable, so the
// CLI says plainly what it cannot do instead of printing anything invented.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { notebookToSource } from '../core/parse/notebook';
import { initParsers } from '../core/parse/treeSitter';
import type { Language, Trace } from '../core/types';
import type { JsonValue } from '../core/values';

/** A capability of the CLI whose core part is not in this build yet (exit 2, message on stderr). */
export class NotAvailable extends Error {}

/** The contract's `explain --json` object. */
export interface ExplainJson {
  formula: string;
  line: number;
  steps: { title: string; latex: string; value?: JsonValue }[];
  result: { shape: (number | string)[] | null; value?: JsonValue };
}

/** The contract's `eval --json` object. */
export interface EvalJson {
  value: JsonValue;
  latex: string;
  steps: { title: string; latex: string; value?: JsonValue }[];
}

/**
 * The .wasm files: next to the bundle in dist/wasm (the published CLI), else in node_modules
 * (the sources run through tsx by the unit tests and benchmarks).
 */
function wasmLocations() {
  const bundled = join(__dirname, 'wasm');
  if (existsSync(join(bundled, 'web-tree-sitter.wasm'))) {
    return {
      runtime: join(bundled, 'web-tree-sitter.wasm'),
      python: join(bundled, 'tree-sitter-python.wasm'),
      typescript: join(bundled, 'tree-sitter-typescript.wasm'),
    };
  }
  const modules = join(__dirname, '..', '..', 'node_modules');
  return {
    runtime: join(modules, 'web-tree-sitter', 'web-tree-sitter.wasm'),
    python: join(modules, 'tree-sitter-python', 'tree-sitter-python.wasm'),
    typescript: join(modules, 'tree-sitter-typescript', 'tree-sitter-typescript.wasm'),
  };
}

export function startParsers(): Promise<void> {
  return initParsers(wasmLocations());
}

export function trace(source: string, language: Language): Trace {
  void source;
  void language;
  throw new NotAvailable('tracing is not available in this build yet: the tracer (src/core/analyze.ts) has not landed');
}

export function explainJson(t: Trace, line: number): ExplainJson | undefined {
  void t;
  void line;
  throw new NotAvailable('explain is not available in this build yet: the derivations (src/core/explain.ts) have not landed');
}

export function evalJson(expression: string): EvalJson {
  void expression;
  throw new NotAvailable('eval is not available in this build yet: the engine (src/core/explain.ts) has not landed');
}

/** The notebook's code cells as one Python program, line numbers as in the concatenated cells. */
export function notebookSource(json: string): string {
  return notebookToSource(json).source;
}
