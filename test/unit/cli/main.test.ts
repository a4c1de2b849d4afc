// The CLI's exit statuses and streams: usage and input problems give exit 2, ONE line on stderr
// and nothing at all on stdout; help and version go to stdout with exit 0.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, example, type Run } from './run';

function failsCleanly(r: Run, pattern: RegExp) {
  assert.equal(r.code, 2, `exit status (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, /^attention-tutor: [^\n]+\n$/, 'exactly one line on stderr');
  assert.match(r.stderr, pattern);
}

describe('cli: main() exit statuses and messages', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-tutor-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the usage with --help', async () => {
    const r = await cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /attention-tutor trace FILE \[--json\] \[--values\]/);
    assert.match(r.stdout, /attention-tutor explain FILE --line N \[--json\]/);
    assert.match(r.stdout, /attention-tutor eval EXPRESSION \[--json\]/);
    assert.equal(r.stderr, '');
  });
  it('prints the manifest version with --version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await cli('--version');
    assert.deepEqual(r, { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
  it('missing file', async () => failsCleanly(await cli('trace', path.join(tmp, 'absent.py')), /absent\.py: cannot read: no such file/));
  it('unreadable file (a directory named like a source file)', async () => {
    const dir = path.join(tmp, 'folder.py');
    fs.mkdirSync(dir);
    failsCleanly(await cli('trace', dir, '--json'), /folder\.py: is a directory/);
  });
  it('unknown extension', async () => {
    const f = path.join(tmp, 'notes.txt');
    fs.writeFileSync(f, 'Q = X @ W_Q\n');
    failsCleanly(await cli('trace', f), /unsupported file type '\.txt': expected \.py, \.ts or \.ipynb/);
    failsCleanly(await cli('explain', path.join(tmp, 'Makefile'), '--line', '1'), /unsupported file type '\(none\)'/);
  });
  it('bad flag', async () => failsCleanly(await cli('trace', example('tp4/exercise1.py'), '--valeurs'), /unknown option --valeurs/));
  it('missing --line', async () => failsCleanly(await cli('explain', example('tp4/exercise1.py')), /needs --line N/));
  it('invalid --line', async () => {
    failsCleanly(await cli('explain', example('tp4/exercise1.py'), '--line', 'douze'), /--line must be a positive integer/);
    failsCleanly(await cli('explain', example('tp4/exercise1.py'), '--line', '0'), /--line must be a positive integer/);
  });
  it('--line past the end of the file', async () => {
    const lines = fs.readFileSync(example('tp4/exercise1.py'), 'utf8').split('\n').length;
    failsCleanly(await cli('explain', example('tp4/exercise1.py'), '--line', String(lines + 5)), new RegExp(`past the end of the file \\(${lines} lines\\)`));
  });
  it('checks the input before anything else: a missing file beats a missing core part', async () => {
    failsCleanly(await cli('explain', path.join(tmp, 'gone.py'), '--line', '3'), /gone\.py: cannot read/);
  });
  it('an invalid notebook is an input problem', async () => {
    const f = path.join(tmp, 'broken.ipynb');
    fs.writeFileSync(f, '{"cells": [');
    failsCleanly(await cli('trace', f), /broken\.ipynb: not a readable notebook: not a notebook: invalid JSON/);
    fs.writeFileSync(f, '{"nbformat": 4, "cells": "none"}');
    failsCleanly(await cli('trace', f, '--json'), /broken\.ipynb: not a readable notebook/);
  });
});
