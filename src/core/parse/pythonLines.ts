// Python's logical lines, found with a small bracket/string/comment-aware scan (the rule of the
// Python tokenizer: a newline ends a statement unless inside brackets, a string, or after a
// backslash). Error recovery compares tree-sitter's statements against these lines.

export interface Row {
  /** offset of the row's first character and of its end (before the newline) */
  start: number;
  end: number;
  /** leading spaces/tabs */
  indent: number;
  /** the row begins a new logical line (not inside brackets, a string, or a continuation) */
  newLogical: boolean;
  /** the row begins inside a triple-quoted string */
  inString: boolean;
}

export interface Opener {
  ch: string;
  offset: number;
}

export interface Scan {
  rows: Row[];
  /** brackets still open at the end of the text */
  unclosed: Opener[];
}

const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function scanLines(text: string): Scan {
  const rows: Row[] = [];
  const stack: Opener[] = [];
  let quote = ''; // current string delimiter: ', ", ''' or """
  let continued = false;
  let rowStart = 0;
  let rowBeginsLogical = true;
  let rowInString = false;
  const pushRow = (end: number): void => {
    const line = text.slice(rowStart, end);
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    rows.push({ start: rowStart, end, indent, newLogical: rowBeginsLogical, inString: rowInString });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      pushRow(i > 0 && text[i - 1] === '\r' ? i - 1 : i);
      // An unterminated single-quoted string ends at the end of its line (a tokenizer error).
      if (quote.length === 1 && !continued) quote = '';
      rowStart = i + 1;
      rowBeginsLogical = stack.length === 0 && quote === '' && !continued;
      // (`continued` also covers a backslash-newline inside a single-quoted string)
      rowInString = quote !== '';
      continued = false;
      continue;
    }
    continued = false;
    if (quote) {
      if (c === '\\') {
        // backslash-newline inside a string: the string goes on on the next row
        if (text[i + 1] === '\n') continued = true;
        else i++;
        continue;
      }
      if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = (nl === -1 ? text.length : nl) - 1;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      continued = true;
      if (text[i + 1] === '\r') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') stack.push({ ch: c, offset: i });
    else if (c in CLOSE) {
      // A mismatched closer still closes the innermost bracket, as a forgiving reader would.
      if (stack.length) stack.pop();
    }
  }
  pushRow(text.length);
  return { rows, unclosed: stack };
}

/** Brackets a piece of code opens without closing (for "'(' was never closed"). */
export function unclosedIn(text: string): Opener[] {
  return scanLines(text).unclosed;
}

const KEYWORD_START =
  /^(def|class|if|elif|else|for|while|try|except|finally|with|return|import|from|raise|assert|del|pass|break|continue|global|nonlocal|print|async)\b|^@/;
const ASSIGN_START =
  /^[A-Za-z_][\w.]*(\s*\[[^\]]*\])?\s*(=(?!=)|(\/\/|\*\*|>>|<<|[-+*/%@&|^])=|:[^=]*=(?!=))/;
const TUPLE_ASSIGN_START = /^[A-Za-z_][\w.]*(\s*,\s*\*?[A-Za-z_][\w.]*)+\s*=(?!=)/;
const CALL_START = /^[A-Za-z_][\w.]*\(/;

/**
 * Whether a row reads like the start of a new statement. Only consulted inside a multi-row
 * logical line that already has a syntax error, to find where an unclosed bracket should have
 * ended: the usual way half-typed code looks (`X = np.zeros((3,` then `Y = X @ X`).
 */
export function looksLikeStatementStart(row: string): boolean {
  const t = row.trim();
  return KEYWORD_START.test(t) || ASSIGN_START.test(t) || TUPLE_ASSIGN_START.test(t) || CALL_START.test(t);
}
