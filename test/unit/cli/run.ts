// Helpers of the CLI tests: run main() in-process with captured streams, or spawn the bundle.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

export const root = path.resolve(__dirname, '..', '..', '..');
export const example = (rel: string) => path.join(root, 'examples', rel);

export interface Run { code: number; stdout: string; stderr: string }

export async function cli(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

export function spawnCli(...argv: string[]): Run {
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...argv], { encoding: 'utf8', cwd: root });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
