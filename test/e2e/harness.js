// Shared helpers of the browser-driven e2e run: launch Debian's chromium through playwright-core,
// open a file in code-server's workbench, reach the webview's inner frame, record named checks and
// take screenshots. Used by drive.js (the UI flow) and drive-tests.js (the in-host suites); the
// editor-*.js files receive the same helpers (see drive.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/**
 * Reported by every frame (the init script runs in child frames too): a webview that breaks its
 * Content-Security-Policy (inline style, eval, a remote font) fails the run.
 */
const CSP_PROBE = `
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP-VIOLATION ' + JSON.stringify({ frame: location.href.slice(0, 160), directive: e.violatedDirective,
      blocked: String(e.blockedURI).slice(0, 160), sample: String(e.sample || '').slice(0, 80) }));
  });`;

async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-tutor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 900 },
    deviceScaleFactor: 1,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  await context.addInitScript(CSP_PROBE);
  const page = context.pages()[0] || (await context.newPage());
  const cspViolations = [];
  const consoleErrors = [];
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('CSP-VIOLATION ')) {
      const v = JSON.parse(text.slice('CSP-VIOLATION '.length));
      // Only the webviews are ours: the workbench's own policy reports are not this extension's.
      if (/webview/.test(v.frame)) cspViolations.push(v);
    } else if (m.type() === 'error') consoleErrors.push(text);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, cspViolations, consoleErrors, close };
}

/** Named checks with a mocha-like summary, so .ci/run can sum every level the same way. */
function checks() {
  const results = { passes: [], failures: [], pending: [] };
  return {
    results,
    async check(title, fn) {
      const start = Date.now();
      try {
        await fn();
        results.passes.push(title);
        log(`  ✓ ${title} (${Date.now() - start} ms)`);
        return true;
      } catch (e) {
        results.failures.push({ title, error: String((e && e.stack) || e) });
        log(`  ✗ ${title}: ${String((e && e.message) || e).split('\n')[0]}`);
        return false;
      }
    },
  };
}

async function openWorkbench(page, base, folder) {
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  // The explorer lists the folder once the remote extension host and file system are up.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
}

/** Quick Open (Ctrl+P) a file by its workspace-relative path, and wait for its tab. */
async function openFile(page, rel) {
  const name = path.basename(rel);
  await page.locator('.monaco-workbench').click({ position: { x: 800, y: 450 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(rel);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15_000 });
}

/** The inner frame of the n-th ready webview (VS Code nests the content in #active-frame). */
function webviewFrame(page, n = 0) {
  return page.frameLocator(`iframe.webview.ready >> nth=${n}`).frameLocator('#active-frame');
}

function screenshotter(page, dir) {
  fs.mkdirSync(dir, { recursive: true });
  return async (name) => {
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file });
    log(`  screenshot ${path.relative(process.cwd(), file)}`);
    return file;
  };
}

module.exports = { launch, checks, openWorkbench, openFile, webviewFrame, screenshotter, log };
