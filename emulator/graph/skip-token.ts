// $skipToken: ARG pages a result 1,000 rows at a time and hands back an opaque token for the rest. Here the
// whole result of the first page's query is kept (so every page comes from the same snapshot: no
// duplicates, no gaps, whatever ARM writes in between) and the token names it, the next offset and the
// page size. A token works only for the user, query and scope that produced it, and only for a while.
import { randomUUID } from 'node:crypto';

export interface CachedResult<R> {
  /** The principal's object id. */
  owner: string;
  /** Binds the token to the query text and the requested scope. */
  fingerprint: string;
  result: R;
  rows: number;
}

export interface Cursor<R> {
  entry: CachedResult<R>;
  offset: number;
  pageSize: number;
}

interface Slot<R> {
  entry: CachedResult<R>;
  expiresAt: number;
}

interface TokenBody {
  r: string;
  o: number;
  n: number;
}

export interface ResultCacheOptions {
  ttlMs?: number;
  /** Results kept at most; the least recently used goes first. */
  maxResults?: number;
  /** Rows kept at most over all results (a 50,000-row result costs memory). */
  maxRows?: number;
  clock?: () => number;
}

export function createResultCache<R>(options: ResultCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxResults = options.maxResults ?? 32;
  const maxRows = options.maxRows ?? 500_000;
  const clock = options.clock ?? Date.now;
  const slots = new Map<string, Slot<R>>();
  let rows = 0;

  const drop = (id: string): void => {
    const slot = slots.get(id);
    if (!slot) return;
    rows -= slot.entry.rows;
    slots.delete(id);
  };

  return {
    /** Keeps a result and returns the token for the page starting at `offset`. */
    issue(entry: CachedResult<R>, offset: number, pageSize: number): string {
      const id = randomUUID();
      slots.set(id, { entry, expiresAt: clock() + ttlMs });
      rows += entry.rows;
      for (const key of slots.keys()) {
        if (slots.size <= maxResults && rows <= maxRows) break;
        if (key !== id) drop(key);
      }
      return encode({ r: id, o: offset, n: pageSize });
    },
    /** The next token for a result already kept (later pages). */
    next(token: string, offset: number, pageSize: number): string {
      const body = decode(token);
      return encode({ r: body?.r ?? '', o: offset, n: pageSize });
    },
    /** The page a token stands for, or undefined when it is not this caller's, query's and scope's (or expired). */
    resolve(token: string, owner: string, fingerprint: string): Cursor<R> | undefined {
      const body = decode(token);
      const slot = body ? slots.get(body.r) : undefined;
      if (!body || !slot) return undefined;
      if (slot.expiresAt <= clock()) {
        drop(body.r);
        return undefined;
      }
      if (slot.entry.owner !== owner || slot.entry.fingerprint !== fingerprint) return undefined;
      // Least recently used goes first: move it to the end.
      slots.delete(body.r);
      slots.set(body.r, { entry: slot.entry, expiresAt: clock() + ttlMs });
      return { entry: slot.entry, offset: body.o, pageSize: body.n };
    },
    reset(): void {
      slots.clear();
      rows = 0;
    },
    size: () => slots.size,
  };
}

function encode(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64');
}

function decode(token: string): TokenBody | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Partial<TokenBody>;
    if (typeof body.r !== 'string' || !Number.isInteger(body.o) || !Number.isInteger(body.n)) return undefined;
    return { r: body.r, o: body.o as number, n: body.n as number };
  } catch {
    return undefined;
  }
}

export type ResultCache<R> = ReturnType<typeof createResultCache<R>>;
