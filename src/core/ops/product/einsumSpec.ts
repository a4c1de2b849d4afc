// Parsing and checking np.einsum's subscripts against the operands' shapes, with numpy's messages:
// implicit output (labels seen once, in ASCII order, after the broadcast '...' axes), explicit
// output, ellipsis broadcasting, repeated labels (diagonals/traces), size-1 broadcasting.

import { Dim, type Shape } from '../../shapes/dim';
import { compact, fail } from '../nd/common';

/** A term's labels; '…' marks where the ellipsis stood. */
type Term = string[];
const ELL = '…';

export interface EinsumSpec {
  /** each operand's label per axis; ellipsis axes get labels '…0', '…1', … (aligned to the right) */
  opLabels: string[][];
  /** the output's labels in order */
  out: string[];
  /** labels summed over, in numpy's iteration order (ASCII) */
  summed: string[];
  /** the size of each label */
  sizes: Map<string, Dim>;
}

const err = (en: string, fr: string, code = 'einsum-subscripts') => fail(code, en, fr);

function parseTerm(t: string, which: string): Term {
  const out: Term = [];
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '.') {
      if (t.slice(i, i + 3) !== '...' || out.includes(ELL)) {
        throw err(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in ${which}`,
          `'.' isolé dans les indices d'einsum (${which}) : l'ellipse s'écrit '...'`);
      }
      out.push(ELL);
      i += 2;
    } else if (/[A-Za-z]/.test(ch)) out.push(ch);
    else {
      throw err(`invalid subscript '${ch}' in einstein sum subscripts string, subscripts must be letters`,
        `indice '${ch}' invalide dans la chaîne d'einsum : les indices doivent être des lettres`);
    }
  }
  return out;
}

export function parseEinsum(subscripts: string, shapes: Shape[]): EinsumSpec {
  const s = subscripts.replace(/\s+/g, '');
  const arrow = s.indexOf('->');
  const lhs = arrow >= 0 ? s.slice(0, arrow) : s;
  const rhs = arrow >= 0 ? s.slice(arrow + 2) : undefined;
  const bad = /[^A-Za-z.,]/.exec(lhs) ?? (rhs !== undefined ? /[^A-Za-z.]/.exec(rhs) : null);
  if (bad) {
    throw err(`invalid subscript '${bad[0]}' in einstein sum subscripts string, subscripts must be letters`,
      `indice '${bad[0]}' invalide dans la chaîne d'einsum : les indices doivent être des lettres`);
  }
  const terms = lhs.split(',');
  // numpy's two messages read the other way round from what happened; we keep its words in English
  if (terms.length < shapes.length) {
    throw err('fewer operands provided to einstein sum function than specified in the subscripts string',
      `einsum reçoit ${shapes.length} opérandes mais la chaîne n'en décrit que ${terms.length}`);
  }
  if (terms.length > shapes.length) {
    throw err('more operands provided to einstein sum function than specified in the subscripts string',
      `la chaîne d'einsum décrit ${terms.length} opérandes mais einsum n'en reçoit que ${shapes.length}`);
  }
  const parsed = terms.map((t, i) => parseTerm(t, `operand ${i}`));
  let ellDims = 0;
  const opLabels: string[][] = [];
  parsed.forEach((term, i) => {
    const nd = shapes[i].length;
    const letters = term.filter((l) => l !== ELL).length;
    const hasEll = term.includes(ELL);
    if (letters > nd) {
      throw err(`einstein sum subscripts string contains too many subscripts for operand ${i}`,
        `trop d'indices pour l'opérande ${i} : « ${terms[i]} » nomme ${letters} axes, il en a ${nd}`);
    }
    if (!hasEll && letters < nd) {
      throw err("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        `l'opérande ${i} a ${nd} axes mais « ${terms[i]} » n'en nomme que ${letters} (ajoutez '...' pour les autres)`);
    }
    const k = nd - letters;
    ellDims = Math.max(ellDims, k);
    const labels: string[] = [];
    for (const l of term) {
      if (l === ELL) for (let q = 0; q < k; q++) labels.push(`${ELL}${q}`);
      else labels.push(l);
    }
    opLabels.push(labels);
  });
  // ellipsis axes are right-aligned across operands: rename operand-local positions to global ones
  opLabels.forEach((labels, i) => {
    const k = shapes[i].length - parsed[i].filter((l) => l !== ELL).length;
    for (let q = 0; q < labels.length; q++) {
      const m = /^…(\d+)$/.exec(labels[q]);
      if (m) labels[q] = `${ELL}${ellDims - k + Number(m[1])}`;
    }
  });
  const ellLabels = Array.from({ length: ellDims }, (_, q) => `${ELL}${q}`);
  const counts = new Map<string, number>();
  for (const term of parsed) for (const l of term) if (l !== ELL) counts.set(l, (counts.get(l) ?? 0) + 1);
  let out: string[];
  if (rhs === undefined) {
    const once = [...counts.entries()].filter(([, c]) => c === 1).map(([l]) => l).sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
    out = [...ellLabels, ...once];
  } else {
    const term = parseTerm(rhs, 'the output');
    const seen = new Set<string>();
    out = [];
    for (const l of term) {
      if (l === ELL) {
        out.push(...ellLabels);
        continue;
      }
      if (seen.has(l)) {
        throw err(`einstein sum subscripts string includes output subscript '${l}' multiple times`,
          `l'indice de sortie '${l}' apparaît plusieurs fois dans la chaîne d'einsum`);
      }
      if (!counts.has(l)) {
        throw err(`einstein sum subscripts string included output subscript '${l}' which never appeared in an input`,
          `l'indice de sortie '${l}' n'apparaît dans aucune entrée d'einsum`);
      }
      seen.add(l);
      out.push(l);
    }
    if (ellDims > 0 && !term.includes(ELL)) {
      throw err("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
        "les axes couverts par '...' en entrée doivent aussi figurer en sortie (ajoutez '...' après ->)");
    }
  }
  const summed = [...counts.keys()].filter((l) => !out.includes(l)).sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
  const sizes = labelSizes(opLabels, shapes, [...out, ...summed]);
  return { opLabels, out, summed, sizes };
}

function labelSizes(opLabels: string[][], shapes: Shape[], order: string[]): Map<string, Dim> {
  const sizes = new Map<string, Dim>();
  let clash = false;
  opLabels.forEach((labels, i) => {
    const own = new Map<string, Dim>();
    labels.forEach((l, ax) => {
      const d = shapes[i][ax];
      const prev = own.get(l);
      if (prev !== undefined && Dim.certainlyDiffer(prev, d)) {
        throw err(`dimensions in operand ${i} for collapsing index '${l}' don't match (${Dim.format(prev)} != ${Dim.format(d)})`,
          `opérande ${i} : l'indice répété '${l}' (diagonale) demande des axes de même taille, ici ${Dim.format(prev)} et ${Dim.format(d)}`, 'einsum-mismatch');
      }
      own.set(l, d);
    });
    for (const [l, d] of own) {
      const cur = sizes.get(l);
      if (cur === undefined || cur === 1) sizes.set(l, d);
      else if (d !== 1 && Dim.certainlyDiffer(cur, d)) clash = true;
      else if (typeof cur !== 'number' && typeof d === 'number') sizes.set(l, d);
    }
  });
  if (clash) {
    const parts = opLabels.map((labels, i) => {
      const dims = order.map((l) => {
        const ax = labels.indexOf(l);
        return ax < 0 ? 'newaxis' : Dim.format(shapes[i][ax]);
      });
      while (dims[0] === 'newaxis') dims.shift();
      return `${compact(shapes[i])}->(${dims.join(',')})`;
    });
    throw err(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join(' ')} `,
      `einsum : un même indice désigne des axes de tailles différentes (${opLabels.map((l, i) => `${l.join('')} ${compact(shapes[i])}`).join(', ')})`,
      'einsum-mismatch');
  }
  return sizes;
}
