// A WebAssembly SIMD (f64x2) matrix-product kernel shared by the engine and the tracer's `@`.
// Operands are packed into 4-wide panels inside the module's memory and each 4×4 block of the
// result is accumulated in eight f64x2 registers. Every entry is still Σ_p a[i,p]·b[p,j] summed
// in index order p = 0…k-1 with a separate multiply and add (wasm has no fused multiply-add),
// so the bits equal the plain scalar loop's. Where WebAssembly SIMD is unavailable (an old
// engine, a CSP without wasm), `simdGemm()` returns false and callers run their scalar loops.

/** The part of the WebAssembly global we use (src/core is typed without DOM or node globals). */
interface Wasm {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (d: { initial: number }) => WasmMemory;
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

// --- a tiny assembler: only what the kernel needs ------------------------------------------
const I32 = 0x7f, V128 = 0x7b, VOID = 0x40;
const END = 0x0b, LOOP = 0x03, BR_IF = 0x0d, GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_CONST = 0x41, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_MUL = 0x6c, I32_LT_U = 0x49;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}
const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...uleb(code), ...imm];
const get = (l: number): number[] => [GET, ...uleb(l)];
const set = (l: number): number[] => [SET, ...uleb(l)];
const i32 = (n: number): number[] => [I32_CONST, ...sleb(n)];
// memarg = log2(alignment), offset
const v128Load = (offset: number): number[] => simd(0x00, 4, ...uleb(offset));
const v128Store = (offset: number): number[] => simd(0x0b, 4, ...uleb(offset));
const load64Splat = (offset: number): number[] => simd(0x0a, 3, ...uleb(offset));
const F64X2_ADD = simd(0xf0);
const F64X2_MUL = simd(0xf2);
const V128_ZERO = simd(0x0c, ...new Array<number>(16).fill(0));

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];

/** Rows of A and columns of B per register block (4 rows × 2 f64x2 = 8 accumulators). */
const R = 4, W = 4;

/**
 * kernel(pa, pb, pc, mb, nb, k, ldc): for each 4-row panel ib < mb of A (at pa + ib·k·32 bytes,
 * the four rows' p-th values adjacent) and each 4-column panel jb < nb of B (at pb + jb·k·32),
 * write the 4×4 block C[4ib…, 4jb…] at pc + 4ib·ldc + 32jb (ldc in bytes). Requires k ≥ 1.
 */
function kernelCode(): number[] {
  const [PA, PB, PC, MB, NB, K, LDC] = [0, 1, 2, 3, 4, 5, 6];
  const [IB, JB, P, AP, BP, CP, PANEL] = [7, 8, 9, 10, 11, 12, 13]; // i32 locals
  const [B0, B1, X] = [14, 15, 16]; // v128 locals, then the accumulators
  const acc = (r: number, h: number): number => 17 + r * 2 + h;
  const c: number[] = [];
  c.push(...get(K), ...i32(R * 8), I32_MUL, ...set(PANEL)); // bytes per panel (R = W)
  c.push(...i32(0), ...set(IB), LOOP, VOID);
  c.push(...i32(0), ...set(JB), LOOP, VOID);
  for (let r = 0; r < R; r++) for (let h = 0; h < 2; h++) c.push(...V128_ZERO, ...set(acc(r, h)));
  c.push(...get(PA), ...get(IB), ...get(PANEL), I32_MUL, I32_ADD, ...set(AP));
  c.push(...get(PB), ...get(JB), ...get(PANEL), I32_MUL, I32_ADD, ...set(BP));
  c.push(...get(K), ...set(P), LOOP, VOID); // p = 0…k-1, in order
  c.push(...get(BP), ...v128Load(0), ...set(B0), ...get(BP), ...v128Load(16), ...set(B1));
  for (let r = 0; r < R; r++) {
    c.push(...get(AP), ...load64Splat(8 * r), ...set(X));
    for (let h = 0; h < 2; h++) c.push(...get(acc(r, h)), ...get(X), ...get(h ? B1 : B0), ...F64X2_MUL, ...F64X2_ADD, ...set(acc(r, h)));
  }
  c.push(...get(AP), ...i32(8 * R), I32_ADD, ...set(AP));
  c.push(...get(BP), ...i32(8 * W), I32_ADD, ...set(BP));
  c.push(...get(P), ...i32(1), I32_SUB, TEE, ...uleb(P), BR_IF, 0, END);
  c.push(...get(PC), ...get(IB), ...i32(R), I32_MUL, ...get(LDC), I32_MUL, I32_ADD);
  c.push(...get(JB), ...i32(8 * W), I32_MUL, I32_ADD, ...set(CP));
  for (let r = 0; r < R; r++) {
    for (let h = 0; h < 2; h++) c.push(...get(CP), ...get(acc(r, h)), ...v128Store(16 * h));
    if (r < R - 1) c.push(...get(CP), ...get(LDC), I32_ADD, ...set(CP));
  }
  c.push(...get(JB), ...i32(1), I32_ADD, TEE, ...uleb(JB), ...get(NB), I32_LT_U, BR_IF, 0, END);
  c.push(...get(IB), ...i32(1), I32_ADD, TEE, ...uleb(IB), ...get(MB), I32_LT_U, BR_IF, 0, END);
  c.push(END);
  const body = [...vec([[7, I32], [3 + 2 * R, V128]]), ...c];
  return [...uleb(body.length), ...body];
}

function moduleBytes(): Uint8Array {
  const type = section(1, vec([[0x60, ...vec(new Array<number[]>(7).fill([I32])), 0]]));
  // the memory is imported so this side can grow it: env.mem, at least one page
  const imports = section(2, vec([[...name('env'), ...name('mem'), 0x02, 0x00, 1]]));
  const funcs = section(3, vec([[0]]));
  const exports = section(7, vec([[...name('kernel'), 0x00, 0]]));
  const code = section(10, vec([kernelCode()]));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...code]);
}

type KernelFn = (pa: number, pb: number, pc: number, mb: number, nb: number, k: number, ldc: number) => void;
interface Instance {
  memory: WasmMemory;
  kernel: KernelFn;
  f64: Float64Array;
}

let compiled: { W: Wasm; module: object } | null | undefined;
let live: Instance | undefined;

function instance(): Instance | undefined {
  if (live) return live;
  if (compiled === undefined) {
    const W = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
    try {
      const bytes = moduleBytes();
      compiled = W && W.validate(bytes) ? { W, module: new W.Module(bytes) } : null;
    } catch {
      compiled = null; // wasm present but compiling forbidden (CSP): the scalar loops serve
    }
  }
  if (!compiled) return undefined;
  const memory = new compiled.W.Memory({ initial: 16 });
  const inst = new compiled.W.Instance(compiled.module, { env: { mem: memory } });
  live = { memory, kernel: inst.exports.kernel as KernelFn, f64: new Float64Array(memory.buffer) };
  return live;
}

/** Staging area in float64s: a product needing more is done in row chunks (32 MiB at most). */
const MAX_STAGED = 1 << 22;
/** Memory kept between calls; above this the instance is dropped after use so the GC frees it. */
const KEEP_BYTES = 8 << 20;

function reserve(s: Instance, doubles: number): Float64Array {
  const need = doubles * 8, have = s.memory.buffer.byteLength;
  if (have < need) {
    s.memory.grow(Math.ceil((need - have) / 65536));
    s.f64 = new Float64Array(s.memory.buffer);
  }
  return s.f64;
}

/**
 * Below this many multiply-adds a product stays in plain JS: packing the operands for the SIMD
 * kernel costs more than it saves on tiny matrices (TP4's 5×4 · 4×2); from 8×8·8×8 on it is faster.
 */
export const SIMD_MIN_WORK = 512;

/** How operand B is stored: 'kn' row-major k×n, or 'nk' given as its transpose (n×k, rows contiguous). */
export type BLayout = 'kn' | 'nk';

/**
 * out[outOff + i·n + j] = Σ_p a[aOff + i·k + p] · B(p, j) for i < m, j < n, where B(p, j) is
 * b[bOff + p·n + j] ('kn') or b[bOff + j·k + p] ('nk'). Returns false, having written nothing,
 * when the kernel is unavailable, k = 0, or B alone exceeds the staging area.
 */
export function simdGemm(
  a: Float64Array, aOff: number, b: Float64Array, bOff: number, layout: BLayout,
  m: number, n: number, k: number, out: Float64Array, outOff: number,
): boolean {
  if (k < 1 || m < 1 || n < 1) return false;
  const nb = Math.ceil(n / W);
  const bLen = nb * k * W, ldc = nb * W;
  // rows per chunk: whole 4-row panels of A and C beside all of B
  const chunk = Math.min(Math.ceil(m / R), Math.floor((MAX_STAGED - bLen) / (R * (k + ldc)))) * R;
  if (chunk < R) return false;
  const s = instance();
  if (!s) return false;
  const f = reserve(s, bLen + chunk * (k + ldc));
  if (layout === 'nk') packRows(b, bOff, n, k, f, 0);
  else packCols(b, bOff, k, n, f, 0);
  for (let i0 = 0; i0 < m; i0 += chunk) {
    const rows = Math.min(chunk, m - i0), mb = Math.ceil(rows / R);
    const aBase = bLen, cBase = aBase + mb * R * k;
    packRows(a, aOff + i0 * k, rows, k, f, aBase);
    s.kernel(aBase * 8, 0, cBase * 8, mb, nb, k, ldc * 8);
    const o = outOff + i0 * n;
    if (ldc === n) out.set(f.subarray(cBase, cBase + rows * n), o);
    else for (let i = 0; i < rows; i++) out.set(f.subarray(cBase + i * ldc, cBase + i * ldc + n), o + i * n);
  }
  if (s.memory.buffer.byteLength > KEEP_BYTES) live = undefined;
  return true;
}

/** Panels of 4 rows of a row-major rows×k matrix: panel q holds x[4q + t][p] at p·4 + t (0 past the end). */
function packRows(x: Float64Array, off: number, rows: number, k: number, f: Float64Array, at: number): void {
  let o = at;
  const full = rows - (rows % R);
  for (let q = 0; q < full; q += R) {
    const r0 = off + q * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
    for (let p = 0; p < k; p++, o += R) {
      f[o] = x[r0 + p]; f[o + 1] = x[r1 + p]; f[o + 2] = x[r2 + p]; f[o + 3] = x[r3 + p];
    }
  }
  if (full === rows) return;
  // the padded rows' products land in result rows that are never copied out
  for (let p = 0; p < k; p++, o += R) {
    for (let t = 0; t < R; t++) f[o + t] = full + t < rows ? x[off + (full + t) * k + p] : 0;
  }
}

/** Panels of 4 columns of a row-major k×cols matrix: panel q holds x[p][4q + t] at p·4 + t (0 past the end). */
function packCols(x: Float64Array, off: number, k: number, cols: number, f: Float64Array, at: number): void {
  const panel = W * k, full = cols - (cols % W);
  for (let p = 0; p < k; p++) {
    const row = off + p * cols;
    let o = at + W * p;
    for (let q = 0; q < full; q += W, o += panel) {
      const src = row + q;
      f[o] = x[src]; f[o + 1] = x[src + 1]; f[o + 2] = x[src + 2]; f[o + 3] = x[src + 3];
    }
    if (full < cols) for (let t = 0; t < W; t++) f[o + t] = full + t < cols ? x[row + full + t] : 0;
  }
}
