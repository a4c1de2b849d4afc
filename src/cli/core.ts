// The one place the CLI reaches into the core: tree-sitter start-up, the tracer, the explainer
// and the engine — the same functions the editor calls, so both always give the same answers.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { notebookToSource } from '../core/parse/notebook';
import { initParsers } from '../core/parse/treeSitter';
import { analyze } from '../core/analyze';
import type { EvalJson, ExplainJson } from '../core/explain';
import type { Language, Trace } from '../core/types';

export type { EvalJson, ExplainJson };

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

/** The Trace the editor shows: bindings, numpy errors, formulas and silent-bug warnings. */
export function trace(source: string, language: Language): Trace {
  return analyze(source, language);
}

/**
 * The explainer and the engine are loaded on first use: they bring mathjs, whose start-up costs
 * more than a whole trace, and `trace` (the instructor's loop over submissions) never needs it.
 */
// (a require, not import(): this program is CommonJS, esbuild turns the require into a lazy module
// init, and tsx's CommonJS hook resolves it in the unit tests)
type Explainer = typeof import('../core/explain');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const explainer = async (): Promise<Explainer> => require('../core/explain') as Explainer;

export async function explainJson(t: Trace, line: number): Promise<ExplainJson | undefined> {
  return (await explainer()).explainJson(t, line);
}

/** The engine's answer, or its typed error as an exception carrying the English message. */
export async function evalJson(expression: string): Promise<EvalJson> {
  const r = (await explainer()).evalJson(expression);
  if (!r.ok) throw new Error(r.message.en);
  return r.json;
}

/** The notebook's code cells as one Python program, line numbers as in the concatenated cells. */
export function notebookSource(json: string): string {
  return notebookToSource(json).source;
}
