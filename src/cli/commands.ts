// The three commands of the CLI contract, on the core. Loaded only when one of them runs, so
// `--help`, `--version` and argument errors answer without starting the engine (mathjs and the
// op registry take most of the CLI's start-up).

import { basename } from 'node:path';
import { UsageError, type Command } from './args';
import { evalJson, explainJson, startParsers, trace, type EvalJson, type ExplainJson } from './core';
import { formatBindings, formatDiagnostics, formatValue } from './format';
import { EXIT } from './errors';
import { readInput } from './input';
import { traceJson } from './json';
import { FORMULA_KINDS as KNOWN_FORMULAS } from '../core/types';


interface Outcome {
  out: string;
  code: number;
}

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

export async function runTrace(cmd: Extract<Command, { kind: 'trace' }>): Promise<Outcome> {
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

export async function runExplain(cmd: Extract<Command, { kind: 'explain' }>): Promise<Outcome> {
  const input = readInput(cmd.file);
  const lineCount = input.source.split('\n').length;
  if (cmd.line > lineCount) throw new UsageError(`${cmd.file}: --line ${cmd.line} is past the end of the file (${lineCount} lines)`);
  await startParsers();
  const e = await explainJson(trace(input.source, input.language), cmd.line);
  if (!e) {
    throw new UsageError(`${cmd.file}:${cmd.line}: no formula recognised on this line; known formulas: ${KNOWN_FORMULAS.join(', ')}`);
  }
  return { out: cmd.json ? json(e) : explainText(e), code: EXIT.ok };
}

function evalText(r: EvalJson): string {
  const steps = r.steps.map((s) => `  ${s.title}: ${s.latex}${s.value !== undefined ? ` = ${formatValue(s.value)}` : ''}`);
  return `${[formatValue(r.value, 4000), ...steps].join('\n')}\n`;
}

export async function runEval(cmd: Extract<Command, { kind: 'eval' }>): Promise<Outcome> {
  let r: EvalJson;
  try {
    r = await evalJson(cmd.expression);
  } catch (e) {
    // The engine's own message (syntax error, unknown function, shapes that do not fit) is the answer.
    throw new UsageError(`eval: ${(e as Error).message.split('\n')[0]}`);
  }
  return { out: cmd.json ? json(r) : evalText(r), code: EXIT.ok };
}
