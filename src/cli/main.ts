// attention-tutor: the command line of the CLI contract (trace / explain / eval). Argument
// handling and output only — every answer comes from the same core functions as the editor.
// Output is assembled first and written once, so a failure never leaves half a result on stdout.

import { basename } from 'node:path';
import { version } from '../../package.json';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { evalJson, explainJson, startParsers, trace, type EvalJson, type ExplainJson } from './core';
import { formatBindings, formatDiagnostics, formatValue } from './format';
import { InputError, readInput } from './input';
import { traceJson } from './json';
import { KNOWN_FORMULAS } from '../core/explain';

export interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Exit statuses of the contract. */
export const EXIT = { ok: 0, foundError: 1, usage: 2 } as const;

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

async function runTrace(cmd: Extract<Command, { kind: 'trace' }>): Promise<{ out: string; code: number }> {
  const input = readInput(cmd.file);
  await startParsers();
  const t = trace(input.source, input.language);
  const code = t.diagnostics.some((d) => d.severity === 'error') ? EXIT.foundError : EXIT.ok;
  if (cmd.json) return { out: json(traceJson(basename(cmd.file), t, cmd.values)), code };
  const lines = [...formatBindings(t, cmd.values), ...formatDiagnostics(cmd.file, t)];
  return { out: lines.length ? `${lines.join('\n')}\n` : '', code };
}

function explainText(e: ExplainJson): string {
  const lines = [`${e.formula} (line ${e.line})`];
  e.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.title}`, `     ${s.latex}`);
    if (s.value !== undefined) lines.push(`     = ${formatValue(s.value)}`);
  });
  const shape = e.result.shape ? `(${e.result.shape.join(', ')}${e.result.shape.length === 1 ? ',' : ''})` : '?';
  lines.push(`result ${shape}${e.result.value !== undefined ? ` = ${formatValue(e.result.value)}` : ''}`);
  return `${lines.join('\n')}\n`;
}

async function runExplain(cmd: Extract<Command, { kind: 'explain' }>): Promise<{ out: string; code: number }> {
  const input = readInput(cmd.file);
  const lineCount = input.source.split('\n').length;
  if (cmd.line > lineCount) throw new UsageError(`${cmd.file}: --line ${cmd.line} is past the end of the file (${lineCount} lines)`);
  await startParsers();
  const e = explainJson(trace(input.source, input.language), cmd.line);
  if (!e) {
    throw new UsageError(`${cmd.file}:${cmd.line}: no formula recognised on this line; known formulas: ${KNOWN_FORMULAS.join(', ')}`);
  }
  return { out: cmd.json ? json(e) : explainText(e), code: EXIT.ok };
}

function evalText(r: EvalJson): string {
  const steps = r.steps.map((s) => `  ${s.title}: ${s.latex}${s.value !== undefined ? ` = ${formatValue(s.value)}` : ''}`);
  return `${[formatValue(r.value, 4000), ...steps].join('\n')}\n`;
}

async function runEval(cmd: Extract<Command, { kind: 'eval' }>): Promise<{ out: string; code: number }> {
  let r: EvalJson;
  try {
    r = evalJson(cmd.expression);
  } catch (e) {
    // The engine's own message (syntax error, unknown function, shapes that do not fit) is the answer.
    throw new UsageError(`eval: ${(e as Error).message.split('\n')[0]}`);
  }
  return { out: cmd.json ? json(r) : evalText(r), code: EXIT.ok };
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
        result = await runTrace(cmd);
        break;
      case 'explain':
        result = await runExplain(cmd);
        break;
      case 'eval':
        result = await runEval(cmd);
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
