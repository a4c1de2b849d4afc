// Every string the tutor panel shows, localized on the extension side (the webview has no
// vscode.l10n) and sent with the `init` / `locale` messages.

import type { Localizer } from './l10n';

export function panelStrings(l: Localizer): Record<string, string> {
  return {
    title: l.t('Attention Tutor'),
    waiting: l.t('Click Explain above a formula, or select an expression and run Explain selection.'),
    general: l.t('Formula'),
    steps: l.t('Step by step'),
    result: l.t('Result'),
    heatmaps: l.t('Heatmaps'),
    slice: l.t('Slice'),
    axis: l.t('axis {0}', '{0}'),
    head: l.t('head'),
    batch: l.t('batch'),
    rows: l.t('rows: queries'),
    cols: l.t('columns: keys'),
    clickCell: l.t('Click a cell to see its scalar computation.'),
    cell: l.t('Entry {0}', '{0}'),
    line: l.t('line {0}', '{0}'),
    reveal: l.t('Show in editor'),
    shape: l.t('shape'),
    unknownValue: l.t('value not determined without running the code'),
    explanation: l.t('Explanation'),
    updated: l.t('Updated in {0} ms', '{0}'),
  };
}
