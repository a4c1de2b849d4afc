// The derivation of a recognised formula whose operands have no traced values (a function never
// called, a line after an error, sizes only known as symbols): the same steps in the code's own
// names, without numbers, and the result's shape when the tracer knows it. A student clicking
// "Explain" always gets the formula, never "nothing here".

import type { Derivation, FormulaSite, Step, Trace } from '../types';
import type { L10nText, Value } from '../values';
import type { Expr } from '../ir';
import { texOf } from './operands';

const t = (en: string, fr: string): L10nText => ({ en, fr });

/** Why the values are missing: the first operand (or the target) whose binding says so. */
function whyUnknown(trace: Trace, site: FormulaSite): L10nText | undefined {
  const names = [...Object.values(site.operands).map((e) => nameOf(e)), site.target].filter((n): n is string => !!n);
  for (const n of names) {
    const b = [...trace.bindings].reverse().find((x) => x.name === n && x.loc.line <= site.loc.endLine && x.why) ?? trace.bindings.find((x) => x.name === n && x.why);
    if (b?.why) return b.why;
  }
  return undefined;
}

function nameOf(e: Expr): string | undefined {
  if (e.k === 'name') return e.name;
  if (e.k === 'attr' && e.obj.k === 'name') return `${e.obj.name}.${e.name}`;
  return undefined;
}

/** The result as far as the trace knows it: its shape (maybe symbolic), else unknown. */
function resultOf(trace: Trace, site: FormulaSite, why: L10nText | undefined): Value {
  const v = site.resultExpr ? trace.exprValues[site.resultExpr.id] : undefined;
  if (v && v.kind === 'array') return { kind: 'array', shape: v.shape, dtype: v.dtype };
  const b = site.target ? [...trace.bindings].reverse().find((x) => x.name === site.target && x.loc.line <= site.loc.endLine) : undefined;
  if (b?.shape) return { kind: 'array', shape: b.shape, dtype: b.dtype };
  return { kind: 'unknown', why };
}

function stepsFor(site: FormulaSite): Step[] {
  const o = site.operands;
  const n = (k: string, fallback: string) => texOf(o[k], fallback);
  switch (site.kind) {
    case 'softmax': {
      const z = n('z', 'z');
      // as the code writes it: with the row maximum subtracted or not
      const shift = site.facts.stable === true ? ' - m_i' : '';
      const steps: Step[] = shift ? [{ title: t('Row maximum', 'Maximum de chaque ligne'), latex: `m_i = \\max_k {${z}}_{ik}` }] : [];
      steps.push(
        { title: t('Exponentiate', 'Exponentielle'), latex: `e^{{${z}}_{ij}${shift}}` },
        { title: t('Divide by the row sum', 'Diviser par la somme de la ligne'), latex: `\\mathrm{softmax}(${z})_{ij} = \\frac{e^{{${z}}_{ij}${shift}}}{\\sum_k e^{{${z}}_{ik}${shift}}}` },
      );
      return steps;
    }
    case 'scaled-scores':
    case 'attention': {
      const [Q, K, d] = [n('Q', 'Q'), n('K', 'K'), o.d ? n('d', 'd_k') : 'd_k'];
      const steps: Step[] = [
        { title: t('Dot product of every query with every key', 'Produit scalaire de chaque requête avec chaque clé'), latex: `(${Q}${K}^\\top)_{ij} = ${Q}_i \\cdot ${K}_j` },
        { title: t('Divide the scores by √d_k', 'Diviser les scores par √d_k'), latex: `S = \\frac{${Q}${K}^\\top}{\\sqrt{${d}}}` },
      ];
      if (site.kind === 'attention') {
        const V = n('V', 'V');
        if (o.M) steps.push({ title: t('Add the mask (-∞ hides a key)', 'Ajouter le masque (-∞ cache une clé)'), latex: `S + ${n('M', 'M')}` });
        steps.push({ title: t('Softmax of each row: the attention weights', 'Softmax de chaque ligne\u00a0: les poids d’attention'), latex: `A = \\mathrm{softmax}(S${o.M ? ` + ${n('M', 'M')}` : ''})` });
        steps.push({ title: t('Weighted sum of the values', 'Somme pondérée des valeurs'), latex: `\\mathrm{out}_i = \\sum_j A_{ij}\\, ${V}_j` });
      }
      return steps;
    }
    case 'linear': {
      const [x, W] = [n('x', 'x'), n('W', 'W')];
      const b = o.b ? ` + ${n('b', 'b')}` : '';
      return [{ title: t('Each output is a row of the input times a column of the weights', 'Chaque sortie est une ligne de l’entrée fois une colonne des poids'), latex: `y_{ij} = \\sum_k ${x}_{ik} ${W}_{kj}${o.b ? ` + ${n('b', 'b')}_j` : ''},\\quad y = ${x}${W}${b}` }];
    }
    case 'embedding-lookup':
      return [{ title: t('Pick one row of the table per id', 'Prendre une ligne de la table par identifiant'), latex: `x_t = ${n('E', 'E')}[\\mathrm{id}_t]` }];
    default:
      return [];
  }
}

export function deriveSymbolic(trace: Trace, site: FormulaSite, general: string): Derivation {
  const why = whyUnknown(trace, site);
  const steps = stepsFor(site);
  const note: L10nText = why
    ? { en: `The values are not known here (${why.en}): the formula is shown with your code's names.`, fr: `Les valeurs ne sont pas connues ici (${why.fr})\u00a0: la formule est donnée avec les noms de votre code.` }
    : { en: 'The values are not known here: the formula is shown with your code’s names.', fr: 'Les valeurs ne sont pas connues ici\u00a0: la formule est donnée avec les noms de votre code.' };
  if (steps.length === 0) steps.push({ title: t('The formula', 'La formule'), latex: general });
  steps[0] = { ...steps[0], note };
  return { formula: site.kind, line: site.line, general, steps, result: resultOf(trace, site, why), heatmaps: [] };
}
