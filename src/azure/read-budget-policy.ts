import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { budgetKeyOf, type ReadBudget } from './rate-budget.ts';

const REMAINING_READS = 'x-ms-ratelimit-remaining-subscription-reads';

function retryAfterMsOf(value: string | undefined): number {
  if (value === undefined) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
}

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
        throttledForMs: response.status === 429 ? retryAfterMsOf(response.headers.get('retry-after')) : undefined,
      });
      return response;
    },
  };
}
