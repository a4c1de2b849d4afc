// The tracer's figures on a generated realistic 1,000-line numpy file: parse alone, a whole
// trace, and a re-trace after a one-line edit (traceIncremental) as p50 / p95. Targets: trace
// within 2× the parse, re-trace ≤ 10 ms p95. Prints figures; never fails on time.
// Run: npx tsx test/bench/trace.bench.ts
import { parsePython, editFromChange } from '../../src/core/parse/python';
import { trace, traceIncremental } from '../../src/core/trace';
import { Interp } from '../../src/core/interp/context';
import { runFrom, traceUncalled } from '../../src/core/interp/run';
import { loadParsers } from '../unit/helpers';
import { figure, measure, section, stats } from './run.measure';
import { numpyProgram } from './run.numpy1000';

export default async function traceBench(): Promise<void> {
  await loadParsers();
  const source = numpyProgram(1000);
  section('Tracer (1,000-line numpy file)');
  const parse = await measure('parse (tree-sitter + lowering to IR)', () => parsePython(source).tree.delete(), { runs: 20 });
  const full = await measure('trace (parse + interpret + formulas + lints)', () => trace(source, 'python', { budgetMs: 5000 }), { runs: 10 });
  figure('trace / parse', (full.median / parse.median).toFixed(2), '×', 'target ≤ 2×');
  // the interpreter alone (parse done once): what the tracer itself adds to the parse
  const { program } = parsePython(source);
  await measure('interpret only (statements, uncalled functions, bindings)', () => {
    const it = new Interp(program, source, 'python', { budgetMs: 5000, maxElements: 1e6, maxLoopIterations: 5000 });
    runFrom(it, program.body, 0, []);
    traceUncalled(it);
    return it.recorder.finish(new Set());
  }, { runs: 20 });
  const t = trace(source, 'python', { budgetMs: 5000 });
  figure('bindings / diagnostics / budget exceeded', `${t.bindings.length} / ${t.diagnostics.length} / ${t.stats.budgetExceeded}`);

  // one-line edits spread over the file, each re-traced from the previous trace
  const lines = source.split('\n');
  const editable = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^[A-Za-z_]\w* = /.test(l));
  let prev = trace(source, 'python', { budgetMs: 5000 });
  let text = source;
  const samples: number[] = [];
  for (let k = 0; k < 40; k++) {
    const { i } = editable[Math.floor(((k + 0.5) / 40) * editable.length)];
    const lineStart = text.split('\n').slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
    const lineText = text.split('\n')[i];
    // append a harmless term to the right-hand side, as someone typing would
    const insertAt = lineStart + lineText.length;
    const ins = k % 2 ? ' + 0' : ' * 1';
    const edit = editFromChange(text, insertAt, insertAt, ins);
    const next = text.slice(0, insertAt) + ins + text.slice(insertAt);
    const t0 = performance.now();
    prev = traceIncremental(prev, next, edit);
    samples.push(performance.now() - t0);
    text = next;
  }
  const s = stats('incremental re-trace after a one-line edit', samples);
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  figure('incremental re-trace p50', s.median, 'ms', 'edits spread over the whole file');
  figure('incremental re-trace p95', p95, 'ms', 'target ≤ 10 ms');
}

if (require.main === module) void traceBench();
