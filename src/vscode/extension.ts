// Node entry (desktop VS Code, code-server): tree-sitter's wasm files are read from dist/wasm.
// Everything else lives in activate.ts, shared with the web entry (extension.web.ts).
import type * as vscode from 'vscode';
import { activateTutor, type TutorApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<TutorApi> {
  return activateTutor(context, {
    runtime: context.asAbsolutePath('dist/wasm/web-tree-sitter.wasm'),
    python: context.asAbsolutePath('dist/wasm/tree-sitter-python.wasm'),
    typescript: context.asAbsolutePath('dist/wasm/tree-sitter-typescript.wasm'),
  });
}

export function deactivate(): void {
  // every registration is in context.subscriptions: VS Code disposes them
}
