// The tutor panel's HTML shell: a strict CSP (no inline script or style, no eval), one nonce'd
// script, stylesheets from dist/ only. Data never goes into the HTML: it arrives by postMessage.

import * as vscode from 'vscode';

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  const dist = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', ...p)).toString();
  const nonce = makeNonce();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // the nonce lets the toolkit (FAST) probe :focus-visible support with a <style> element it
    // tags with the csp-nonce meta below; inline style attributes stay blocked
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${dist('webview', 'katex', 'katex.min.css')}">
<link rel="stylesheet" href="${dist('webview', 'main.css')}">
<title>Attention Tutor</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${dist('webview', 'main.js')}"></script>
</body>
</html>`;
}
