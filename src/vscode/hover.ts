// Hover: a binding's or an expression's shape and dtype, its values as numpy prints them when the
// array is small, and on a formula line the formula itself, typeset (see mathSvg.ts for why an image).

import * as vscode from 'vscode';
import { Shape } from '../core/shapes/dim';
import type { DType, Value } from '../core/values';
import { Command } from './commands';
import { FORMULA_NAMES } from './dto';
import { derivationAtLine } from './explainer';
import { reprValue } from './format/numpyRepr';
import type { Localizer } from './l10n';
import { texToSvgDataUri } from './mathSvg';
import type { Settings } from './settings';
import type { TraceService } from './traceService';
import { bindingAt, exprAt, formulaAt, textOf } from './traceQuery';

function themeInk(): string {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Dark:
      return '#d4d4d4';
    case vscode.ColorThemeKind.HighContrast:
      return '#ffffff';
    case vscode.ColorThemeKind.HighContrastLight:
      return '#000000';
    default:
      return '#1f1f1f';
  }
}

interface Described {
  shape: Shape | null;
  dtype: DType | string | null;
  value?: Value;
}

function describe(v: Value): Described {
  switch (v.kind) {
    case 'array':
      return { shape: v.shape, dtype: v.dtype, value: v };
    case 'int':
      return { shape: [], dtype: 'int', value: v };
    case 'float':
      return { shape: [], dtype: 'float', value: v };
    case 'bool':
      return { shape: [], dtype: 'bool', value: v };
    default:
      return { shape: null, dtype: v.kind };
  }
}

export class TutorHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly traces: TraceService,
    private readonly settings: () => Settings,
    private readonly l10n: Localizer,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const result = await this.traces.get(doc);
    if (!result || token.isCancellationRequested) return undefined;
    const { trace, source } = result;
    const at = source.toCore(doc, pos);
    if (!at) return undefined;
    const { t } = this;
    const s = this.settings();

    let title: string;
    let described: Described | undefined;
    let why: string | undefined;
    let range: vscode.Range | undefined;
    let count = 1;
    const binding = bindingAt(trace, at.line, at.col);
    if (binding) {
      title = binding.name;
      described = { shape: binding.shape, dtype: binding.dtype, value: binding.value };
      why = binding.why && this.l10n.pick(binding.why);
      count = binding.count;
      range = source.fromCore(binding.loc)?.range;
    } else {
      const hit = exprAt(trace, at.line, at.col);
      if (!hit) return undefined;
      title = textOf(source.text, hit.expr.loc).replace(/\s+/g, ' ');
      if (title.length > 60) title = title.slice(0, 57) + '…';
      described = describe(hit.value);
      why = hit.value.kind === 'array' || hit.value.kind === 'unknown' ? this.l10n.pick(hit.value.why) : undefined;
      range = source.fromCore(hit.expr.loc)?.range;
    }

    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [Command.Explain] };
    const shapeText = described.shape ? Shape.format(described.shape) : t('unknown shape');
    md.appendMarkdown(`**${escape(title)}** · \`${shapeText}\``);
    if (described.dtype) md.appendMarkdown(` · \`${described.dtype}\``);
    if (count > 1) md.appendMarkdown(` · ${t('ran {0} times', count)}`);
    md.appendMarkdown('\n\n');
    if (why) md.appendMarkdown(`$(info) ${escape(why)}\n\n`);

    if (s.hover.values && described.value) {
      const size = described.shape ? Shape.size(described.shape) : undefined;
      if (size !== undefined && size > s.hover.maxElements) {
        md.appendMarkdown(`_${t('{0} elements: values hidden (more than {1}, see attentionTutor.hover.maxElements)', size, s.hover.maxElements)}_\n\n`);
      } else {
        const repr = reprValue(described.value, { precision: s.hover.decimals });
        if (repr !== undefined) md.appendCodeblock(repr, 'python');
      }
    }

    const formula = formulaAt(trace, at.line);
    if (formula) {
      const name = this.l10n.pick(FORMULA_NAMES[formula.kind]);
      const d = derivationAtLine(trace, formula.line);
      const uri = d && texToSvgDataUri(d.general, themeInk());
      md.appendMarkdown(`---\n\n**${escape(name)}**\n\n`);
      if (uri) md.appendMarkdown(`![${escape(name)}](${uri})\n\n`);
      const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), pos.line]));
      md.appendMarkdown(`[$(mortar-board) ${t('Explain step by step')}](command:${Command.Explain}?${args})`);
    }
    return new vscode.Hover(md, range);
  }

  private t = (m: string, ...a: (string | number)[]): string => this.l10n.t(m, ...a);
}

const escape = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
