// Kusto regexes are RE2; JavaScript's cover what ARG samples use once two spellings are mapped:
// (?P<name>…) named groups and a leading (?i). Compiled patterns are cached, never rebuilt per row.
import { kqlErrors } from './errors.ts';
import type { Pos } from './errors.ts';

const cache = new Map<string, RegExp>();
const MAX_CACHED = 500;

export function kustoRegex(pattern: string, extraFlags = '', pos?: Pos): RegExp {
  const key = `${extraFlags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  let src = pattern.replace(/\(\?P</g, '(?<');
  let flags = extraFlags;
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    src = src.slice(inline[0].length);
    for (const f of inline[1] ?? '') if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  let re: RegExp;
  try {
    re = new RegExp(src, flags);
  } catch {
    throw kqlErrors.semantic(`Invalid regular expression: '${pattern}'`, pos);
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, re);
  return re;
}
