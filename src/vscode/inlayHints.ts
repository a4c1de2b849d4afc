// Inlay hints: `: (4, 2)` after each assignment target, from the trace of the current version.
// Scalars are left out unless attentionTutor.inlayHints.scalars asks for them (they clutter loops).

import * as vscode from 'vscode';
import { Shape } from '../core/shapes/dim';
import type { Binding } from '../core/types';
import { TraceFollower } from './traceFollower';

/** The hint's text for a binding, or undefined when there is nothing worth showing. */
function hintLabel(b: Binding, scalars: boolean): string | undefined {
  if (!b.shape) return undefined;
  if (b.shape.length === 0 && !scalars) return undefined;
  return `: ${Shape.format(b.shape)}`;
}

export class ShapeInlayHintsProvider extends TraceFollower implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints = this.changed.event;

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
}
