// The tutor's language: VS Code's display language, or the one `attentionTutor.language` forces.
// UI strings go through vscode.l10n when they follow the display language; when a language is
// forced, the same bundle (l10n/bundle.l10n.<lang>.json) is read and applied here.

import * as vscode from 'vscode';
import type { L10nText } from '../core/values';
import type { LanguageSetting } from './settings';

type Locale = 'en' | 'fr';

const format = (template: string, args: (string | number)[]): string =>
  template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));

export class Localizer {
  private frBundle: Record<string, string> = {};
  private setting: LanguageSetting = 'auto';

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Load the French bundle once, through vscode.workspace.fs so the web build can read it too. */
  async init(setting: LanguageSetting): Promise<void> {
    this.setting = setting;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'l10n', 'bundle.l10n.fr.json'));
      this.frBundle = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      this.frBundle = {};
    }
  }

  setSetting(setting: LanguageSetting): void {
    this.setting = setting;
  }

  get displayLocale(): Locale {
    return vscode.env.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  get locale(): Locale {
    return this.setting === 'auto' ? this.displayLocale : this.setting;
  }

  /** A UI string: the English text is the key of the bundles, `{0}` its arguments. */
  t(message: string, ...args: (string | number)[]): string {
    if (this.setting === 'auto') return vscode.l10n.t(message, ...args);
    return format(this.locale === 'fr' ? (this.frBundle[message] ?? message) : message, args);
  }

  /** Bilingual text from the core, in the current language. */
  pick(text: L10nText | undefined): string {
    return text ? text[this.locale] : '';
  }
}
