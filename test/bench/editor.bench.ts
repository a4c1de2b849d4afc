// The editor's two latency figures, measured inside the real extension host by
// test/integration/editor-providers.test.ts during `npm run test:e2e` and printed here against
// their targets: CodeLens click → derivation drawn (≤ 150 ms after the first open) and
// keystroke → updated diagnostics on a 1,000-line file (≤ 50 ms). Printed, never pass/fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { figure } from './run.measure';

export default async function editorBench(): Promise<void> {
  const file = path.resolve(__dirname, '..', 'e2e', 'out', 'in-host-results.json');
  if (!fs.existsSync(file)) {
    figure('CodeLens → derivation drawn', 'n/a', '', 'run `npm run test:e2e` first: measured in the in-host suite');
    figure('keystroke → diagnostics (1,000 lines)', 'n/a', '', 'idem');
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { metrics?: Record<string, number>; vscodeVersion?: string };
  const m = r.metrics ?? {};
  const show = (name: string, v: number | undefined, target: number, note: string): void => {
    if (typeof v !== 'number') figure(name, 'n/a', '', 'the last e2e run did not record it');
    else figure(name, v, 'ms', `target ≤ ${target} ms ${v <= target ? '(met)' : '(MISSED)'} · ${note} · VS Code ${r.vscodeVersion ?? '?'}`);
  };
  show('CodeLens → derivation drawn (median of 5, after first open)', m.editorCodeLensToDerivationMs, 150, 'command to webview "rendered"');
  show('keystroke → diagnostics, 1,000-line file, end of file (median of 7)', m.editorKeystrokeToDiagnosticsMs, 50, 'edit to DiagnosticCollection.set, incremental re-trace');
  const extra = (name: string, v: number | undefined, note: string): void => {
    if (typeof v === 'number') figure(name, v, 'ms', note);
  };
  extra('  of which: the incremental re-trace', m.editorIncrementalTraceMs1000, 'analyzeIncremental() in the extension host');
  extra('keystroke → diagnostics, 1,000-line file, mid-file (median of 5)', m.editorKeystrokeMidFileMs, 'statements after the edit rerun only if they depend on it');
  extra('one full trace of the 1,000-line file', m.editorTraceMs1000, 'analyze() in the extension host, for comparison');
  if (typeof m.loadAverage1m === 'number') {
    figure('  machine load during that run (1-min load average)', m.loadAverage1m, '', `${m.cpus ?? '?'} CPUs: a load above that count slows every figure`);
  }
}
