// Every UI string the extension passes to t() has its entry in l10n/bundle.l10n.json and a French
// translation in l10n/bundle.l10n.fr.json with the same {n} placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const dir = path.join(repoRoot, 'src', 'vscode');
const sources = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
const used = new Set<string>();
for (const f of sources) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const m of text.matchAll(/\bt\((['`])((?:[^'`\\]|\\.)+)\1/g)) used.add(m[2].replace(/\\'/g, "'"));
}
const en: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.json'), 'utf8'));
const fr: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.fr.json'), 'utf8'));
const holes = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('l10n bundles', () => {
  it('finds the UI strings of src/vscode', () => assert.ok(used.size > 20, `only ${used.size} strings found`));
  it('has every UI string in the English and French bundles', () => {
    const missing = [...used].filter((k) => !(k in en) || !(k in fr));
    assert.deepEqual(missing, []);
  });
  it('has no stale entry', () => {
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });
  it('keeps the placeholders in the French text', () => {
    for (const k of Object.keys(fr)) assert.deepEqual(holes(fr[k]), holes(k), k);
  });
});
