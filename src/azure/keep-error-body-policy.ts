import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ARM_ERROR_BODY_HEADER } from './errors.ts';

// ARM error bodies are small; this only bounds what a misbehaving server could make us hold.
const MAX_BODY_CHARS = 16 * 1024;

/**
 * The modular SDKs' paging helper builds its RestError without the response body ("Pagination failed with
 * unexpected statusCode 500"), losing ARM's own code and message. This policy keeps the body of every failed
 * response on the response's headers, which RestError does carry, so errors.ts can still show ARM's words.
 */
export const keepErrorBodyPolicy: PipelinePolicy = {
  name: 'vmbwKeepErrorBody',
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status >= 400 && response.bodyAsText) {
      response.headers.set(ARM_ERROR_BODY_HEADER, response.bodyAsText.slice(0, MAX_BODY_CHARS));
    }
    return response;
  },
};
