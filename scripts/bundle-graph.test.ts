import { describe, expect, it } from 'vitest';
import { FORBIDDEN_INITIAL, htmlScripts, initialGraph, mapSources, staticImports } from './bundle-graph.ts';

const HTML = `<!doctype html><head>
<script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-b.js">
<link rel="stylesheet" href="/assets/index.css">
</head>`;

describe('the initial JavaScript graph', () => {
  it('starts from the entry script and its modulepreloads', () => {
    expect(htmlScripts(HTML)).toEqual(['assets/index-a.js', 'assets/react-b.js']);
  });

  it('follows static imports and re-exports but not dynamic import()', () => {
    const code = 'import{a as b}from"./react-b.js";import"./side-c.js";export{x}from"./shared-d.js";const l=()=>import("./step-e.js");';
    expect(staticImports('assets/index-a.js', code)).toEqual(['assets/react-b.js', 'assets/side-c.js', 'assets/shared-d.js']);
  });

  it('counts each file once, with its gzipped size', () => {
    const files: Record<string, string> = {
      'assets/index-a.js': 'import"./side-c.js";import("./step-e.js");' + 'x'.repeat(1000),
      'assets/react-b.js': 'import"./side-c.js";',
      'assets/side-c.js': 'export const c=1;',
      'assets/step-e.js': 'never loaded first',
    };
    const graph = initialGraph(HTML, (file) => files[file] ?? '');
    expect(graph.map((chunk) => chunk.file)).toEqual(['assets/index-a.js', 'assets/react-b.js', 'assets/side-c.js']);
    const first = graph[0];
    expect(first?.bytes).toBe(1042);
    expect(first?.gzipBytes).toBeLessThan(100);
  });

  it('recognises ARM SDK sources in a source map', () => {
    const sources = mapSources(JSON.stringify({ sources: ['../../node_modules/@azure/arm-compute/dist/browser/x.js', '../../src/main.tsx'] }));
    expect(sources?.filter((s) => FORBIDDEN_INITIAL.test(s))).toHaveLength(1);
    expect(mapSources(null)).toBeNull();
  });
});
