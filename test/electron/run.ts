// `npm run test:electron`: the same in-host suites (test/integration) in a desktop VS Code that
// @vscode/test-electron downloads — for machines that can reach update.code.visualstudio.com.
// CI runs them in code-server instead (npm run test:e2e), which needs no download.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist', 'test', 'integration', 'index.js'),
      // examples/ as the workspace, other extensions off so only ours answers the providers
      launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { ATTENTION_TUTOR_TEST_RESULTS: path.join(root, 'test', 'e2e', 'out', 'electron-results.json') },
    });
  } catch (e) {
    console.error(`test:electron: ${(e as Error).message}`);
    process.exit(1);
  }
}

void main();
