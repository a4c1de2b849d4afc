// Code actions: the core's certain fixes (K → K.T, keepdims=True, softmax axis=0 → axis=-1,
// scores / np.sqrt(d_k), …) as quick fixes on their diagnostics, and "Explain selection" on any
// selected expression or lines.

import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../core/diagnostics';
import { Command } from './commands';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { Localizer } from './l10n';
import type { TraceResult, TraceService } from './traceService';

export class TutorCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Refactor.append('explain')];

  constructor(
    private readonly traces: TraceService,
    private readonly l10n: Localizer,
  ) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length) {
      const result = await this.traces.get(doc);
      if (result && !token.isCancellationRequested) {
        for (const vd of ours) actions.push(...this.fixesFor(vd, doc, result));
      }
    }
    if (!range.isEmpty && (!context.only || context.only.contains(vscode.CodeActionKind.Refactor))) {
      const explain = new vscode.CodeAction(this.l10n.t('Explain selection'), TutorCodeActions.kinds[1]);
      explain.command = { command: Command.ExplainSelection, title: explain.title, arguments: [doc.uri.toString(), range] };
      actions.push(explain);
    }
    return actions;
  }

  private fixesFor(vd: vscode.Diagnostic, doc: vscode.TextDocument, result: TraceResult): vscode.CodeAction[] {
    const code = typeof vd.code === 'object' ? String(vd.code.value) : String(vd.code);
    // diagnostics reach us as copies: find the core's by code and range
    const core: CoreDiagnostic | undefined = result.trace.diagnostics.find((d) => {
      if (d.code !== code) return false;
      const where = result.source.fromCore(d.loc);
      return where?.document === doc && where.range.isEqual(vd.range);
    });
    const out: vscode.CodeAction[] = [];
    for (const [i, fix] of (core?.fixes ?? []).entries()) {
      const action = new vscode.CodeAction(this.l10n.pick(fix.title), vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) {
        const where = result.source.fromCore(e.loc);
        if (where) edit.replace(where.document.uri, where.range, e.newText);
      }
      action.edit = edit;
      action.diagnostics = [vd];
      action.isPreferred = i === 0;
      out.push(action);
    }
    return out;
  }
}
