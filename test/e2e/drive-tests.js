// Runs the in-host mocha suites: code-server was started with ATTENTION_TUTOR_TESTS pointing at
// dist/test/integration/index.js, and the runner extension starts them once a window connects
// (the remote extension host only starts for a window). This opens that window and waits.
// Usage: node test/e2e/drive-tests.js BASE_URL EXAMPLES_DIR RESULTS_JSON DONE_JSON SCREENSHOT
'use strict';
const fs = require('fs');
const h = require('./harness');

const [base, examples, resultsFile, doneFile, shotFile] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.IN_HOST_TIMEOUT_MS || 300_000);

(async () => {
  for (const f of [resultsFile, doneFile]) fs.rmSync(f, { force: true });
  const { page, close } = await h.launch();
  let summary = { passes: [], failures: [], pending: [] };
  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(examples)}`, { waitUntil: 'domcontentloaded' });
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline && !fs.existsSync(doneFile)) await new Promise((r) => setTimeout(r, 500));
    if (!fs.existsSync(doneFile)) {
      summary.failures.push({ title: 'in-host suites', error: `no result after ${TIMEOUT_MS} ms` });
    } else if (fs.existsSync(resultsFile)) {
      summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } else {
      const done = JSON.parse(fs.readFileSync(doneFile, 'utf8'));
      summary.failures.push({ title: 'in-host suites could not start', error: done.error || 'unknown' });
    }
    await page.screenshot({ path: shotFile }).catch(() => {});
  } catch (e) {
    summary.failures.push({ title: 'drive-tests crashed', error: String((e && e.stack) || e) });
  } finally {
    await close();
  }
  h.log(`VS Code ${summary.vscodeVersion || '?'}, extension host node ${summary.node || '?'}`);
  for (const p of summary.passes) console.log(`  ✓ ${p}`);
  for (const p of summary.pending || []) console.log(`  - ${p}`);
  for (const f of summary.failures) console.log(`  ✗ ${f.title}\n      ${String(f.error).split('\n').slice(0, 3).join('\n      ')}`);
  if (summary.metrics && Object.keys(summary.metrics).length) console.log(`  metrics: ${JSON.stringify(summary.metrics)}`);
  fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
  console.log(`in-host: ${summary.passes.length} passed, ${summary.failures.length} failed`);
  process.exit(summary.failures.length || !summary.passes.length ? 1 : 0);
})();
