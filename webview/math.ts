// KaTeX under the panel's strict CSP: katex.render writes DOM nodes whose styles are set through
// the CSSOM (allowed), never an HTML string with inline style attributes (blocked).
import katex from 'katex';

export function tex(latex: string, display: boolean): HTMLElement {
  const el = document.createElement(display ? 'div' : 'span');
  el.className = display ? 'math display' : 'math';
  try {
    katex.render(latex, el, { displayMode: display, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
  } catch {
    el.textContent = latex;
  }
  return el;
}
