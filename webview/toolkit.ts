// The ONLY module that knows the component library (@vscode/webview-ui-toolkit): the rest of the
// panel builds its UI through these functions, so replacing the toolkit (e.g. by @vscode-elements,
// its successor) changes this file alone.

import {
  provideVSCodeDesignSystem,
  vsCodeBadge,
  vsCodeButton,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeProgressRing,
} from '@vscode/webview-ui-toolkit';

let registered = false;

/** Register the custom elements once, before any is created. */
export function initToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption(), vsCodeDivider(), vsCodeBadge(), vsCodeProgressRing());
}

export function button(label: string, onClick: () => void, appearance: 'primary' | 'secondary' | 'icon' = 'secondary'): HTMLElement {
  const b = document.createElement('vscode-button');
  b.setAttribute('appearance', appearance);
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/** A drop-down of labelled choices; `onChange` gets the chosen index. */
export function dropdown(labels: string[], selected: number, onChange: (index: number) => void, ariaLabel: string): HTMLElement {
  const d = document.createElement('vscode-dropdown');
  d.setAttribute('aria-label', ariaLabel);
  labels.forEach((label, i) => {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', String(i));
    if (i === selected) o.setAttribute('selected', '');
    o.textContent = label;
    d.appendChild(o);
  });
  d.addEventListener('change', () => onChange(Number((d as HTMLElement & { value: string }).value)));
  return d;
}

export function divider(): HTMLElement {
  return document.createElement('vscode-divider');
}

export function badge(text: string): HTMLElement {
  const b = document.createElement('vscode-badge');
  b.textContent = text;
  return b;
}

export function spinner(): HTMLElement {
  return document.createElement('vscode-progress-ring');
}
