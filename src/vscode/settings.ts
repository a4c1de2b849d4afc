// The extension's settings, typed once: this interface mirrors `contributes.configuration` in
// package.json (a unit test checks every key, type, default and enum agree). No runtime import
// of 'vscode' here, so the shape can be tested in plain node.

export type LanguageSetting = 'auto' | 'en' | 'fr';
/** the least severe diagnostic shown; 'off' hides them all */
export type DiagnosticsLevel = 'error' | 'warning' | 'info' | 'off';

export interface Settings {
  inlayHints: {
    /** `: (4, 2)` after assignments */
    enabled: boolean;
    /** also after scalars (`: ()`), off by default: they clutter loops */
    scalars: boolean;
  };
  hover: {
    /** show the values of determined arrays, as numpy prints them */
    values: boolean;
    /** arrays with more elements show their shape only */
    maxElements: number;
    /** numpy's print precision */
    decimals: number;
  };
  codeLens: {
    enabled: boolean;
  };
  /** the tutor's language: VS Code's display language, or forced */
  language: LanguageSetting;
  diagnostics: {
    level: DiagnosticsLevel;
  };
  trace: {
    /** the tracer's time budget per document version, ms */
    budgetMs: number;
  };
}

export const SETTINGS_SECTION = 'attentionTutor';

export const DEFAULT_SETTINGS: Settings = {
  inlayHints: { enabled: true, scalars: false },
  hover: { values: true, maxElements: 100, decimals: 8 },
  codeLens: { enabled: true },
  language: 'auto',
  diagnostics: { level: 'info' },
  trace: { budgetMs: 500 },
};

/** The allowed values of the enum settings, mirrored by `enum` in package.json. */
export const SETTING_ENUMS: Record<string, readonly string[]> = {
  language: ['auto', 'en', 'fr'],
  'diagnostics.level': ['error', 'warning', 'info', 'off'],
};

/** Bounds of the numeric settings (out-of-range values are clamped, as package.json declares). */
export const SETTING_BOUNDS: Record<string, { minimum: number; maximum: number }> = {
  'hover.maxElements': { minimum: 0, maximum: 10000 },
  'hover.decimals': { minimum: 0, maximum: 16 },
  'trace.budgetMs': { minimum: 20, maximum: 10000 },
};

/** Dotted keys (`hover.maxElements`) and their default values, in declaration order. */
export function flattenSettings(s: Settings = DEFAULT_SETTINGS): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (o: object, prefix: string): void => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'object' && v !== null) walk(v, key);
      else out.set(key, v);
    }
  };
  walk(s, '');
  return out;
}

/** What `vscode.WorkspaceConfiguration` offers that we need. */
interface ConfigSource {
  get<T>(key: string): T | undefined;
}

/** Read every setting, falling back to the default for a missing or ill-typed value. */
export function readSettings(config: ConfigSource): Settings {
  const pick = <T>(key: string, def: T): T => {
    const v = config.get<unknown>(key);
    if (typeof v !== typeof def) return def;
    if (SETTING_ENUMS[key] && !SETTING_ENUMS[key].includes(v as string)) return def;
    const b = SETTING_BOUNDS[key];
    if (b && typeof v === 'number') return Math.min(b.maximum, Math.max(b.minimum, Math.round(v))) as T;
    return v as T;
  };
  const d = DEFAULT_SETTINGS;
  return {
    inlayHints: {
      enabled: pick('inlayHints.enabled', d.inlayHints.enabled),
      scalars: pick('inlayHints.scalars', d.inlayHints.scalars),
    },
    hover: {
      values: pick('hover.values', d.hover.values),
      maxElements: pick('hover.maxElements', d.hover.maxElements),
      decimals: pick('hover.decimals', d.hover.decimals),
    },
    codeLens: { enabled: pick('codeLens.enabled', d.codeLens.enabled) },
    language: pick('language', d.language),
    diagnostics: { level: pick('diagnostics.level', d.diagnostics.level) },
    trace: { budgetMs: pick('trace.budgetMs', d.trace.budgetMs) },
  };
}
