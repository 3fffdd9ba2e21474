/*
 * Escaping for the exports, one helper per format and place. Every value an export prints goes through one of
 * these: names, descriptions and display names come from Azure and the directory, where most of them may hold
 * markup, quotes, shell syntax or bidirectional controls (the "Trojan Source" trick: text that reads differently
 * from what it is). Values are kept exact where the format can carry them (shell, Bicep and JSON escapes) and
 * made visible where it cannot (comments, Markdown).
 */

/** Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and the direction marks. */
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';
const CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F';
/** What a reader must see rather than have applied: bidi controls and C0/C1 control characters. */
const INVISIBLE = new RegExp(`[${CONTROLS}${BIDI}]`, 'g');
const isInvisible = (char: string): boolean => new RegExp(`[${CONTROLS}${BIDI}]`).test(char);
/** JSON.stringify escapes C0 controls itself; its own line breaks must stay. */
const JSON_INVISIBLE = new RegExp(`[\\u007F-\\u009F${BIDI}]`, 'g');

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text for one line of a `#` or `//` comment: no line breaks (which would end the comment), controls shown as <U+202E>. */
export function commentText(value: string | number): string {
  return String(value)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
}

/**
 * One shell word, always single-quoted (a quote inside becomes '\''), so `$(…)`, backticks, `;` and parentheses
 * stay literal. Control and bidi characters go in ANSI-C quotes as their UTF-8 bytes ($'\xe2\x80\xae'): the value
 * is kept exact and the script shows what it contains.
 */
export function shellQuote(value: string | number | boolean): string {
  const text = String(value);
  if (text === '') return "''";
  const parts: string[] = [];
  let plain = '';
  const flush = () => {
    if (plain) parts.push(`'${plain.replace(/'/g, `'\\''`)}'`);
    plain = '';
  };
  for (const char of text) {
    if (!isInvisible(char)) {
      plain += char;
      continue;
    }
    flush();
    const bytes = [...new TextEncoder().encode(char)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
    parts.push(`$'${bytes}'`);
  }
  flush();
  return parts.join('');
}

/** A Bicep string literal: single quotes; backslash, quote, "${", line breaks, tabs and controls escaped. */
export function bicepString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(INVISIBLE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
  return `'${escaped}'`;
}

/**
 * Markdown text that renders as exactly these characters: HTML becomes entities (no raw HTML reaches a renderer),
 * Markdown's inline metacharacters are backslash-escaped, line breaks become spaces, and bidi and control
 * characters are shown as [U+202E].
 */
export function markdownText(value: string | number): string {
  return String(value)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]~|#!]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INVISIBLE, (char) => `\\[${codePoint(char)}\\]`);
}

/** An inline code span that its content cannot close; controls shown as <U+202E> (a code span has no escapes). */
export function markdownCode(value: string): string {
  const text = commentText(value);
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** JSON, indented; bidi and control characters as \u escapes, so the file shows them and parses to the same value. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_INVISIBLE, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
