// The built bundle dist/cli.js as users run it: a real process, real exit statuses and streams.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root, spawnCli } from './run';

describe('cli: dist/cli.js as a process', function () {
  this.timeout(60_000);
  before(() => {
    // `npm test` builds first; a lone `npx mocha test/unit/cli` builds here.
    if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'ignore' });
  });

  it('is an executable node script', () => {
    const cli = path.join(root, 'dist', 'cli.js');
    assert.match(fs.readFileSync(cli, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node$/);
    assert.ok(fs.statSync(cli).mode & 0o111, 'executable bit');
    assert.equal(execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
  it('exits 2 with one stderr line and empty stdout on a missing file', () => {
    const r = spawnCli('trace', 'no/such/file.py', '--json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'attention-tutor: no/such/file.py: cannot read: no such file\n');
  });
  it('exits 2 on a bad flag', () => {
    const r = spawnCli('eval', '[1, 2]', '--line', '3');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^attention-tutor: unknown option --line for 'eval'/);
  });
});
