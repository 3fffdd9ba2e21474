// Tokens of the KQL subset, each with its line (from 1) and character position in the line
// (from 0), because ARG reports parser failures at the offending token's position.
import { kqlErrors } from './errors.ts';
import type { Pos } from './errors.ts';
import { KSpan } from './values.ts';

export type TokenKind = 'ident' | 'string' | 'number' | 'timespan' | 'raw' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier, operator or the source text of a literal. */
  text: string;
  /** Decoded value of string, number and timespan literals. */
  value?: string | number | KSpan;
  pos: Pos;
  start: number;
  end: number;
}

// Operators made of several words joined by '-', and the negated forms written '!word'.
const HYPHENATED = new Set([
  'project-away', 'project-rename', 'project-keep', 'project-reorder', 'mv-expand', 'mv-apply', 'make-series',
  'parse-where', 'top-nested', 'top-hitters', 'make-graph', 'graph-match', 'project-smart',
]);

const SPAN_UNITS: Record<string, number> = {
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  microsecond: 0.001, microseconds: 0.001, tick: 0.0001, ticks: 0.0001,
};

const PUNCT = ['==', '!=', '<>', '<=', '>=', '=~', '!~', '..', '|', '(', ')', '[', ']', '{', '}', ',', ';', '.', '=', '<', '>', '+', '-', '*', '/', '%', ':', '!', '?'];

const isIdentStart = (c: string): boolean => /[A-Za-z_$]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (at: number): Pos => ({ line, col: at - lineStart });
  const push = (kind: TokenKind, start: number, text: string, value?: string | number | KSpan): void => {
    tokens.push({ kind, text, pos: pos(start), start, end: i, ...(value === undefined ? {} : { value }) });
  };

  // datetime(2024-01-01 10:00:00) holds unquoted text: one raw token up to ')'.
  const lexDatetimeBody = (): void => {
    let j = i;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src[j] !== '(') return;
    let k = j + 1;
    while (src[k] === ' ' || src[k] === '\t') k++;
    if (src[k] === "'" || src[k] === '"') return;
    i = j + 1;
    push('op', j, '(');
    const close = src.indexOf(')', i);
    const end = close < 0 ? src.length : close;
    const rawStart = i;
    i = end;
    push('raw', rawStart, src.slice(rawStart, end).trim());
  };

  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // Strings: '...', "...", verbatim @'...', obfuscated h'...'.
    const prefix = (c === '@' || c === 'h' || c === 'H') && (src[i + 1] === "'" || src[i + 1] === '"') ? c : '';
    if (prefix || c === "'" || c === '"') {
      const verbatim = prefix === '@';
      if (prefix) i++;
      const quote = src[i] as string;
      i++;
      let value = '';
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw kqlErrors.parser(pos(start), src.slice(start, i) || quote);
        const ch = src[i] as string;
        if (ch === quote) {
          if (verbatim && src[i + 1] === quote) {
            value += quote;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\\' && !verbatim) {
          const next = src[i + 1] ?? '';
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ESCAPES[next] ?? next;
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      push('string', start, src.slice(start, i), value);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      while (isDigit(src[i] ?? '')) i++;
      if (src[i] === '.' && isDigit(src[i + 1] ?? '')) {
        i++;
        while (isDigit(src[i] ?? '')) i++;
      }
      if ((src[i] === 'e' || src[i] === 'E') && /[0-9+-]/.test(src[i + 1] ?? '') && !/[A-Za-z]/.test(src[i + 2] ?? 'x')) {
        i += 2;
        while (isDigit(src[i] ?? '')) i++;
      }
      const numText = src.slice(start, i);
      let unitEnd = i;
      while (/[A-Za-z]/.test(src[unitEnd] ?? '')) unitEnd++;
      const unit = src.slice(i, unitEnd).toLowerCase();
      if (unit !== '') {
        const factor = SPAN_UNITS[unit];
        if (factor === undefined) {
          i = unitEnd;
          throw kqlErrors.parser(pos(start), src.slice(start, unitEnd));
        }
        i = unitEnd;
        push('timespan', start, src.slice(start, i), new KSpan(Number(numText) * factor));
        continue;
      }
      push('number', start, numText, Number(numText));
      continue;
    }
    if (c === '!' && isIdentStart(src[i + 1] ?? '') && src[i + 1] !== '$') {
      // !has, !contains, !in, !in~, !startswith …: one operator token.
      i++;
      while (isIdentPart(src[i] ?? '')) i++;
      if (src.slice(start, i) === '!in' && src[i] === '~') i++;
      push('op', start, src.slice(start, i));
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (isIdentPart(src[i] ?? '')) i++;
      // project-away, mv-expand …
      while (src[i] === '-' && isIdentStart(src[i + 1] ?? '')) {
        let j = i + 1;
        while (isIdentPart(src[j] ?? '')) j++;
        if (!HYPHENATED.has(src.slice(start, j).toLowerCase())) break;
        i = j;
      }
      if (src.slice(start, i) === 'in' && src[i] === '~') i++;
      push('ident', start, src.slice(start, i));
      if (src.slice(start, i) === 'datetime') lexDatetimeBody();
      continue;
    }
    const p = PUNCT.find((op) => src.startsWith(op, i));
    if (!p) {
      i++;
      throw kqlErrors.parser(pos(start), c);
    }
    i += p.length;
    push('op', start, p);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', pos: pos(i), start: i, end: i });
  return tokens;
}
