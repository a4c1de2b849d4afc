// package.json's `contributes` against the typed mirrors in src/vscode (settings.ts, commands.ts),
// and the NLS files: every %key% has an English and a French text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, SETTING_ENUMS, SETTINGS_SECTION, flattenSettings, readSettings } from '../../../src/vscode/settings';
import { ALL_COMMANDS, INTERNAL_COMMANDS } from '../../../src/vscode/commands';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nlsEn: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const nlsFr: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.fr.json'), 'utf8'));
const props: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

describe('settings: interface ⇄ package.json', () => {
  const flat = flattenSettings();
  it('declares exactly the keys of the Settings interface', () => {
    const declared = Object.keys(props).map((k) => k.replace(`${SETTINGS_SECTION}.`, ''));
    assert.deepEqual([...declared].sort(), [...flat.keys()].sort());
  });
  for (const [key, def] of flattenSettings()) {
    it(`${key}: same type, default, enum and bounds`, () => {
      const p = props[`${SETTINGS_SECTION}.${key}`];
      const jsonType = typeof def === 'number' ? (Number.isInteger(def) ? 'integer' : 'number') : typeof def;
      assert.equal(p.type, jsonType);
      assert.deepEqual(p.default, def);
      assert.deepEqual(p.enum, SETTING_ENUMS[key]);
      assert.equal(p.minimum, SETTING_BOUNDS[key]?.minimum);
      assert.equal(p.maximum, SETTING_BOUNDS[key]?.maximum);
    });
  }
  it('reads a configuration, falling back on defaults for bad values and clamping numbers', () => {
    const values: Record<string, unknown> = { 'hover.decimals': 99, language: 'de', 'inlayHints.scalars': true, 'trace.budgetMs': '5' };
    const s = readSettings({ get: <T>(k: string) => values[k] as T | undefined });
    assert.equal(s.hover.decimals, 16);
    assert.equal(s.language, 'auto');
    assert.equal(s.inlayHints.scalars, true);
    assert.equal(s.trace.budgetMs, DEFAULT_SETTINGS.trace.budgetMs);
  });
});

describe('commands: enum ⇄ package.json', () => {
  it('contributes exactly the Command ids', () => {
    const ids: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual([...ids].sort(), [...ALL_COMMANDS].sort());
  });
  it('hides the commands that need arguments from the palette', () => {
    const hidden = pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
    assert.deepEqual([...hidden].sort(), [...INTERNAL_COMMANDS].sort());
  });
});

describe('package.nls', () => {
  const refs = JSON.stringify(pkg.contributes).match(/%[A-Za-z0-9_.]+%/g) ?? [];
  it('has an English and a French text for every %key% of contributes', () => {
    assert.ok(refs.length > 20);
    for (const r of refs) {
      const k = r.slice(1, -1);
      assert.ok(nlsEn[k], `package.nls.json lacks ${k}`);
      assert.ok(nlsFr[k], `package.nls.fr.json lacks ${k}`);
    }
  });
  it('has the same keys in both languages and translates them', () => {
    assert.deepEqual(Object.keys(nlsFr).sort(), Object.keys(nlsEn).sort());
    assert.equal(nlsFr['walkthrough.tp4.title'], "TP4 : l'attention pas à pas");
    const same = Object.keys(nlsEn).filter((k) => nlsEn[k] === nlsFr[k]);
    assert.deepEqual(same, []);
  });
  it('points the walkthrough at markdown files that exist', () => {
    for (const w of pkg.contributes.walkthroughs)
      for (const s of w.steps) assert.ok(fs.existsSync(path.join(root, s.media.markdown)), s.media.markdown);
  });
});
