// The one LaTeX symbol table: how a name from the student's code (W_Q, d_k, scores, beta1, m_hat)
// is written in a derivation, so every step, formula and op renders names the same way and in
// the course's notation (W^{Q}, d_k, \text{scores}, \beta_1, \hat{m}).

const GREEK: Record<string, string> = {
  alpha: '\\alpha', beta: '\\beta', gamma: '\\gamma', delta: '\\delta', epsilon: '\\varepsilon',
  eps: '\\varepsilon', zeta: '\\zeta', eta: '\\eta', theta: '\\theta', iota: '\\iota', kappa: '\\kappa',
  lambda: '\\lambda', lam: '\\lambda', lmbda: '\\lambda', mu: '\\mu', nu: '\\nu', xi: '\\xi', pi: '\\pi',
  rho: '\\rho', sigma: '\\sigma', tau: '\\tau', phi: '\\phi', chi: '\\chi', psi: '\\psi', omega: '\\omega',
  Gamma: '\\Gamma', Delta: '\\Delta', Theta: '\\Theta', Lambda: '\\Lambda', Sigma: '\\Sigma',
  Phi: '\\Phi', Psi: '\\Psi', Omega: '\\Omega',
};

/** Names the course writes upright rather than as products of italic letters. */
const UPRIGHT: Record<string, string> = {
  PE: '\\mathrm{PE}', pos: '\\mathrm{pos}', lr: '\\eta', softmax: '\\mathrm{softmax}',
  exp: '\\exp', log: '\\log', sqrt: '\\sqrt', max: '\\max', mean: '\\operatorname{mean}',
};

/** Variables holding a mean, a variance or a standard deviation (as variables, not the numpy functions). */
const STATISTICS: Record<string, string> = { mean: '\\mu', moyenne: '\\mu', var: '\\sigma^{2}', variance: '\\sigma^{2}', std: '\\sigma', ecart_type: '\\sigma' };

/** Subscripts that the course writes as text: d_model → d_{\text{model}}. */
function subscript(s: string): string {
  if (/^\d+$/.test(s) || /^[a-zA-Z]$/.test(s)) return s;
  if (GREEK[s]) return GREEK[s];
  return `{\\text{${escapeText(s)}}}`;
}

/** Escape a string for use inside \text{…}. */
export function escapeText(s: string): string {
  return s.replace(/[\\{}_^#$%&~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`));
}

function base(s: string): string | undefined {
  if (/^[a-zA-Z]$/.test(s)) return s;
  if (GREEK[s]) return GREEK[s];
  if (UPRIGHT[s]) return UPRIGHT[s];
  return undefined;
}

/**
 * The LaTeX of an identifier from the code. `self.W_Q` drops the receiver; projection matrices
 * W_Q/W_K/W_V/W_O take their letter as a superscript (the course's W^Q); `beta1` → \beta_1;
 * `m_hat` → \hat{m}; any other multi-letter name is set upright as \text{…}.
 */
export function latexName(name: string): string {
  const last = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
  if (!last) return `\\text{${escapeText(name)}}`;
  // the statistics of a layer norm as the course writes them: μ, σ², σ
  if (STATISTICS[last]) return STATISTICS[last];
  const hat = /^(.+?)_?hat$/.exec(last);
  if (hat && base(hat[1])) return `\\hat{${base(hat[1])}}`;
  const proj = /^W_?([QKVO])$/i.exec(last);
  if (proj && last !== 'WO' && last !== 'wo') return `W^{${proj[1].toUpperCase()}}`;
  const simple = base(last);
  if (simple) return simple;
  // letter (or greek) followed by digits: beta1 → \beta_1, W1 → W_1, h2 → h_2
  const digits = /^([a-zA-Z]+?)_?(\d+)$/.exec(last);
  if (digits && base(digits[1])) return `${base(digits[1])}_{${digits[2]}}`;
  const parts = last.split('_');
  if (parts.length === 2 && base(parts[0]) && parts[1]) return `${base(parts[0])}_${wrapSub(subscript(parts[1]))}`;
  return `\\text{${escapeText(last)}}`;
}

function wrapSub(s: string): string {
  return s.startsWith('{') || s.length === 1 ? s : `{${s}}`;
}

/** Names of the tutor functions and numpy calls as operators (\mathrm{softmax}, \mathrm{GELU}, ...). */
const FUNCTION_TEX: Record<string, string> = {
  softmax: '\\mathrm{softmax}', scaled_scores: '\\mathrm{scores}', attention: '\\mathrm{Attention}',
  causal_mask: '\\mathrm{CausalMask}', positional_encoding: '\\mathrm{PE}', adam_step: '\\mathrm{Adam}',
  layer_norm: '\\mathrm{LayerNorm}', gelu: '\\mathrm{GELU}', gelu_tanh: '\\mathrm{GELU}_{\\tanh}',
  sigmoid: '\\sigma', relu: '\\mathrm{ReLU}', cosine_similarity: '\\cos', cross_entropy: '\\mathrm{CE}',
  perplexity: '\\mathrm{PPL}', exp: '\\exp', log: '\\log', sqrt: '\\sqrt', tanh: '\\tanh', erf: '\\operatorname{erf}',
  sum: '\\sum', mean: '\\operatorname{mean}', max: '\\max', min: '\\min', transpose: '\\operatorname{transpose}',
};

/** The LaTeX of a function applied to already-rendered arguments. */
export function latexCall(fn: string, args: readonly string[]): string {
  if (fn === 'sqrt' && args.length === 1) return `\\sqrt{${args[0]}}`;
  if (fn === 'exp' && args.length === 1) return `e^{${args[0]}}`;
  const head = FUNCTION_TEX[fn] ?? `\\operatorname{${escapeText(fn)}}`;
  return `${head}\\left(${args.join(', ')}\\right)`;
}
