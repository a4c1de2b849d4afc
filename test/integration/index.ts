// Entry point of the in-host mocha suites, in @vscode/test-electron's `extensionTestsPath` shape:
// run() resolves when every *.test.js next to it passed. Started by test/e2e/runner-ext inside
// code-server's extension host, or by test/electron/run.ts in a desktop VS Code.
// With $ATTENTION_TUTOR_TEST_RESULTS set, it also writes a JSON summary there for the harness.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface Results {
  passes: string[];
  failures: { title: string; error: string }[];
  pending: string[];
  vscodeVersion: string;
  node: string;
  /** figures the suites report for `npm run bench` (activation time, ...) */
  metrics: Record<string, number>;
}

/** Suites add measurements here (e.g. the extension's activation time); they land in the results file. */
export const metrics: Record<string, number> = {};
(globalThis as { attentionTutorMetrics?: Record<string, number> }).attentionTutorMetrics = metrics;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));

  const results: Results = { passes: [], failures: [], pending: [], vscodeVersion: vscode.version, node: process.version, metrics };
  const out = process.env.ATTENTION_TUTOR_TEST_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (out) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, JSON.stringify(results, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.passes.push(t.fullTitle()));
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) => results.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) }));
  });
}
