// Matches decoded ARM paths against route templates. ARM paths are case-insensitive and
// the SDKs percent-encode names (";" as %3B), so segments are decoded before matching.
import type { ArmRoute, HttpMethod } from './types.ts';

interface CompiledRoute {
  route: ArmRoute;
  segments: Segment[];
  literalCount: number;
}
type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string };

export interface RouteMatch {
  route: ArmRoute;
  params: Record<string, string>;
}

export type MatchResult =
  | { kind: 'match'; match: RouteMatch }
  | { kind: 'methodNotAllowed' }
  | { kind: 'none' };

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function compile(route: ArmRoute): CompiledRoute {
  const segments: Segment[] = splitPath(route.path).map((s) => {
    const m = /^\{(\w+)\}$/.exec(s);
    return m?.[1] ? { kind: 'param', name: m[1] } : { kind: 'literal', value: s.toLowerCase() };
  });
  return { route, segments, literalCount: segments.filter((s) => s.kind === 'literal').length };
}

export function createRouter(routes: readonly ArmRoute[]) {
  const compiled = routes.map(compile);
  return {
    match(method: string, decodedSegments: readonly string[]): MatchResult {
      let best: { c: CompiledRoute; params: Record<string, string> } | undefined;
      let pathMatched = false;
      for (const c of compiled) {
        if (c.segments.length !== decodedSegments.length) continue;
        const params: Record<string, string> = {};
        let ok = true;
        for (let i = 0; i < c.segments.length && ok; i++) {
          const seg = c.segments[i];
          const actual = decodedSegments[i] ?? '';
          if (seg?.kind === 'literal') ok = seg.value === actual.toLowerCase();
          else if (seg?.kind === 'param') params[seg.name] = actual;
        }
        if (!ok) continue;
        pathMatched = true;
        if (c.route.method !== (method as HttpMethod)) continue;
        // Prefer the most specific template when several match.
        if (!best || c.literalCount > best.c.literalCount) best = { c, params };
      }
      if (best) return { kind: 'match', match: { route: best.c.route, params: best.params } };
      return pathMatched ? { kind: 'methodNotAllowed' } : { kind: 'none' };
    },
  };
}
