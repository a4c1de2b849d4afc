// The UI end-to-end run: a real browser drives code-server with the packaged extension installed.
// Opens examples/tp4/exercise1.py, sees the CodeLens, clicks it, sees the panel render KaTeX, and
// fails on any Content-Security-Policy violation inside the webview. Screenshots go to
// test/e2e/screenshots/ (committed), the summary to OUT/ui-results.json.
//
// Then every test/e2e/editor-*.js runs in the same session. Each exports
//   module.exports = async (h) => { await h.check('title', async () => { ... }) }
// where h = { page, base, examples, check, shot, openFile, webviewFrame, log, cspViolations }.
//
// Usage: node test/e2e/drive.js BASE_URL EXAMPLES_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

const [base, examples, outDir] = process.argv.slice(2);
if (!base || !examples || !outDir) {
  console.error('usage: drive.js BASE_URL EXAMPLES_DIR OUT_DIR');
  process.exit(2);
}
const shotsDir = path.join(__dirname, 'screenshots');

(async () => {
  const { page, cspViolations, consoleErrors, close } = await h.launch();
  const { results, check } = h.checks();
  const shot = h.screenshotter(page, shotsDir);
  let lens;
  let panelOpen = false;

  try {
    const opened = await check('the workbench opens examples/ as its folder', async () => {
      await h.openWorkbench(page, base, examples);
      await shot('01-workbench');
    });
    const fileOpen = opened && await check('examples/tp4/exercise1.py opens in an editor', async () => {
      await h.openFile(page, 'tp4/exercise1.py');
    });
    const lensShown = fileOpen && await check('a CodeLens of Attention Tutor is shown on exercise1.py', async () => {
      const all = page.locator('.codelens-decoration a');
      await all.first().waitFor({ state: 'visible', timeout: 60_000 });
      // Prefer the softmax lens (line `poids = …`); any lens of ours proves the provider runs.
      const softmax = page.locator('.codelens-decoration a', { hasText: /softmax/i }).first();
      lens = (await softmax.count()) > 0 ? softmax : all.first();
      await lens.scrollIntoViewIfNeeded();
      h.log('  lens:', (await lens.textContent()).trim());
      await page.waitForTimeout(500);
      await shot('02-codelens');
    });
    panelOpen = lensShown && await check('clicking the CodeLens opens the panel', async () => {
      await lens.click();
      await page.waitForSelector('iframe.webview.ready', { timeout: 30_000 });
    });
    if (panelOpen) await check('the panel renders its derivation with KaTeX (styled, fonts loaded)', async () => {
      const frame = h.webviewFrame(page);
      await frame.locator('.katex').first().waitFor({ state: 'visible', timeout: 30_000 });
      const count = await frame.locator('.katex').count();
      if (count < 1) throw new Error('no .katex element');
      // KaTeX's stylesheet hides the MathML copy: if it did not load, the math shows twice.
      const cssApplied = await frame.locator('.katex-mathml').first().evaluate((el) => {
        const s = getComputedStyle(el);
        return s.position === 'absolute' && (s.clip !== 'auto' || s.clipPath !== 'none' || s.overflow === 'hidden');
      });
      if (!cssApplied) throw new Error('KaTeX CSS is not applied in the webview');
      const fontsOk = await frame.locator('body').evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.replace(/"/g, '').startsWith('KaTeX') && f.status === 'loaded');
      });
      if (!fontsOk) throw new Error('no KaTeX font loaded in the webview');
      h.log(`  ${count} KaTeX formulas`);
      await page.waitForTimeout(800);
      await shot('03-panel');
    });

    for (const f of fs.readdirSync(__dirname).filter((n) => /^editor-.*\.js$/.test(n)).sort()) {
      h.log(`suite ${f}`);
      try {
        await require(path.join(__dirname, f))({ page, base, examples, check, shot, openFile: h.openFile, webviewFrame: h.webviewFrame, log: h.log, cspViolations });
      } catch (e) {
        results.failures.push({ title: `${f} (suite crashed)`, error: String((e && e.stack) || e) });
      }
    }

    // Only meaningful once a webview has rendered; otherwise the panel check has already failed.
    if (panelOpen || cspViolations.length) {
      await check('no Content-Security-Policy violation in any webview', async () => {
        if (cspViolations.length) throw new Error(JSON.stringify(cspViolations.slice(0, 5)));
      });
    } else {
      results.pending.push('no Content-Security-Policy violation in any webview (no webview opened)');
    }
  } catch (e) {
    results.failures.push({ title: 'drive crashed', error: String((e && e.stack) || e) });
  } finally {
    if (results.failures.length) await page.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
    if (consoleErrors.length) h.log(`browser console errors (first 8):\n  ${consoleErrors.slice(0, 8).join('\n  ')}`);
    await close();
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'ui-results.json'), JSON.stringify(results, null, 2));
  console.log(`ui-e2e: ${results.passes.length} passed, ${results.failures.length} failed`);
  process.exit(results.failures.length ? 1 : 0);
})();
