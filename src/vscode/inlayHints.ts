// Inlay hints: `: (4, 2)` after each assignment target, from the trace of the current version.
// Scalars are left out unless attentionTutor.inlayHints.scalars asks for them (they clutter loops).

import * as vscode from 'vscode';
import { Shape } from '../core/shapes/dim';
import type { Binding } from '../core/types';
import type { Localizer } from './l10n';
import type { Settings } from './settings';
import type { TraceService } from './traceService';

/** The hint's text for a binding, or undefined when there is nothing worth showing. */
function hintLabel(b: Binding, scalars: boolean): string | undefined {
  if (!b.shape) return undefined;
  if (b.shape.length === 0 && !scalars) return undefined;
  return `: ${Shape.format(b.shape)}`;
}

export class ShapeInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly traces: TraceService,
    private readonly settings: () => Settings,
    private readonly l10n: Localizer,
  ) {
    this.sub = traces.onDidTrace(() => this.changed.fire());
  }

  /** settings changed: ask VS Code to query again */
  refresh(): void {
    this.changed.fire();
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const s = this.settings();
    if (!s.inlayHints.enabled) return [];
    const result = await this.traces.get(doc);
    if (!result || token.isCancellationRequested) return [];
    const hints: vscode.InlayHint[] = [];
    for (const b of result.trace.bindings) {
      const label = hintLabel(b, s.inlayHints.scalars);
      if (!label) continue;
      const where = result.source.fromCore(b.loc);
      if (!where || where.document !== doc || !range.contains(where.range.end)) continue;
      const hint = new vscode.InlayHint(where.range.end, label, vscode.InlayHintKind.Type);
      hint.paddingLeft = false;
      const tip = new vscode.MarkdownString(`**${b.name}** ${label.slice(2)}${b.dtype ? ` · \`${b.dtype}\`` : ''}`);
      if (b.count > 1) tip.appendMarkdown(` · ${this.l10n.t('ran {0} times', b.count)}`);
      if (b.why) tip.appendMarkdown(`\n\n${this.l10n.pick(b.why)}`);
      hint.tooltip = tip;
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
