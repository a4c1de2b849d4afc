// Browser entry (vscode.dev, the web worker extension host): no node APIs; tree-sitter's wasm
// files are fetched by URL from the extension's dist/wasm.
import * as vscode from 'vscode';
import { activateTutor, type TutorApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<TutorApi> {
  const url = (file: string): string => vscode.Uri.joinPath(context.extensionUri, 'dist', 'wasm', file).toString(true);
  return activateTutor(context, {
    runtime: url('web-tree-sitter.wasm'),
    python: url('tree-sitter-python.wasm'),
    typescript: url('tree-sitter-typescript.wasm'),
  });
}

export function deactivate(): void {
  // every registration is in context.subscriptions: VS Code disposes them
}
