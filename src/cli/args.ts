// Argument parsing for the attention-tutor command line (see the CLI contract). Pure: turns argv
// into a typed command or a UsageError carrying the one-line message the user sees.

export type Command =
  | { kind: 'trace'; file: string; json: boolean; values: boolean }
  | { kind: 'explain'; file: string; line: number; json: boolean }
  | { kind: 'eval'; expression: string; json: boolean }
  | { kind: 'help' }
  | { kind: 'version' };

/** A usage problem: exit status 2 and `message` on stderr. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  attention-tutor trace FILE [--json] [--values]   shapes (and values) of every binding, and diagnostics
  attention-tutor explain FILE --line N [--json]   derive the formula at line N step by step
  attention-tutor eval EXPRESSION [--json]         evaluate an expression in the tutor's engine
  attention-tutor --help | --version

FILE is a .py, .ts or .ipynb file. The program is read, never run.
Exit status: 0 success, 1 the trace found an error, 2 usage or input problem.`;

interface Spec {
  /** flags without a value */
  switches: readonly string[];
  /** flags that take a value */
  valued: readonly string[];
}

const SPECS: Record<'trace' | 'explain' | 'eval', Spec> = {
  trace: { switches: ['--json', '--values'], valued: [] },
  explain: { switches: ['--json'], valued: ['--line'] },
  eval: { switches: ['--json'], valued: [] },
};

/** Splits one subcommand's arguments into flags and positionals, rejecting anything unknown. */
function split(cmd: keyof typeof SPECS, args: string[]): { flags: Map<string, string | true>; positionals: string[] } {
  const spec = SPECS[cmd];
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // `--` ends the flags, so an expression may start with a minus sign: eval -- "-[1, 2]"
    if (!onlyPositionals && a === '--') {
      onlyPositionals = true;
      continue;
    }
    // A lone "-" or a negative number is a positional (eval "-1"), not a flag.
    if (onlyPositionals || !a.startsWith('-') || a === '-' || /^-[\d.]/.test(a)) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (spec.switches.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.set(name, true);
    } else if (spec.valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else {
      const known = [...spec.switches, ...spec.valued].join(', ');
      throw new UsageError(`unknown option ${name} for '${cmd}' (options: ${known})`);
    }
  }
  return { flags, positionals };
}

function onePositional(cmd: string, what: string, positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(`'${cmd}' needs ${what}`);
  if (positionals.length > 1) throw new UsageError(`'${cmd}' takes one ${what}, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

/** 1-based line number: digits only, so "3.5", "0", "-1" and "12abc" are all rejected. */
function parseLine(raw: string | true | undefined): number {
  if (raw === undefined) throw new UsageError(`'explain' needs --line N (the 1-based line of the formula)`);
  if (raw === true || !/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`--line must be a positive integer (1-based line number), got '${raw}'`);
  }
  return Number(raw);
}

export function parseArgs(argv: string[]): Command {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      throw new UsageError(`missing command: trace, explain or eval (see attention-tutor --help)`);
    case '--help':
    case '-h':
    case 'help':
      return { kind: 'help' };
    case '--version':
    case '-V':
      return { kind: 'version' };
    case 'trace': {
      const { flags, positionals } = split('trace', rest);
      return { kind: 'trace', file: onePositional('trace', 'FILE', positionals), json: flags.has('--json'), values: flags.has('--values') };
    }
    case 'explain': {
      const { flags, positionals } = split('explain', rest);
      const file = onePositional('explain', 'FILE', positionals);
      return { kind: 'explain', file, line: parseLine(flags.get('--line')), json: flags.has('--json') };
    }
    case 'eval': {
      const { flags, positionals } = split('eval', rest);
      const expression = onePositional('eval', 'EXPRESSION (quote it)', positionals);
      if (expression.trim() === '') throw new UsageError(`'eval' needs a non-empty EXPRESSION`);
      return { kind: 'eval', expression, json: flags.has('--json') };
    }
    default:
      throw new UsageError(
        cmd.startsWith('-') ? `unknown option ${cmd} (see attention-tutor --help)` : `unknown command '${cmd}': use trace, explain or eval`,
      );
  }
}
