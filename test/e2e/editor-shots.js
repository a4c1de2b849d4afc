// The editor's UI in a real browser (code-server): hover, inlay hints, a diagnostic and its quick
// fix, the panel's softmax derivation and exercise 2's per-head heatmap — in the dark theme, then
// the light one, then in French. Screenshots go to test/e2e/screenshots/editor-*.png (committed).
// Run by drive.js with its helpers h = { page, check, shot, openFile, webviewFrame, log, ... }.
'use strict';

/** Run a command from the palette by (part of) its title. */
async function palette(page, title) {
  await page.locator('.part.sidebar').first().click({ position: { x: 60, y: 12 } }).catch(() => {});
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(`${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Go to a 1-based line of the active editor (Ctrl+G). */
async function gotoLine(page, line, col = 1) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** The rendered line of the editor that starts with `prefix` (scrolled into view). */
async function editorLine(page, prefix) {
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: prefix }).first();
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  return line;
}

/**
 * Quick Open a workspace file. Focus goes to the side bar first: once the tutor panel is open, a
 * click in the middle of the window lands in its webview, which keeps Ctrl+P to itself.
 */
async function openFile(page, rel) {
  const name = rel.split('/').pop();
  await page.locator('.part.sidebar').first().click({ position: { x: 60, y: 12 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(rel);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15_000 });
}

async function closeEditors(page) {
  await palette(page, 'View: Close All Editors');
  await page.waitForTimeout(300);
}

module.exports = async (h) => {
  const { page, check, shot, webviewFrame, log } = h;

  async function hoverQ(name) {
    await openFile(page, 'tp4/exercise1.py');
    await gotoLine(page, 22);
    const line = await editorLine(page, /^Q\b.*=\sX\s@\sW_Q/);
    await page.mouse.move(10, 10);
    const box = await line.boundingBox();
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '(4, 2)' }).first();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await hover.innerText();
    if (!/float64/.test(text) || !/array\(\[\[/.test(text)) throw new Error(`hover lacks dtype or values: ${text.slice(0, 200)}`);
    await page.waitForTimeout(300);
    await shot(name);
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
  }

  async function inlay(name) {
    await openFile(page, 'tp4/exercise1.py');
    await gotoLine(page, 1);
    const editor = page.locator('.monaco-editor .view-lines').first();
    // inlay hints are text in the line, with non-breaking spaces (\s matches them)
    await editorLine(page, /^Q:\s\(4,\s2\)\s=\sX\s@\sW_Q/);
    const text = await editor.innerText();
    if (!/scores:\s\(4,\s4\)\s=/.test(text)) throw new Error('no `: (4, 4)` hint on the scores line');
    if (/d_head:\s\(\)/.test(text)) throw new Error('a scalar got a hint although attentionTutor.inlayHints.scalars is off');
    await shot(name);
  }

  async function quickFix(name) {
    await openFile(page, 'buggy/missing_transpose.py');
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ state: 'attached', timeout: 30_000 });
    await gotoLine(page, 14, 10);
    const bugLine = await editorLine(page, /Q\s@\sK\s\//);
    // the `@` token lies under the squiggle (Q @ K)
    const box = await bugLine.locator('span > span', { hasText: '@' }).first().boundingBox();
    await page.mouse.move(10, 10);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.monaco-hover:not(.hidden)', { hasText: /matmul-mismatch/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(300);
    await shot(`${name}-diagnostic`);
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
    await gotoLine(page, 14, 14);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget', { hasText: 'K.T' }).first();
    await menu.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(300);
    await shot(`${name}-quickfix`);
    await page.keyboard.press('Escape');
  }

  async function panelSoftmax(name) {
    await openFile(page, 'tp4/exercise1.py');
    const lens = page.locator('.codelens-decoration a', { hasText: /softmax/i }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = webviewFrame(page);
    await frame.locator('.step .katex').first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('table.matrix').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(600);
    await shot(name);
  }

  async function heatmapEx2(name) {
    await openFile(page, 'tp4/exercise2.py');
    const lens = page.locator('.codelens-decoration a', { hasText: /attention|softmax/i }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    const lenses = page.locator('.codelens-decoration a', { hasText: /attention/i });
    // prefer the multi-head lens, else the attention one: both carry one heatmap per head
    const multi = page.locator('.codelens-decoration a', { hasText: /multi/i }).first();
    const target = (await multi.count()) ? multi : (await lenses.count()) ? lenses.first() : lens;
    await target.scrollIntoViewIfNeeded();
    log('  ex. 2 lens:', (await target.textContent()).trim());
    await target.click();
    const frame = webviewFrame(page);
    const heat = frame.locator('table.heatmap').first();
    await heat.waitFor({ state: 'visible', timeout: 30_000 });
    const labels = await heat.locator('thead th').allInnerTexts();
    if (!labels.some((l) => /soleil/.test(l))) throw new Error(`heatmap columns are not the sentence's words: ${labels.join(' ')}`);
    await heat.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await shot(name);
    const cell = heat.locator('td.clickable').nth(1);
    await cell.click();
    await frame.locator('.cell-detail .katex').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(400);
    await shot(`${name}-cell`);
  }

  const theme = async (t) => {
    await check(`editor [${t}]: hover on Q shows (4, 2), float64 and numpy's values`, () => hoverQ(`editor-hover-${t}`));
    await check(`editor [${t}]: inlay hints show the shapes`, () => inlay(`editor-inlay-${t}`));
    await check(`editor [${t}]: the matmul diagnostic and its K → K.T quick fix`, () => quickFix(`editor-bug-${t}`));
    await check(`editor [${t}]: the panel derives the softmax`, () => panelSoftmax(`editor-panel-softmax-${t}`));
    await check(`editor [${t}]: exercise 2's per-head heatmap, labelled with the words`, () => heatmapEx2(`editor-heatmap-ex2-${t}`));
    await closeEditors(page);
  };

  /** Switch the workbench to a dark or light theme (the toggle keeps the user's pair of themes). */
  const setTheme = (kind) => check(`editor: the workbench in a ${kind} theme`, async () => {
    const isDark = async () => /\bvs-dark\b/.test((await page.locator('.monaco-workbench').getAttribute('class')) ?? '');
    if ((await isDark()) !== (kind === 'dark')) {
      await palette(page, 'Preferences: Color Theme');
      const name = kind === 'dark' ? 'Dark Modern' : 'Light Modern';
      await page.waitForTimeout(500);
      await page.keyboard.type(name);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click();
      await page.waitForTimeout(1000);
    }
    if ((await isDark()) !== (kind === 'dark')) throw new Error(`still not ${kind}`);
  });

  if (await setTheme('dark')) await theme('dark');
  if (await setTheme('light')) await theme('light');
  const fr = await check('editor: switch the tutor to French', async () => {
    await palette(page, "Attention Tutor: Choose the tutor's language");
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Français' }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await page.waitForTimeout(800);
  });
  if (fr) {
    await check('editor [fr]: CodeLens and panel in French', async () => {
      await openFile(page, 'tp4/exercise1.py');
      const lens = page.locator('.codelens-decoration a', { hasText: /Expliquer softmax/ }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      await lens.click();
      const frame = webviewFrame(page);
      await frame.locator('h2', { hasText: 'Pas à pas' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForTimeout(600);
      await shot('editor-panel-softmax-fr');
    });
    await check('editor [fr]: the diagnostic in French', () => quickFix('editor-bug-fr'));
  }
};
