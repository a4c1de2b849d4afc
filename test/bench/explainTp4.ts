// `explain` of TP4 exercise 1's softmax line end to end (trace + recognise + derive), timed
// after warm-up; imported by engine.bench.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadParsers } from '../unit/helpers';
import { trace } from '../../src/core/trace';
import { explainJson } from '../../src/core/explain';

export async function explainTp4Line(): Promise<number> {
  await loadParsers();
  const src = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'tp4', 'exercise1.py'), 'utf8');
  const line = src.split('\n').findIndex((l) => l.startsWith('poids =')) + 1;
  const run = () => {
    const j = explainJson(trace(src, 'python'), line);
    if (!j || j.formula !== 'softmax') throw new Error(`no softmax at line ${line}`);
  };
  for (let i = 0; i < 10; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
