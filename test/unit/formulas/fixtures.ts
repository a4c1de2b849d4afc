// Loading the formula fixtures: traced once each, with their `# formula:` / `# lint:`
// annotations and numpy's goldens (test/fixtures/formulas/make_goldens.py).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';
import { trace } from '../../../src/core/trace';
import type { Trace } from '../../../src/core/types';
import goldens from '../../fixtures/formulas/goldens.json';

export const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'formulas');

export interface Fixture {
  name: string;
  source: string;
  trace: Trace;
  formulas: Map<number, string>;
  lints: Map<number, string>;
  golden: { lines: Record<string, { target: string; value: unknown }>; finals: Record<string, unknown> };
}

const cache = new Map<string, Fixture>();

export function annotations(source: string, tag: string): Map<number, string> {
  const m = new Map<number, string>();
  source.split('\n').forEach((l, i) => {
    const a = new RegExp(`#\\s*${tag}:\\s*([\\w-]+)`).exec(l);
    if (a) m.set(i + 1, a[1]);
  });
  return m;
}

export function fixture(name: string, dir = FIXTURES): Fixture {
  const file = path.join(dir, name);
  let f = cache.get(file);
  if (!f) {
    const source = fs.readFileSync(file, 'utf8');
    const g = (goldens.files as Record<string, Fixture['golden']>)[name] ?? { lines: {}, finals: {} };
    f = { name, source, trace: trace(source, 'python'), formulas: annotations(source, 'formula'), lints: annotations(source, 'lint'), golden: g };
    cache.set(file, f);
  }
  return f;
}

export const FIXTURE_NAMES = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.py') && n !== 'make_goldens.py').sort();
