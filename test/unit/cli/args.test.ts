// Argument handling of the CLI contract: every accepted form, and one clear message per misuse.
import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../src/cli/args';

const rejects = (argv: string[], pattern: RegExp) => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && pattern.test(e.message));

describe('cli: parseArgs', () => {
  it('reads trace with its switches in any order', () => {
    assert.deepEqual(parseArgs(['trace', 'a.py']), { kind: 'trace', file: 'a.py', json: false, values: false });
    assert.deepEqual(parseArgs(['trace', '--values', 'a.py', '--json']), { kind: 'trace', file: 'a.py', json: true, values: true });
  });
  it('reads explain --line N and --line=N', () => {
    assert.deepEqual(parseArgs(['explain', 'a.py', '--line', '12']), { kind: 'explain', file: 'a.py', line: 12, json: false });
    assert.deepEqual(parseArgs(['explain', '--line=3', '--json', 'a.ts']), { kind: 'explain', file: 'a.ts', line: 3, json: true });
  });
  it('reads eval, including expressions that start with a minus sign', () => {
    assert.deepEqual(parseArgs(['eval', 'softmax([2, 1, 0])', '--json']), { kind: 'eval', expression: 'softmax([2, 1, 0])', json: true });
    assert.deepEqual(parseArgs(['eval', '-1']), { kind: 'eval', expression: '-1', json: false });
    assert.deepEqual(parseArgs(['eval', '--', '-[1, 2]']), { kind: 'eval', expression: '-[1, 2]', json: false });
  });
  it('knows --help and --version', () => {
    assert.equal(parseArgs(['--help']).kind, 'help');
    assert.equal(parseArgs(['--version']).kind, 'version');
  });
  it('rejects a missing or unknown command', () => {
    rejects([], /missing command/);
    rejects(['trase', 'a.py'], /unknown command 'trase'/);
    rejects(['--jsn'], /unknown option --jsn/);
  });
  it('rejects bad flags, naming the ones that exist', () => {
    rejects(['trace', 'a.py', '--bogus'], /unknown option --bogus for 'trace' \(options: --json, --values\)/);
    rejects(['eval', '1', '--values'], /unknown option --values for 'eval'/);
    rejects(['trace', 'a.py', '--json=yes'], /--json takes no value/);
  });
  it('rejects a missing FILE or extra positionals', () => {
    rejects(['trace'], /'trace' needs FILE/);
    rejects(['trace', 'a.py', 'b.py'], /takes one FILE, got 2/);
    rejects(['eval'], /needs EXPRESSION/);
    rejects(['eval', '   '], /non-empty EXPRESSION/);
  });
  it('rejects a missing or invalid --line', () => {
    rejects(['explain', 'a.py'], /needs --line N/);
    rejects(['explain', 'a.py', '--line'], /--line needs a value/);
    for (const bad of ['0', '-1', '3.5', '12abc', 'x', '1e3']) {
      rejects(['explain', 'a.py', `--line=${bad}`], /--line must be a positive integer/);
    }
  });
});
