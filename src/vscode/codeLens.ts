// CodeLens above every recognised formula: "Explain softmax · (4, 4)" opens (or updates) the tutor
// panel on it, "Evaluate" shows its result inline. Titles name the formula and the result's shape.

import * as vscode from 'vscode';
import { Shape } from '../core/shapes/dim';
import type { FormulaSite, Trace } from '../core/types';
import { Command } from './commands';
import { FORMULA_NAMES } from './dto';
import { TraceFollower } from './traceFollower';
import { bindingOf } from './traceQuery';

/** The shape of the formula's result, as the trace knows it. */
function resultShape(trace: Trace, f: FormulaSite): string | undefined {
  const v = f.resultExpr ? trace.exprValues[f.resultExpr.id] : undefined;
  if (v?.kind === 'array' && v.shape) return Shape.format(v.shape);
  if (v && (v.kind === 'float' || v.kind === 'int')) return '()';
  const b = f.target ? bindingOf(trace, f.target, f.loc.endLine) : undefined;
  return b?.shape ? Shape.format(b.shape) : undefined;
}

export class FormulaCodeLensProvider extends TraceFollower implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses = this.changed.event;

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.settings().codeLens.enabled) return [];
    const result = await this.traces.get(doc);
    if (!result || token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const f of result.trace.formulas) {
      const at = result.source.lineToEditor(f.line);
      // by uri: a notebook's other cells are skipped, whichever object stands for this document
      if (!at || at.document.uri.toString() !== doc.uri.toString()) continue;
      const range = doc.lineAt(at.line).range;
      const name = this.l10n.pick(FORMULA_NAMES[f.kind]);
      const shape = resultShape(result.trace, f);
      const args = [doc.uri.toString(), at.line];
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(mortar-board) ${this.l10n.t('Explain {0}', name)}${shape ? ` · ${shape}` : ''}`,
          tooltip: this.l10n.t('Derive {0} step by step with the traced values', name),
          command: Command.Explain,
          arguments: args,
        }),
        new vscode.CodeLens(range, {
          title: this.l10n.t('Evaluate'),
          tooltip: this.l10n.t('Show the value of {0} at the end of the line', name),
          command: Command.Evaluate,
          arguments: args,
        }),
      );
    }
    return lenses;
  }
}
