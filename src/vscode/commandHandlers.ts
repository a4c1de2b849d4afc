// The commands behind CodeLens, code actions, links and the palette. Arguments from a CodeLens or
// a link are (document uri, 0-based line in that document); a notebook cell's uri works too.

import * as vscode from 'vscode';
import type { Loc } from '../core/ir';
import { Command } from './commands';
import { FORMULA_NAMES } from './dto';
import { derivationAtLine } from './explainer';
import { reprValue } from './format/numpyRepr';
import type { Localizer } from './l10n';
import { SETTINGS_SECTION } from './settings';
import { TutorPanel, type PanelDeps } from './tutorPanel';
import type { TraceService } from './traceService';
import { formulaAt } from './traceQuery';

function findDocument(uri: string | vscode.Uri | undefined): vscode.TextDocument | undefined {
  if (uri === undefined) return vscode.window.activeTextEditor?.document;
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');

export function registerCommands(deps: PanelDeps & { traces: TraceService; l10n: Localizer }): vscode.Disposable[] {
  const { traces, l10n } = deps;
  const evalDecoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    isWholeLine: false,
  });

  /** Open (or update) the panel on the formula at an editor line. */
  async function explain(uri?: string, line?: number): Promise<boolean> {
    const doc = findDocument(uri);
    if (!doc) return false;
    const editorLine = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
    const result = await traces.get(doc);
    const at = result?.source.toCore(doc, new vscode.Position(editorLine, 0));
    if (!result || !at) return false;
    return TutorPanel.show(deps).showLine(result, at.line);
  }

  async function evaluate(uri?: string, line?: number): Promise<string | undefined> {
    const doc = findDocument(uri);
    if (!doc) return undefined;
    const editorLine = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
    const result = await traces.get(doc);
    const at = result?.source.toCore(doc, new vscode.Position(editorLine, 0));
    const site = result && at && formulaAt(result.trace, at.line);
    const d = site && derivationAtLine(result.trace, site.line);
    if (!d || !site) return undefined;
    const repr = reprValue(d.result) ?? l10n.t('value not determined without running the code');
    const text = `= ${oneLine(repr)}`;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (editor) {
      const end = doc.lineAt(editorLine).range.end;
      const shown = text.length > 120 ? text.slice(0, 119) + '…' : text;
      const hover = new vscode.MarkdownString().appendCodeblock(repr, 'python');
      editor.setDecorations(evalDecoration, [{ range: new vscode.Range(end, end), renderOptions: { after: { contentText: shown } }, hoverMessage: hover }]);
    }
    void vscode.window.setStatusBarMessage(`${l10n.pick(FORMULA_NAMES[site.kind])} ${oneLine(text).slice(0, 200)}`, 8000);
    return repr;
  }

  async function explainSelection(uri?: string, range?: vscode.Range): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const doc = findDocument(uri) ?? editor?.document;
    const sel = range ?? editor?.selection;
    if (!doc || !sel || sel.isEmpty) {
      void vscode.window.showInformationMessage(l10n.t('Select an expression (such as Q @ K.T) or several lines first.'));
      return false;
    }
    const result = await traces.get(doc);
    const start = result?.source.toCore(doc, sel.start);
    const end = result?.source.toCore(doc, sel.end);
    if (!result || !start || !end) return false;
    const loc: Loc = { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
    return TutorPanel.show(deps).showSelection(result, loc);
  }

  return [
    evalDecoration,
    vscode.commands.registerCommand(Command.Explain, explain),
    vscode.commands.registerCommand(Command.Evaluate, evaluate),
    vscode.commands.registerCommand(Command.ExplainSelection, explainSelection),
    vscode.commands.registerCommand(Command.OpenPanel, async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && (await explain(editor.document.uri.toString(), editor.selection.active.line))) return;
      TutorPanel.show(deps);
    }),
    vscode.commands.registerCommand(Command.ExplainDiagnostic, (code?: string) => {
      if (typeof code === 'string') TutorPanel.show(deps).showCode(code);
    }),
    vscode.commands.registerCommand(Command.OpenExample, async (relative?: string) => {
      if (typeof relative !== 'string' || relative.includes('..')) return;
      // the workspace's copy first (students edit it), else the one shipped with the extension
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      for (const base of [folder, deps.extensionUri]) {
        if (!base) continue;
        const uri = vscode.Uri.joinPath(base, ...relative.split('/'));
        try {
          await vscode.workspace.fs.stat(uri);
          await vscode.window.showTextDocument(uri, { preview: false });
          return;
        } catch {
          // not in this place: try the next
        }
      }
    }),
    vscode.commands.registerCommand(Command.ChooseLanguage, async () => {
      const items: (vscode.QuickPickItem & { value: string })[] = [
        { label: l10n.t('Follow VS Code'), description: vscode.env.language, value: 'auto' },
        { label: 'English', value: 'en' },
        { label: 'Français', value: 'fr' },
      ];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Language of the tutor') });
      if (pick) await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('language', pick.value, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(Command.ToggleInlayHints, async () => {
      const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      await config.update('inlayHints.enabled', !config.get<boolean>('inlayHints.enabled', true), vscode.ConfigurationTarget.Global);
    }),
  ];
}
