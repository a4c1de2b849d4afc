// Diagnostics from the trace: the core's bilingual messages in the tutor's language, the severity
// floor of attentionTutor.diagnostics.level, and each code linked to its explanation in the panel.

import * as vscode from 'vscode';
import type { Severity } from '../core/diagnostics';
import { Command } from './commands';
import type { Localizer } from './l10n';
import type { DiagnosticsLevel, Settings } from './settings';
import type { TraceResult, TraceService } from './traceService';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const FLOOR: Record<DiagnosticsLevel, number> = { error: 3, warning: 2, info: 1, off: Infinity };

export const DIAGNOSTIC_SOURCE = 'Attention Tutor';

function severity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The link behind a diagnostic's code: opens the panel on that code's explanation. */
function codeTarget(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${Command.ExplainDiagnostic}?${encodeURIComponent(JSON.stringify([code]))}`);
}

export class TutorDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('attention-tutor');
  private readonly subs: vscode.Disposable[] = [];
  /** uris each trace key last published to (a notebook publishes to its cells) */
  private readonly published = new Map<string, vscode.Uri[]>();
  private readonly changed = new vscode.EventEmitter<{ key: string; at: number }>();
  /** fires after diagnostics were published for a trace (the latency bench listens) */
  readonly onDidPublish = this.changed.event;

  constructor(
    traces: TraceService,
    private readonly settings: () => Settings,
    private readonly l10n: Localizer,
  ) {
    this.subs.push(traces.onDidTrace((r) => this.publish(r)), this.collection, this.changed);
  }

  publish(result: TraceResult): void {
    const floor = FLOOR[this.settings().diagnostics.level];
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const doc of result.source.documents) byUri.set(doc.uri.toString(), { uri: doc.uri, list: [] });
    for (const d of result.trace.diagnostics) {
      if (RANK[d.severity] < floor) continue;
      const where = result.source.fromCore(d.loc);
      if (!where) continue;
      const vd = new vscode.Diagnostic(where.range, this.l10n.pick(d.message), severity(d.severity));
      vd.source = DIAGNOSTIC_SOURCE;
      vd.code = { value: d.code, target: codeTarget(d.code) };
      byUri.get(where.document.uri.toString())?.list.push(vd);
    }
    for (const old of this.published.get(result.source.key) ?? []) if (!byUri.has(old.toString())) this.collection.delete(old);
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
    this.published.set(result.source.key, [...byUri.values()].map((e) => e.uri));
    this.changed.fire({ key: result.source.key, at: performance.now() });
  }

  /** Publish again from the latest traces (language or level changed). */
  republish(results: Iterable<TraceResult>): void {
    for (const r of results) this.publish(r);
  }

  /** The diagnostics currently shown for a document. */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
