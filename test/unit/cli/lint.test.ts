// The architecture rule is real: ESLint rejects `vscode`, node built-ins and DOM globals in
// src/core, and only there. Linted as text with a path, so no file is left in the tree.
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { root } from './run';

async function lint(filePath: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('lint: src/core stays pure', function () {
  this.timeout(60_000);

  it('rejects a vscode import in src/core', async () => {
    const m = await lint('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n");
    assert.ok(m.some((x) => x.rule === 'no-restricted-imports' && /src\/core must not depend on VS Code/.test(x.message)), JSON.stringify(m));
  });
  it('rejects a type-only vscode import too', async () => {
    const m = await lint('src/core/deep/probe.ts', "import type { Uri } from 'vscode';\nexport type U = Uri;\n");
    assert.ok(m.some((x) => x.rule === 'no-restricted-imports'), JSON.stringify(m));
  });
  it('rejects node built-ins, with or without the node: prefix', async () => {
    for (const mod of ['node:fs', 'fs', 'path', 'node:child_process', 'os']) {
      const m = await lint('src/core/probe.ts', `import * as x from '${mod}';\nexport const y = x;\n`);
      assert.ok(m.some((x) => x.rule === 'no-restricted-imports' && /src\/core is pure/.test(x.message)), `${mod}: ${JSON.stringify(m)}`);
    }
  });
  it('rejects DOM and node globals', async () => {
    const m = await lint('src/core/probe.ts', 'export const t = document.title + window.name + String(require) + __dirname;\n');
    const globals = m.filter((x) => x.rule === 'no-restricted-globals').map((x) => x.message.split("'")[1]);
    assert.deepEqual(globals.sort(), ['__dirname', 'document', 'require', 'window']);
  });
  it('rejects importing an adapter from the core', async () => {
    const m = await lint('src/core/probe.ts', "import { x } from '../vscode/hover';\nexport const y = x;\n");
    assert.ok(m.some((x) => x.rule === 'no-restricted-imports' && /adapters/.test(x.message)), JSON.stringify(m));
  });
  it('allows the same imports in the adapters and the CLI', async () => {
    assert.deepEqual(await lint('src/vscode/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n"), []);
    assert.deepEqual(await lint('src/cli/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"), []);
  });
  it('accepts pure core code', async () => {
    assert.deepEqual(await lint('src/core/probe.ts', "import { Dim } from './shapes/dim';\nexport const d = Dim.sym('n');\n"), []);
  });
});
