// Dimensions and shapes, concrete or symbolic. A dim is a plain integer when known, or a symbol
// (a name such as "n", "d_k", or a canonical expression such as "B*T", "d_model//h") when it is
// only known symbolically. Two symbols are equal only when their canonical texts are equal;
// "unknown is not wrong": a mismatch involving a symbol is never reported as an error.

export interface SymDim {
  kind: 'sym';
  /** canonical text, also what the CLI prints ("n", "B*T", "d_model//h") */
  name: string;
}

export type Dim = number | SymDim;
export type Shape = readonly Dim[];

export namespace Dim {
  export function sym(name: string): SymDim {
    return { kind: 'sym', name };
  }
  export function isKnown(d: Dim): d is number {
    return typeof d === 'number';
  }
  export function format(d: Dim): string {
    return typeof d === 'number' ? String(d) : d.name;
  }
  /** JSON form of the contract: integer or symbol name */
  export function toJson(d: Dim): number | string {
    return typeof d === 'number' ? d : d.name;
  }
  /** true when certainly equal */
  export function equal(a: Dim, b: Dim): boolean {
    if (typeof a === 'number' || typeof b === 'number') return a === b;
    return a.name === b.name;
  }
  /** true only when the two dims are certainly different (both known and unequal) */
  export function certainlyDiffer(a: Dim, b: Dim): boolean {
    return typeof a === 'number' && typeof b === 'number' && a !== b;
  }
  function wrap(d: Dim): string {
    if (typeof d === 'number') return String(d);
    return /^[A-Za-z_][A-Za-z_0-9.]*$/.test(d.name) ? d.name : `(${d.name})`;
  }
  export function mul(a: Dim, b: Dim): Dim {
    if (typeof a === 'number' && typeof b === 'number') return a * b;
    if (a === 1) return b;
    if (b === 1) return a;
    if (a === 0 || b === 0) return 0;
    return sym(`${wrap(a)}*${wrap(b)}`);
  }
  export function add(a: Dim, b: Dim): Dim {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (a === 0) return b;
    if (b === 0) return a;
    return sym(`${format(a)}+${format(b)}`);
  }
  export function sub(a: Dim, b: Dim): Dim {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (b === 0) return a;
    if (equal(a, b)) return 0;
    return sym(`${format(a)}-${wrap(b)}`);
  }
  export function floordiv(a: Dim, b: Dim): Dim {
    if (typeof a === 'number' && typeof b === 'number') return Math.floor(a / b);
    if (b === 1) return a;
    if (equal(a, b)) return 1;
    return sym(`${wrap(a)}//${wrap(b)}`);
  }
}

export namespace Shape {
  export function isConcrete(s: Shape): s is readonly number[] {
    return s.every((d) => typeof d === 'number');
  }
  /** number of elements, or undefined when a dim is symbolic */
  export function size(s: Shape): number | undefined {
    let n = 1;
    for (const d of s) {
      if (typeof d !== 'number') return undefined;
      n *= d;
    }
    return n;
  }
  /** numpy's repr of a shape: (4, 2), (3,), () */
  export function format(s: Shape): string {
    if (s.length === 1) return `(${Dim.format(s[0])},)`;
    return `(${s.map(Dim.format).join(', ')})`;
  }
  export function toJson(s: Shape): (number | string)[] {
    return s.map(Dim.toJson);
  }
  export function equal(a: Shape, b: Shape): boolean {
    return a.length === b.length && a.every((d, i) => Dim.equal(d, b[i]));
  }
  /** row-major strides of a concrete shape */
  export function strides(s: readonly number[]): number[] {
    const st = new Array<number>(s.length);
    let acc = 1;
    for (let i = s.length - 1; i >= 0; i--) {
      st[i] = acc;
      acc *= s[i];
    }
    return st;
  }
}
