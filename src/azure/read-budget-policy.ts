import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { parseRetryAfter } from './errors.ts';
import { budgetKeyOf, type ReadBudget } from './rate-budget.ts';

const REMAINING_READS = 'x-ms-ratelimit-remaining-subscription-reads';

/** A 429 without a readable Retry-After still pauses the subscription this long. */
const DEFAULT_PAUSE_MS = 1000;

/**
 * Feeds the read budget from every attempt (position perRetry, so the SDK's own 429 retries are seen too):
 * which subscription a read goes to, and what ARM answered about that subscription's bucket.
 */
export function readBudgetPolicy(budget: ReadBudget): PipelinePolicy {
  return {
    name: 'vmbwReadBudget',
    async sendRequest(request, next) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next(request);
      const key = budgetKeyOf(request.url);
      budget.sent(key);
      let response;
      try {
        response = await next(request);
      } catch (error) {
        budget.answered(key, {});
        throw error;
      }
      const remaining = response.headers.get(REMAINING_READS);
      budget.answered(key, {
        remaining: remaining === undefined ? undefined : Number(remaining),
        throttledForMs: response.status === 429 ? (parseRetryAfter(response.headers.get('retry-after')) ?? DEFAULT_PAUSE_MS) : undefined,
      });
      return response;
    },
  };
}
