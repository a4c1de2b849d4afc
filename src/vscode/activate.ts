// The composition root shared by the node and browser entries: creates the services, registers
// every provider (each registration disposed with the extension) and wires settings changes.

import * as vscode from 'vscode';
import { initParsers, type WasmLocation } from '../core/parse/treeSitter';
import { TutorCodeActions } from './codeActions';
import { FormulaCodeLensProvider } from './codeLens';
import { registerCommands } from './commandHandlers';
import { TutorDiagnostics } from './diagnostics';
import { TutorHoverProvider } from './hover';
import { ShapeInlayHintsProvider } from './inlayHints';
import { Localizer } from './l10n';
import { readSettings, SETTINGS_SECTION, type Settings } from './settings';
import { TraceService } from './traceService';
import { PANEL_VIEW_TYPE, TutorPanel } from './tutorPanel';

const SELECTOR: vscode.DocumentSelector = [{ language: 'python' }, { language: 'typescript' }];

/** What the extension exports (integration tests and benches use it). */
export interface TutorApi {
  traces: TraceService;
  diagnostics: TutorDiagnostics;
  panel(): TutorPanel | undefined;
  settings(): Settings;
  /** wall time of activate(), ms (the bench prints it) */
  activationMs: number;
}

export async function activateTutor(context: vscode.ExtensionContext, wasm: WasmLocation): Promise<TutorApi> {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Attention Tutor', { log: true });
  let settings = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  const current = (): Settings => settings;
  const l10n = new Localizer(context.extensionUri);
  await l10n.init(settings.language);

  const parsersReady = initParsers(wasm).catch((err: unknown) => {
    log.error('tree-sitter could not be loaded', err);
    throw err;
  });
  const traces = new TraceService(parsersReady, () => current().trace.budgetMs, log);
  const diagnostics = new TutorDiagnostics(traces, current, l10n);
  const inlay = new ShapeInlayHintsProvider(traces, current, l10n);
  const lenses = new FormulaCodeLensProvider(traces, current, l10n);
  const panelDeps = { extensionUri: context.extensionUri, traces, l10n, log };

  context.subscriptions.push(
    log,
    traces,
    diagnostics,
    inlay,
    lenses,
    vscode.languages.registerHoverProvider(SELECTOR, new TutorHoverProvider(traces, current, l10n)),
    vscode.languages.registerInlayHintsProvider(SELECTOR, inlay),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new TutorCodeActions(traces, l10n), { providedCodeActionKinds: TutorCodeActions.kinds }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        TutorPanel.revive(panel, state, panelDeps);
      },
    }),
    ...registerCommands(panelDeps),
    { dispose: () => TutorPanel.current?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      const before = settings;
      settings = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
      if (before.trace.budgetMs !== settings.trace.budgetMs) traces.invalidateAll();
      if (before.language !== settings.language) {
        l10n.setSetting(settings.language);
        TutorPanel.current?.relocalize();
      }
      const published = vscode.workspace.textDocuments.map((d) => traces.peek(d)).filter((r) => r !== undefined);
      diagnostics.republish(new Set(published));
      inlay.refresh();
      lenses.refresh();
    }),
  );

  // trace what is already open (activation happens on opening a python / typescript file)
  for (const doc of vscode.workspace.textDocuments) traces.schedule(doc);
  log.info(`Attention Tutor active (${l10n.locale})`);
  return { traces, diagnostics, panel: () => TutorPanel.current, settings: current, activationMs: performance.now() - t0 };
}
