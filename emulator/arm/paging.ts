// ARM list pages: {value, nextLink}. nextLink is absolute, on this emulator, and carries
// api-version plus the caller's other query parameters, because the backup SDK follows it verbatim.
import { absoluteUrl } from './lro.ts';
import type { ArmContext } from './types.ts';

export function page<T>(ctx: ArmContext, items: readonly T[]): { value: T[]; nextLink?: string } {
  const size = Math.max(1, ctx.settings.pageSize);
  const raw = ctx.query.get('$skipToken') ?? ctx.query.get('$skiptoken');
  const start = raw && /^\d+$/.test(raw) ? Number(raw) : 0;
  const value = items.slice(start, start + size);
  if (start + size >= items.length) return { value };
  const next = new URLSearchParams();
  for (const [k, v] of ctx.query) {
    if (k === 'api-version' || k.toLowerCase() === '$skiptoken') continue;
    next.append(k, v);
  }
  next.append('$skipToken', String(start + size));
  return { value, nextLink: `${absoluteUrl(ctx, ctx.path)}&${next.toString()}` };
}
