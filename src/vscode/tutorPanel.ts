// The tutor panel: one webview that shows the derivation of a formula, a selection or a diagnostic
// code, follows the editor (each new trace of its document re-derives, debounced), answers cell
// clicks with their scalar derivation, and comes back after a reload through its serializer.

import * as vscode from 'vscode';
import type { Loc } from '../core/ir';
import type { Derivation } from '../core/types';
import { isFromWebview, isPanelState, type FromWebview, type ToWebview } from '../protocol/messages';
import { docFor } from './diagnosticDocs';
import { cellDto, derivationDto } from './dto';
import { cellOf, derivationAtLine, derivationOfSelection } from './explainer';
import type { Localizer } from './l10n';
import { panelHtml } from './panelHtml';
import { panelStrings } from './panelStrings';
import type { TraceResult, TraceService } from './traceService';
import { formulaAt } from './traceQuery';

export const PANEL_VIEW_TYPE = 'attentionTutor.panel';
const FOLLOW_DELAY_MS = 120;

type Subject =
  | { kind: 'line'; key: string; line: number }
  | { kind: 'selection'; key: string; loc: Loc }
  | { kind: 'code'; code: string };

export interface PanelDeps {
  extensionUri: vscode.Uri;
  traces: TraceService;
  l10n: Localizer;
  log: vscode.LogOutputChannel;
}

export class TutorPanel implements vscode.Disposable {
  static current: TutorPanel | undefined;

  private ready = false;
  private queue: ToWebview[] = [];
  private subject: Subject | undefined;
  private derivation: Derivation | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<{ formula: string; line: number; at: number }>();
  /** fires when the panel reports a derivation drawn (KaTeX done) */
  readonly onDidRender = this.rendered.event;
  /** CSP violations the panel reported (tests fail on any) */
  readonly cspViolations: { directive: string; blocked: string }[] = [];
  /** every message posted, newest last (integration tests read it) */
  readonly posted: ToWebview[] = [];

  /** Open the panel beside the editor, or reveal it. */
  static show(deps: PanelDeps): TutorPanel {
    if (TutorPanel.current) {
      TutorPanel.current.panel.reveal(undefined, true);
      return TutorPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, deps.l10n.t('Attention Tutor'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, TutorPanel.options(deps.extensionUri));
    return (TutorPanel.current = new TutorPanel(panel, deps));
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  /** Restore a panel VS Code kept across a reload; `state` is what the webview last saved. */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: PanelDeps): TutorPanel {
    TutorPanel.current?.dispose();
    panel.webview.options = TutorPanel.options(deps.extensionUri);
    const p = (TutorPanel.current = new TutorPanel(panel, deps));
    if (isPanelState(state) && state.derivation) {
      const src = state.derivation.source;
      p.subject = src.selection ? { kind: 'selection', key: src.uri, loc: src.selection } : { kind: 'line', key: src.uri, line: src.line };
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === src.uri);
      if (doc) void deps.traces.get(doc).then((r) => r && p.follow(r));
    }
    return p;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
  ) {
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, deps.l10n.locale);
    this.subs.push(
      this.rendered,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // the webview reloads when shown again (no retainContextWhenHidden): it says `ready` anew
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      deps.traces.onDidTrace((r) => this.scheduleFollow(r)),
    );
  }

  get title(): string {
    return this.panel.title;
  }

  /** Derive the formula at a traced line (1-based). */
  showLine(result: TraceResult, line: number): boolean {
    const site = formulaAt(result.trace, line);
    this.subject = { kind: 'line', key: result.source.key, line: site?.line ?? line };
    return this.render(result);
  }

  /** Derive a selected expression or lines. */
  showSelection(result: TraceResult, loc: Loc): boolean {
    this.subject = { kind: 'selection', key: result.source.key, loc };
    return this.render(result);
  }

  /** Explain a diagnostic code. */
  showCode(code: string): void {
    this.subject = { kind: 'code', code };
    this.derivation = undefined;
    const doc = docFor(code);
    this.post({ type: 'explanation', code, title: doc.title, paragraphs: doc.paragraphs, latex: doc.latex });
  }

  /** Re-derive after a newer trace of the subject's document (debounced: typing goes on). */
  private scheduleFollow(result: TraceResult): void {
    const s = this.subject;
    if (!s || s.kind === 'code' || s.key !== result.source.key) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      this.follow(result);
    }, FOLLOW_DELAY_MS);
  }

  private follow(result: TraceResult): void {
    const latest = this.deps.traces.peekKey(result.source.key) ?? result;
    this.render(latest);
  }

  private render(result: TraceResult): boolean {
    const s = this.subject;
    if (!s || s.kind === 'code') return false;
    const t0 = performance.now();
    const d = s.kind === 'line' ? derivationAtLine(result.trace, s.line) : derivationOfSelection(result.trace, s.loc);
    this.derivation = d;
    if (!d) {
      this.post({
        type: 'empty',
        reason:
          s.kind === 'line'
            ? { en: `No formula is recognised at line ${s.line} any more.`, fr: `Aucune formule n’est plus reconnue à la ligne ${s.line}.` }
            : { en: 'This selection cannot be evaluated with the traced values.', fr: 'Cette sélection ne peut pas être évaluée avec les valeurs tracées.' },
      });
      return false;
    }
    const source = {
      uri: result.source.key,
      line: d.line,
      label: result.source.label,
      ...(s.kind === 'selection' ? { selection: s.loc } : {}),
    };
    this.post({ type: 'derivation', derivation: derivationDto(d, source), elapsedMs: Math.round(performance.now() - t0 + result.ms) });
    return true;
  }

  /** The language changed: new UI strings; the panel redraws its prose in the new language. */
  relocalize(): void {
    this.post({ type: 'locale', locale: this.deps.l10n.locale, strings: panelStrings(this.deps.l10n) });
  }

  private post(m: ToWebview): void {
    this.posted.push(m);
    if (this.posted.length > 50) this.posted.shift();
    if (!this.ready) {
      // only the latest content matters once the panel says it is ready
      this.queue = this.queue.filter((q) => q.type !== m.type);
      this.queue.push(m);
      return;
    }
    void this.panel.webview.postMessage(m);
  }

  private receive(raw: unknown): void {
    if (!isFromWebview(raw)) {
      this.deps.log.warn('tutor panel: dropped a malformed message', raw);
      return;
    }
    const m: FromWebview = raw;
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        void this.panel.webview.postMessage({ type: 'init', locale: this.deps.l10n.locale, strings: panelStrings(this.deps.l10n) } satisfies ToWebview);
        const pending = this.queue;
        this.queue = [];
        for (const q of pending) void this.panel.webview.postMessage(q);
        if (!pending.length && this.subject && this.subject.kind !== 'code') {
          const latest = this.deps.traces.peekKey(this.subject.key);
          if (latest) this.render(latest);
        }
        return;
      }
      case 'cell': {
        const c = this.derivation && cellOf(this.derivation, m.index);
        if (c) this.post({ type: 'cell', cell: cellDto(c), requestId: m.requestId });
        return;
      }
      case 'reveal':
        void this.reveal(m.line);
        return;
      case 'rendered':
        this.rendered.fire({ formula: m.formula, line: m.line, at: performance.now() });
        return;
      case 'cspViolation':
        this.cspViolations.push({ directive: m.directive, blocked: m.blocked });
        this.deps.log.error(`tutor panel: CSP violation of ${m.directive} by ${m.blocked}`);
        return;
      case 'error':
        this.deps.log.error(`tutor panel: ${m.message}`);
        return;
    }
  }

  private async reveal(line: number): Promise<void> {
    const s = this.subject;
    if (!s || s.kind === 'code') return;
    const result = this.deps.traces.peekKey(s.key);
    const at = result?.source.lineToEditor(line);
    if (!at) return;
    const editor = await vscode.window.showTextDocument(at.document, { viewColumn: vscode.ViewColumn.One });
    const pos = new vscode.Position(at.line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (TutorPanel.current === this) TutorPanel.current = undefined;
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const s of this.subs) s.dispose();
    this.panel.dispose();
  }
}
