// What the CodeLens and inlay-hint providers share: they read the TraceService, and ask VS Code
// to query them again whenever a new trace lands or the settings change.

import * as vscode from 'vscode';
import type { Localizer } from './l10n';
import type { Settings } from './settings';
import type { TraceService } from './traceService';

export abstract class TraceFollower implements vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<void>();
  private readonly sub: vscode.Disposable;

  constructor(
    protected readonly traces: TraceService,
    protected readonly settings: () => Settings,
    protected readonly l10n: Localizer,
  ) {
    this.sub = traces.onDidTrace(() => this.changed.fire());
  }

  /** settings changed: ask VS Code to query again */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
