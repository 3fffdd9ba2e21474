/** Something both SDK families return from list calls: an async iterator that can also be walked page by page. */
export type Pageable<T> = { byPage(): AsyncIterable<readonly T[]> };

/** Every item of a list call, counting the pages (= requests) it took; `onPage` sees the running total of items. */
export async function collectPages<T>(list: Pageable<T>, onPage?: (itemsSoFar: number) => void): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  for await (const page of list.byPage()) {
    pages++;
    items.push(...page);
    onPage?.(items.length);
  }
  return { items, pages };
}

/**
 * Runs `task` over `inputs` with at most `limit` in flight, keeping input order in the results. Used where
 * Azure has no list call and each VM needs its own request: bounded so thousands of VMs don't open thousands
 * of connections at once or burn the subscription's read budget in one burst.
 */
export async function mapConcurrent<I, O>(inputs: readonly I[], limit: number, task: (input: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(inputs.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure the other workers stop taking new inputs; the first error is what the caller sees.
    while (next < inputs.length && !failed) {
      const index = next++;
      try {
        results[index] = await task(inputs[index] as I, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return results;
}
