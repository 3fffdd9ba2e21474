// What the browser loads before anyone signs in: the entry script index.html names, every chunk it
// modulepreloads, and (to be sure nothing is missed) every chunk those import statically. Dynamic
// import() targets are not followed: they load later (after sign-in, or on a step's first visit).
import { gzipSync } from 'node:zlib';

export type ChunkSize = { file: string; bytes: number; gzipBytes: number };

const ATTRIBUTE = /<(?:script[^>]*\stype="module"[^>]*\ssrc|link[^>]*\srel="modulepreload"[^>]*\shref)="([^"]+)"/g;
// Minified static imports: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** The scripts index.html loads, as paths relative to the site root ("assets/index-….js"). */
export function htmlScripts(html: string): string[] {
  return [...html.matchAll(ATTRIBUTE)].map((m) => (m[1] ?? '').replace(/^\//, '')).filter((src) => src.endsWith('.js'));
}

/** Static imports of a chunk, resolved against the chunk's own folder. */
export function staticImports(file: string, code: string): string[] {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...code.matchAll(STATIC_IMPORT)].map((m) => {
    const parts = `${folder}${m[1] ?? ''}`.split('/');
    const out: string[] = [];
    for (const part of parts) {
      if (part === '.' || part === '') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return out.join('/');
  });
}

/** Every chunk of the initial graph with its size and gzipped size (level 9, as servers typically send). */
export function initialGraph(html: string, read: (file: string) => string): ChunkSize[] {
  const seen = new Set<string>();
  const queue = htmlScripts(html);
  const sizes: ChunkSize[] = [];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = read(file);
    sizes.push({ file, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length });
    queue.push(...staticImports(file, code));
  }
  return sizes;
}

/** Sources of a chunk, from its source map; null when the build wrote none. */
export function mapSources(mapText: string | null): string[] | null {
  if (mapText === null) return null;
  const parsed = JSON.parse(mapText) as { sources?: unknown };
  return Array.isArray(parsed.sources) ? parsed.sources.filter((s): s is string => typeof s === 'string') : [];
}

/** Packages that must never be on the sign-in page: the ARM SDKs are loaded per client, after sign-in. */
export const FORBIDDEN_INITIAL = /node_modules\/@azure\/arm-/;
