// The editor's UI in a real browser (code-server): hover, inlay hints, a diagnostic and its quick
// fix (before/after), the panel's softmax derivation and exercise 2's per-head heatmap — in the dark
// and light themes and in French; a high-contrast heatmap, the slice picker on a rank-4 tensor and
// the panel state across hide/show. Screenshots: test/e2e/screenshots/editor-*.png (committed).
// Run by drive.js with its helpers h = { page, base, check, shot, webviewFrame, log, ... }.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// ---- workbench helpers (kept here: drive.js runs every editor-*.js as a suite) ----------------

/**
 * The user settings.json of the code-server instance behind `base`: from
 * $ATTENTION_TUTOR_E2E_USER_DATA, else found through the process that serves that port (its
 * --config file names the port, its --user-data-dir holds User/settings.json). The workbench
 * watches the file, so a write applies at once — themes are set here, not through the picker.
 */
function userSettings(base) {
  let dir = process.env.ATTENTION_TUTOR_E2E_USER_DATA;
  const port = new URL(base).port;
  for (const pid of dir ? [] : fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let args;
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const ud = args.indexOf('--user-data-dir');
    const cf = args.indexOf('--config');
    if (ud < 0 || cf < 0) continue;
    try {
      if (!new RegExp(`^bind-addr:\\s*\\S+:${port}\\s*$`, 'm').test(fs.readFileSync(args[cf + 1], 'utf8'))) continue;
    } catch {
      continue;
    }
    dir = args[ud + 1];
    break;
  }
  if (!dir) throw new Error(`no code-server serving port ${port} found (set ATTENTION_TUTOR_E2E_USER_DATA)`);
  const file = path.join(dir, 'User', 'settings.json');
  const original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '{}';
  const read = () => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return {};
    }
  };
  return {
    file,
    set(patch) {
      const next = { ...read(), ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
      fs.writeFileSync(file, JSON.stringify(next, null, 2));
    },
    restore() {
      fs.writeFileSync(file, original);
    },
  };
}

const THEME_CLASS = { dark: 'vs-dark', light: 'vs', hc: 'hc-black' };

async function waitTheme(page, kind, timeout = 20_000) {
  const cls = THEME_CLASS[kind];
  await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), cls, { timeout });
  await page.waitForTimeout(500);
}

/**
 * Write the theme into settings.json. The workbench applies it when its file watcher reports the
 * change; where watching is unavailable (inotify instances used up on a busy machine) a reload
 * reads the file anew.
 */
async function setTheme(page, settings, name, kind) {
  settings.set({ 'workbench.colorTheme': name });
  try {
    await waitTheme(page, kind, 4_000);
  } catch {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    await waitTheme(page, kind);
  }
}

/**
 * Give the keyboard to the workbench, not the panel's webview (which keeps key presses): a click
 * on the active editor's text when there is one, else on the status bar.
 */
async function focusWorkbench(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first();
  const box = (await editor.count()) ? await editor.boundingBox() : null;
  // right of the text, a few lines down: no CodeLens link, breadcrumb or sticky-scroll line there
  if (box) await page.mouse.click(box.x + box.width - 40, box.y + Math.min(box.height / 2, 120));
  else await page.locator('.part.sidebar .composite.title').first().click({ position: { x: 60, y: 12 } }).catch(() => {});
}

/**
 * Wait until the quick input's focused row is the wanted one, then Enter. Monaco's list reuses
 * its row elements while results stream in, so clicking a row found a moment earlier can open
 * another item: the focused row is read in one step, in the page.
 */
async function acceptFocusedRow(page, label, description = '') {
  await page.waitForFunction(([l, d]) => {
    const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
    const name = row?.querySelector('.label-name')?.textContent?.trim();
    const desc = row?.querySelector('.label-description')?.textContent ?? '';
    return name === l && desc.includes(d);
  }, [label, description], { timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Run a command by its palette title (exactly as the palette shows it, category included). */
async function palette(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await acceptFocusedRow(page, title);
}

/** Go to a 1-based line (and column) of the active editor. */
async function gotoLine(page, line, col = 1) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** The rendered editor line matching `text` (waits until it is drawn). */
async function editorLine(page, text) {
  const line = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text }).first();
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  return line;
}

/**
 * Quick Open a workspace file. Quick Open lists recently opened files before it filters, so the
 * row of this very path is clicked (pressing Enter at once would open whatever was first).
 */
async function quickOpen(page, rel) {
  const input = page.locator('.quick-input-widget input');
  // a webview taking focus as it settles closes Quick Open at once: open it again then
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(rel, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.locator('.part.sidebar .composite.title').first().click({ position: { x: 60, y: 12 } });
    }
  }
  const name = path.basename(rel);
  await acceptFocusedRow(page, name, path.dirname(rel));
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { timeout: 15_000 });
}

/** Open a file in the first editor group (where the code goes; the panel sits beside it). */
async function openFile(page, rel) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+1');
  await quickOpen(page, rel);
}

/** Open a file in the group whose tab is active now (to hide the panel behind it). */
async function openFileInGroupOf(page, tabText, rel) {
  await page.locator('.tab', { hasText: tabText }).first().click();
  // the click gives the keys to the webview: the side bar's title takes them back, the group stays active
  await page.locator('.part.sidebar .composite.title').first().click({ position: { x: 60, y: 12 } });
  await quickOpen(page, rel);
}

/**
 * Hover `target` (at the point `where` picks in its box) until `widget` shows. Monaco asks the
 * providers once per mouse rest: a hover that came before the extension had traced the file stays
 * empty, so the mouse leaves and comes back — to where the target is now, since CodeLenses that
 * arrive late push the lines down.
 */
async function hoverUntil(page, target, where, widget, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const box = await target.boundingBox();
    if (!box) {
      // the editor re-rendered its lines this very moment: look again
      if (Date.now() > end) throw new Error('the hover target is not rendered');
      await page.waitForTimeout(200);
      continue;
    }
    const [x, y] = where(box);
    await page.mouse.move(10, 10);
    await page.mouse.move(x, y, { steps: 2 });
    try {
      await widget.waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

async function closeAll(page) {
  await palette(page, 'View: Close All Editors');
  await page.waitForTimeout(400);
}

module.exports = async (h) => {
  const { page, check, shot, webviewFrame, log } = h;
  const settings = userSettings(h.base);
  const frame = () => webviewFrame(page);

  // A workspace of our own: the examples plus the batched multi-head program (rank-4 tensors),
  // so nothing is written into the repository's examples/.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-tutor-ws-'));
  fs.cpSync(h.examples, workspace, { recursive: true });
  fs.mkdirSync(path.join(workspace, 'batched'));
  fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'python', 'batched_mha.py'), path.join(workspace, 'batched', 'batched_mha.py'));

  const opened = await check('editor: its own workspace opens, with the tutor in English and the dark theme from settings.json', async () => {
    // autosave off: the quick fix must leave a modified buffer, and the shipped bug on disk
    settings.set({ 'workbench.colorTheme': 'Default Dark Modern', 'attentionTutor.language': 'en', 'editor.minimap.enabled': false, 'files.autoSave': 'off' });
    await page.goto(`${h.base}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    await waitTheme(page, 'dark');
  });
  if (!opened) return;

  async function hoverQ(name) {
    await openFile(page, 'tp4/exercise1.py');
    await gotoLine(page, 22);
    const line = await editorLine(page, /^Q\b.*=\sX\s@\sW_Q/);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '(4, 2)' }).first();
    await hoverUntil(page, line, (b) => [b.x + 4, b.y + b.height / 2], hover);
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
    // inlay hints are text in the line, with non-breaking spaces (\s matches them)
    await editorLine(page, /^Q:\s\(4,\s2\)\s=\sX\s@\sW_Q/);
    const text = await page.locator('.monaco-editor .view-lines').first().innerText();
    if (!/scores:\s\(4,\s4\)\s=/.test(text)) throw new Error('no `: (4, 4)` hint on the scores line');
    if (/d_head:\s\(\)/.test(text)) throw new Error('a scalar got a hint although attentionTutor.inlayHints.scalars is off');
    await shot(name);
  }

  /** The diagnostic's hover (with its code), the quick-fix menu, then the fixed line; reverted after. */
  async function quickFix(name, { apply = true, message = /matmul-mismatch/ } = {}) {
    // the buggy file as shipped, whatever an earlier run left on disk
    const onDisk = path.join(workspace, 'buggy', 'missing_transpose.py');
    const shipped = fs.readFileSync(path.join(h.examples, 'buggy', 'missing_transpose.py'), 'utf8');
    if (fs.readFileSync(onDisk, 'utf8') !== shipped) {
      log('  missing_transpose.py was changed on disk: restored');
      fs.writeFileSync(onDisk, shipped);
    }
    await openFile(page, 'buggy/missing_transpose.py');
    const shown = await page.locator('.editor-group-container.active .view-lines').innerText();
    if (!/scores\s=\sQ\s@\sK\s\//.test(shown)) {
      log('  the editor did not show the file as on disk: reverted');
      await palette(page, 'File: Revert File');
    }
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30_000 });
    const bugLine = await editorLine(page, /Q\s@\sK\s\//);
    const at = bugLine.locator('span > span', { hasText: '@' }).first();
    await hoverUntil(page, at, (b) => [b.x + b.width / 2, b.y + b.height / 2], page.locator('.monaco-hover:not(.hidden)', { hasText: message }).first());
    await page.waitForTimeout(300);
    await shot(`${name}-diagnostic`);
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
    if (!apply) return;
    await gotoLine(page, 14, 14);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'K.T' }).first();
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(300);
    await shot(`${name}-quickfix`);
    // the menu has the keyboard and its first item focused: Enter applies the fix
    if (!/K\.T/.test(await page.locator('.action-widget .monaco-list-row.focused').innerText())) throw new Error('the K.T fix is not the focused item');
    await page.keyboard.press('Enter');
    await editorLine(page, /^scores(:\s\(4,\s4\))?\s=\sQ\s@\sK\.T\s\//);
    // the fix re-traces: the error squiggle goes away and the scores get their (4, 4)
    await page.locator('.monaco-editor .squiggly-error').waitFor({ state: 'detached', timeout: 20_000 });
    await editorLine(page, /^scores:\s\(4,\s4\)\s=/);
    await page.waitForTimeout(300);
    await shot(`${name}-fixed`);
    // the fix edits the buffer and leaves saving to the student
    const dirty = await page.locator('.tab.active.dirty', { hasText: 'missing_transpose.py' }).count();
    const saved = fs.readFileSync(onDisk, 'utf8') !== shipped;
    // back to the shipped bug for the next theme: the disk copy first, then the buffer
    fs.writeFileSync(onDisk, shipped);
    await palette(page, 'File: Revert File');
    await editorLine(page, /^scores\s=\sQ\s@\sK\s\//);
    if (saved || !dirty) throw new Error(`after the quick fix the file is ${saved ? 'saved to disk' : 'not marked modified'}`);
  }

  async function panelSoftmax(name, cell = true) {
    await openFile(page, 'tp4/exercise1.py');
    await gotoLine(page, 26);
    const lens = page.locator('.codelens-decoration a', { hasText: /softmax/i }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    await frame().locator('.step .katex').first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame().locator('table.matrix').first().waitFor({ state: 'visible', timeout: 10_000 });
    const updated = await frame().locator('header .updated').innerText({ timeout: 10_000 });
    if (!/^(Updated in|Mis à jour en) \d+ ms$/.test(updated)) throw new Error(`no "Updated in N ms" in the header: ${updated}`);
    await page.waitForTimeout(600);
    await shot(name);
    if (!cell) return;
    // a weight of the result, derived as scalar arithmetic: weights[1, 2] = e^{…} / Σ …
    await frame().locator('section.result td.clickable').nth(6).click();
    const detail = frame().locator('.cell-detail');
    await detail.locator('.katex').first().waitFor({ state: 'visible', timeout: 15_000 });
    if (!/\[1, 2\]/.test(await detail.locator('h2').innerText())) throw new Error('the detail is not of entry [1, 2]');
    await page.waitForTimeout(600);
    await shot(`${name}-cell`);
  }

  /** Exercise 2's per-head heatmap: the words label the axes; a click derives one weight. */
  async function heatmapEx2(name) {
    await openFile(page, 'tp4/exercise2.py');
    await gotoLine(page, 58);
    // the multi-head lens (concatenation of the heads) carries one heatmap per head
    const lens = page.locator('.codelens-decoration a', { hasText: /multi-head|multi-têtes/i }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    log('  ex. 2 lens:', (await lens.textContent()).trim());
    await lens.click();
    // the panel may still show the previous derivation for a moment: wait for this one
    await frame().locator('header h1', { hasText: /multi-head|multi-têtes/ }).waitFor({ timeout: 30_000 });
    const heat = frame().locator('table.heatmap').first();
    await heat.waitFor({ state: 'visible', timeout: 30_000 });
    const cols = await heat.locator('thead th').allInnerTexts();
    const rows = await heat.locator('tbody th').allInnerTexts();
    const words = ['Le', 'soleil', 'brille', 'doucement', 'sur', 'la', 'rivière'];
    if (cols.slice(1).join(' ') !== words.join(' ') || rows.join(' ') !== words.join(' ')) {
      throw new Error(`heatmap axes are not the sentence's words: rows ${rows.join(' ')} / cols ${cols.join(' ')}`);
    }
    const figures = await frame().locator('.heatmap-figure').count();
    const picker = await frame().locator('.heatmap-figure .slice-picker').count();
    if (figures < 2 && picker < 1) throw new Error('neither one heatmap per head nor a head picker');
    // every entry readable on its colour in this theme: WCAG AA contrast (4.5:1) at least
    const worst = await heat.evaluate((t) => {
      // computed colours come as rgb(0–255) or, for color-mix(), as color(srgb 0–1)
      const lum = (css) => {
        const n = css.match(/[\d.]+(e-?\d+)?/g).slice(0, 3).map(Number);
        const [r, g, b] = (css.startsWith('color(srgb') ? n : n.map((x) => x / 255))
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      let min = Infinity;
      for (const td of t.querySelectorAll('td')) {
        const s = getComputedStyle(td);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
        min = Math.min(min, (a + 0.05) / (b + 0.05));
      }
      return min;
    });
    if (worst < 4.5) throw new Error(`a heatmap entry has a contrast of ${worst.toFixed(2)}:1 (< 4.5:1)`);
    log(`  heatmap text contrast ≥ ${worst.toFixed(1)}:1`);
    // every column is inside the panel: nothing cut off on the right
    const fits = await heat.evaluate((t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth);
    if (!fits) throw new Error('the heatmap is wider than the panel');
    // the heatmaps at the top of the panel: both heads in view
    await frame().locator('section.heatmaps').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(600);
    await shot(name);
  }

  const themed = async (t) => {
    await closeAll(page);
    await check(`editor [${t}]: hover on Q shows (4, 2), float64 and numpy's values`, () => hoverQ(`editor-hover-${t}`));
    await check(`editor [${t}]: inlay hints show the shapes`, () => inlay(`editor-inlay-${t}`));
    await check(`editor [${t}]: the matmul diagnostic, its K → K.T quick fix, and the line after the fix`, () => quickFix(`editor-bug-${t}`));
    await check(`editor [${t}]: the panel derives the softmax and says how long it took`, () => panelSoftmax(`editor-panel-softmax-${t}`));
    await check(`editor [${t}]: exercise 2's heatmap per head, labelled with the words`, () => heatmapEx2(`editor-heatmap-ex2-${t}`));
  };

  await themed('dark');
  if (await check('editor: the light theme from settings.json', () => setTheme(page, settings, 'Default Light Modern', 'light'))) await themed('light');

  await closeAll(page);
  await check('editor: the slice picker walks a rank-4 tensor (batch, head) and the panel keeps it across hide/show', async () => {
    await openFile(page, 'batched/batched_mha.py');
    await gotoLine(page, 23);
    const lens = page.locator('.codelens-decoration a', { hasText: /softmax/i }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const result = frame().locator('section.result');
    await result.locator('table.matrix').waitFor({ state: 'visible', timeout: 30_000 });
    const pickers = result.locator('.slice-picker vscode-dropdown');
    if ((await pickers.count()) !== 2) throw new Error(`a (2, 2, 5, 5) result needs 2 pickers, found ${await pickers.count()}`);
    const before = await result.locator('table.matrix').innerText();
    // batch 1, head 1: the last of the four 5×5 blocks. The keyboard drives the drop-downs (a
    // closed select moves to the next option on ArrowDown), as a keyboard-only student would.
    for (let axis = 0; axis < 2; axis++) {
      await pickers.nth(axis).focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => true); // let the panel redraw (it rebuilds the pickers)
      await page.waitForTimeout(300);
    }
    const picked = await result.locator('table.matrix').innerText();
    if (picked === before) throw new Error('picking batch 1, head 1 did not change the table');
    const firstCell = await result.locator('table.matrix td').first().getAttribute('title');
    if (!/^\[1, 1, 0, 0\]/.test(firstCell ?? '')) throw new Error(`first cell is ${firstCell}, not [1, 1, 0, 0]`);
    await result.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await shot('editor-slice-batched-light');
    // hide the panel behind another editor of its group, then show it again: no retained context,
    // so the webview is rebuilt and must restore the derivation and the slice from its state
    await openFileInGroupOf(page, 'Attention Tutor', 'tp4/exercise2.py');
    if (await frame().locator('section.result').isVisible().catch(() => false)) throw new Error('the panel is still visible');
    await page.locator('.tab', { hasText: 'Attention Tutor' }).first().click();
    const again = frame().locator('section.result table.matrix');
    await again.waitFor({ state: 'visible', timeout: 30_000 });
    const restored = await again.innerText();
    if (restored !== picked) throw new Error('the panel came back without the picked slice');
    await again.evaluate((el) => el.closest('section').scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(400);
    await shot('editor-panel-restored-light');
  });

  await check('editor [high contrast]: heatmap cells stay readable (theme colours, cell borders)', async () => {
    await setTheme(page, settings, 'Default High Contrast', 'hc');
    await heatmapEx2('editor-heatmap-ex2-hc');
    const look = await frame().locator('table.heatmap td').first().evaluate((td) => {
      const s = getComputedStyle(td);
      return { border: s.borderTopStyle, width: s.borderTopWidth, color: s.borderTopColor, hc: document.body.className };
    });
    if (!/high-contrast/.test(look.hc) || look.border !== 'solid' || look.color === 'rgba(0, 0, 0, 0)') {
      throw new Error(`heatmap cells without a visible border in high contrast: ${JSON.stringify(look)}`);
    }
  });

  await closeAll(page);
  const fr = await check('editor: switch the tutor to French (command) and back to the light theme', async () => {
    await setTheme(page, settings, 'Default Light Modern', 'light');
    await palette(page, "Attention Tutor: Choose the tutor's language");
    await page.locator('.quick-input-widget input').fill('Français');
    await acceptFocusedRow(page, 'Français');
    await page.waitForTimeout(800);
  });
  if (fr) {
    await check('editor [fr]: CodeLens and panel in French', async () => {
      await openFile(page, 'tp4/exercise1.py');
      await gotoLine(page, 26);
      const lens = page.locator('.codelens-decoration a', { hasText: /Expliquer softmax/ }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      await lens.click();
      await frame().locator('h2', { hasText: 'Pas à pas' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await frame().locator('header .updated', { hasText: /^Mis à jour en \d+ ms$/ }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(600);
      await shot('editor-panel-softmax-fr');
    });
    await check('editor [fr]: the diagnostic in French', () => quickFix('editor-bug-fr', { apply: false, message: /vouliez|intérieure|tailles/i }));
  }
  settings.restore();
  fs.rmSync(workspace, { recursive: true, force: true });
};
