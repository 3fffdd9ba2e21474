// Usage: node scripts/bundle-size.ts [--dist dist] [--max-kb 250]
// Prints the gzipped size of what index.html loads before sign-in (scripts/bundle-graph.ts) and exits 1
// above the budget. Run after `npm run build`; `npm run test:e2e` (and so `npm test` and CI) runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FORBIDDEN_INITIAL, initialGraph, mapSources } from './bundle-graph.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, 'max-kb': { type: 'string', default: '250' } } });
const dist = values.dist ?? 'dist';
const maxKb = Number(values['max-kb']);
const chunks = initialGraph(readFileSync(join(dist, 'index.html'), 'utf8'), (file) => readFileSync(join(dist, file), 'utf8'));
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
for (const chunk of chunks.toSorted((a, b) => b.gzipBytes - a.gzipBytes)) {
  console.log(`${kb(chunk.bytes)} KB ${kb(chunk.gzipBytes)} KB gzip  ${chunk.file}`);
}
const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
const raw = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
console.log(`${kb(raw)} KB ${kb(total)} KB gzip  initial JavaScript (${chunks.length} files); budget ${maxKb} KB gzip`);
const forbidden: string[] = [];
const unmapped: string[] = [];
for (const chunk of chunks) {
  const map = join(dist, `${chunk.file}.map`);
  const sources = mapSources(existsSync(map) ? readFileSync(map, 'utf8') : null);
  if (sources === null) unmapped.push(chunk.file);
  else forbidden.push(...sources.filter((source) => FORBIDDEN_INITIAL.test(source)).map((source) => `${chunk.file}: ${source}`));
}
if (unmapped.length > 0) console.log(`No source map (the @azure/arm-* check cannot look inside): ${unmapped.join(', ')}`);
if (forbidden.length > 0) {
  console.error(`ARM SDK code is on the sign-in page:\n  ${forbidden.join('\n  ')}`);
  process.exit(1);
}
if (total > maxKb * 1024) {
  console.error(`Initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over the ${maxKb} KB budget. See bundle-report/stats.html (BUNDLE_REPORT=1 npm run build).`);
  process.exit(1);
}
