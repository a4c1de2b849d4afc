// attention-tutor: the command line of the CLI contract (trace / explain / eval). Argument
// handling and output only — every answer comes from the same core functions as the editor.
// Output is assembled first and written once, so a failure never leaves half a result on stdout.

import { version } from '../../package.json';
import { parseArgs, USAGE, UsageError } from './args';
import { EXIT, InputError } from './errors';

export { EXIT };

interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** The commands and the whole core behind them, required on first use only. */
function commands(): typeof import('./commands') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose: start-up time
  return require('./commands') as typeof import('./commands');
}

/** Runs the CLI on argv (without node and the script); returns the exit status. */
export async function main(argv: string[], io: Streams = process): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    let result: { out: string; code: number };
    switch (cmd.kind) {
      case 'help':
        result = { out: `${USAGE}\n`, code: EXIT.ok };
        break;
      case 'version':
        result = { out: `${version}\n`, code: EXIT.ok };
        break;
      case 'trace':
        result = await commands().runTrace(cmd);
        break;
      case 'explain':
        result = await commands().runExplain(cmd);
        break;
      case 'eval':
        result = await commands().runEval(cmd);
        break;
    }
    io.stdout.write(result.out);
    return result.code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr.write(`attention-tutor: ${e.message}\n`);
      return EXIT.usage;
    }
    // A bug of ours: still one line, still nothing on stdout, and a distinct hint to report it.
    io.stderr.write(`attention-tutor: internal error: ${(e as Error)?.message ?? String(e)} (please report it)\n`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
