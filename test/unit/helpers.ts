// Shared set-up for the unit tests: tree-sitter loaded from node_modules, as the CLI loads it.
import * as path from 'node:path';
import { initParsers } from '../../src/core/parse/treeSitter';

const root = path.resolve(__dirname, '..', '..');
export const repoRoot = root;

export function loadParsers(): Promise<void> {
  return initParsers({
    runtime: path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'),
    python: path.join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
    typescript: path.join(root, 'node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm'),
  });
}
