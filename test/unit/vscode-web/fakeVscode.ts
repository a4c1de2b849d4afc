// A stand-in for the `vscode` module, enough to activate the extension's web bundle outside VS Code:
// it records every registration (providers, commands, serializers) so a test can call them, and
// answers the few workspace questions activation asks (settings, open documents, files by URI).

export interface Registration {
  kind: string;
  id?: string;
  selector?: unknown;
  handler: unknown;
}

type Listener<T> = (e: T) => unknown;

class Disposable {
  constructor(private readonly fn?: () => void) {}
  dispose(): void {
    this.fn?.();
  }
  static from(...ds: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
}

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>): Disposable => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isEqual(o: Position): boolean {
    return o.line === this.line && o.character === this.character;
  }
  isBefore(o: Position): boolean {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    [this.start, this.end] = typeof a === 'number' ? [new Position(a, b as number), new Position(c!, d!)] : [a, b as Position];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  contains(p: Position | Range): boolean {
    const q = p instanceof Range ? p : new Range(p, p);
    return !q.start.isBefore(this.start) && !this.end.isBefore(q.end);
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string) {}
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(s);
    if (m) return new Uri(m[1], m[2], m[3] ?? '/');
    const n = /^([a-z][\w+.-]*):(.*)$/i.exec(s);
    return n ? new Uri(n[1], '', n[2]) : new Uri('file', '', s);
  }
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export class MarkdownString {
  isTrusted: unknown;
  supportHtml = false;
  constructor(public value = '', readonly supportThemeIcons = false) {}
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
  appendText(s: string): this {
    this.value += s.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendCodeblock(code: string, lang = ''): this {
    this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class CodeActionKind {
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(`${this.value}.${part}`);
  }
}

/** A TextDocument over a fixed text (0-based lines, UTF-16 columns, like VS Code's). */
export function textDocument(uri: Uri, languageId: string, text: string, version = 1) {
  const lines = text.split('\n');
  const starts: number[] = [];
  let o = 0;
  for (const l of lines) {
    starts.push(o);
    o += l.length + 1;
  }
  return {
    uri,
    languageId,
    version,
    lineCount: lines.length,
    isClosed: false,
    getText: (r?: Range) => (r ? text.slice(starts[r.start.line] + r.start.character, starts[r.end.line] + r.end.character) : text),
    lineAt: (n: number) => ({ text: lines[n], lineNumber: n, range: new Range(n, 0, n, lines[n].length) }),
    offsetAt: (p: Position) => starts[p.line] + p.character,
    positionAt: (off: number) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= off) line++;
      return new Position(line, off - starts[line]);
    },
  };
}

export interface FakeVscode {
  module: Record<string, unknown>;
  registrations: Registration[];
  /** documents the workspace lists as open */
  textDocuments: ReturnType<typeof textDocument>[];
}

/**
 * The fake module. `readFile` serves `workspace.fs.readFile` (the l10n bundle); settings come from
 * `config` (keys under attentionTutor.*, defaults otherwise).
 */
export function fakeVscode(readFile: (uri: Uri) => Uint8Array, config: Record<string, unknown> = {}): FakeVscode {
  const registrations: Registration[] = [];
  const textDocuments: ReturnType<typeof textDocument>[] = [];
  const record = (kind: string) => (...args: unknown[]): Disposable => {
    const [first, second] = args;
    registrations.push(typeof first === 'string' ? { kind, id: first, handler: second } : { kind, selector: first, handler: second });
    return new Disposable();
  };
  const event = (): ((l: unknown) => Disposable) => () => new Disposable();
  const logChannel = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, appendLine() {}, show() {}, dispose() {} };

  const module = {
    version: '1.100.0-fake',
    Disposable,
    EventEmitter,
    Position,
    Range,
    Selection: class extends Range {},
    Uri,
    MarkdownString,
    Hover: class {
      constructor(readonly contents: MarkdownString | MarkdownString[], readonly range?: Range) {}
    },
    CodeLens: class {
      constructor(readonly range: Range, readonly command?: { title: string; command: string; arguments?: unknown[] }) {}
    },
    InlayHint: class {
      tooltip: unknown;
      paddingLeft?: boolean;
      constructor(readonly position: Position, readonly label: string, readonly kind?: number) {}
    },
    Diagnostic: class {
      source?: string;
      code?: unknown;
      constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
    },
    CodeAction: class {
      edit?: unknown;
      diagnostics?: unknown;
      isPreferred?: boolean;
      constructor(readonly title: string, readonly kind?: unknown) {}
    },
    CodeActionKind: { QuickFix: new CodeActionKind('quickfix'), Refactor: new CodeActionKind('refactor') },
    WorkspaceEdit: class {
      readonly edits: unknown[] = [];
      replace(uri: Uri, range: Range, text: string): void {
        this.edits.push({ uri, range, text });
      }
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    InlayHintKind: { Type: 1, Parameter: 2 },
    ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    NotebookCellKind: { Markup: 1, Code: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    env: { language: 'en', uiKind: 2 },
    l10n: { t: (m: string, ...a: unknown[]) => m.replace(/\{(\d+)\}/g, (x, i: string) => String(a[Number(i)] ?? x)), bundle: undefined },
    window: {
      activeColorTheme: { kind: 2 },
      activeTextEditor: undefined,
      visibleTextEditors: [],
      createOutputChannel: () => logChannel,
      createTextEditorDecorationType: () => new Disposable(),
      registerWebviewPanelSerializer: record('webviewPanelSerializer'),
      showInformationMessage: async () => undefined,
      setStatusBarMessage: () => new Disposable(),
    },
    languages: {
      registerHoverProvider: record('hover'),
      registerInlayHintsProvider: record('inlayHints'),
      registerCodeLensProvider: record('codeLens'),
      registerCodeActionsProvider: record('codeActions'),
      createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, get: () => [], dispose() {} }),
    },
    commands: { registerCommand: record('command'), executeCommand: async () => undefined },
    workspace: {
      textDocuments,
      notebookDocuments: [],
      workspaceFolders: undefined,
      getConfiguration: () => ({
        get: (key: string, dflt?: unknown) => (key in config ? config[key] : dflt),
        has: (key: string) => key in config,
        update: async () => undefined,
      }),
      fs: { readFile: async (uri: Uri) => readFile(uri), stat: async () => ({}) },
      onDidChangeTextDocument: event(),
      onDidOpenTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidChangeNotebookDocument: event(),
      onDidCloseNotebookDocument: event(),
      onDidChangeConfiguration: event(),
    },
  };
  return { module, registrations, textDocuments };
}
