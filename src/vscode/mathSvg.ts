// Formulas in hovers. VS Code's Markdown hovers render neither KaTeX nor any math syntax (the core
// renderer only sanitises Markdown + a little HTML; math is a markdown-preview / notebook feature),
// so a formula is typeset to SVG by MathJax (pure JS: node and web worker alike) and shown as a
// data: URI image, the approach LaTeX Workshop uses. MathJax loads on first use only.

import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { BaseConfiguration } from 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import { AmsConfiguration } from 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';

type Converter = (tex: string) => string;
let converter: Converter | undefined;

function init(): Converter {
  // referencing the configurations keeps the bundler from dropping the packages the TeX input uses
  void BaseConfiguration;
  void AmsConfiguration;
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const doc = mathjax.document('', {
    InputJax: new TeX({ packages: ['base', 'ams'] }),
    OutputJax: new SVG({ fontCache: 'none' }),
  });
  return (tex) => adaptor.innerHTML(doc.convert(tex, { display: true }) as never);
}

/** 1ex in CSS pixels at the hover's font size (13–14px editor font) */
const EX_PX = 7.5;

/**
 * The formula as an SVG data: URI, drawn in `color` (an <img> does not inherit the theme's
 * text colour), or undefined when MathJax cannot typeset it.
 */
export function texToSvgDataUri(tex: string, color: string): string | undefined {
  try {
    converter ??= init();
    let svg = converter(tex);
    if (!svg.startsWith('<svg') || svg.includes('data-mjx-error')) return undefined;
    svg = svg
      .replace(/currentColor/g, color)
      .replace(/(width|height)="([\d.]+)ex"/g, (_, attr: string, n: string) => `${attr}="${(Number(n) * EX_PX).toFixed(1)}px"`)
      .replace(/ style="[^"]*"/, '');
    return `data:image/svg+xml;base64,${toBase64(svg)}`;
  } catch {
    return undefined;
  }
}

/** base64 of UTF-8 text without node's Buffer (the web build has none) */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
