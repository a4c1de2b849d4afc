// Shrinks a generated program to a minimal repro of one disagreement: greedily drops top-level
// statements (a line and its indented body) while numpy still does what the program meant (runs, or
// raises on the same statement) and the trace still shows the same kind of disagreement there.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Top-level chunks of a program after its header line: [[firstLine, lastLine], ...] (0-based). */
function chunks(lines) {
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    if (/^\s/.test(lines[i]) && out.length) out[out.length - 1][1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** The 1-based line of original line `orig` (1-based) once only `kept` chunks remain, or -1. */
function mapLine(all, kept, orig) {
  let line = 2; // after the header
  for (const c of kept) {
    const [a, b] = all[c];
    if (orig - 1 >= a && orig - 1 <= b) return line + (orig - 1 - a);
    line += b - a + 1;
  }
  return -1;
}

function render(lines, all, kept, entry) {
  let header = lines[0];
  let raise = null;
  if (entry.raise) {
    const l = mapLine(all, kept, entry.raise.line);
    raise = { line: l, code: entry.raise.code };
    header = `# expect: ${entry.raise.code} line ${l}`;
  }
  const body = kept.flatMap((c) => lines.slice(all[c][0], all[c][1] + 1));
  const tags = {};
  for (const [k, v] of Object.entries(entry.tags)) {
    const l = mapLine(all, kept, Number(k));
    if (l > 0) tags[String(l)] = v;
  }
  return { source: [header, ...body].join('\n') + '\n', entry: { ...entry, raise, tags } };
}

export function minimize({ source, entry, target, dir, analyze, checkProgram, runOracle }) {
  const lines = source.replace(/\n$/, '').split('\n');
  const all = chunks(lines);
  let kept = all.map((_, i) => i);
  const work = path.join(dir, 'minimize');
  fs.mkdirSync(work, { recursive: true });
  const stillFails = (cand, res) => {
    const l = mapLine(all, cand, target.line);
    if (l < 0 || (entry.raise && mapLine(all, cand, entry.raise.line) < 0)) return false;
    const { source: src, entry: e } = res.rendered;
    const tr = analyze(src, 'python', { budgetMs: 5000 });
    const ds = checkProgram(src, e, res.numpy, tr);
    if (ds.some((d) => d.kind === 'generator')) return false;
    return ds.some((d) => d.kind === target.kind && d.line === l && (target.name === undefined || d.name === target.name));
  };
  for (let round = 0; round < 200; round++) {
    const cands = [];
    // drop halves, then quarters, ... then single chunks: big cuts first keeps the rounds few
    for (let size = Math.max(1, kept.length >> 1); ; size >>= 1) {
      for (let s = 0; s < kept.length; s += size) cands.push(kept.filter((_, i) => i < s || i >= s + size));
      if (size === 1) break;
    }
    const valid = cands.filter((c) => c.length > 0 && mapLine(all, c, target.line) > 0);
    const files = valid.map((c, i) => {
      const f = path.join(work, `c${round}_${i}.py`);
      const rendered = render(lines, all, c, entry);
      fs.writeFileSync(f, rendered.source);
      return { f, c, rendered };
    });
    if (files.length === 0) break;
    const numpy = runOracle(files.map((x) => x.f), work);
    const hit = files.find((x) => stillFails(x.c, { rendered: x.rendered, numpy: numpy.get(path.basename(x.f)) }));
    if (!hit) break;
    kept = hit.c;
  }
  return render(lines, all, kept, entry).source;
}
