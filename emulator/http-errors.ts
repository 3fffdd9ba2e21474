// Errors the HTTP layer answers by itself — Fastify's (body too large, malformed URL, wrong content type)
// and Node's (headers too large, unparsable request) — leave in ARM's error envelope, never as Fastify's
// own JSON or a bare status line; on /arm paths with ARM's headers (request ids, CORS) too.
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ArmError, armErrors } from './arm/errors.ts';
import type { ArmService } from './arm/pipeline.ts';

/** ARM's request size limit (4 MB), which the emulator applies to every body. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

type HttpError = Error & { code?: string; statusCode?: number };

export function armErrorFor(error: HttpError, contentType = ''): ArmError {
  if (error instanceof ArmError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return armErrors.requestContentTooLarge(BODY_LIMIT_BYTES / (1024 * 1024));
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return armErrors.invalidRequestUri(error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return armErrors.unsupportedMediaType(contentType);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return armErrors.invalidRequestContent(error.message);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return armErrors.badRequest(error.message);
  console.error('[http] unexpected error', error);
  return armErrors.internal();
}

const isArmPath = (url: string) => url === '/arm' || url.startsWith('/arm/') || url.startsWith('/arm?');

/** Fastify's error handler and `frameworkErrors` option: one answer for both. */
export function answerHttpError(arm: ArmService) {
  return (error: HttpError, req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const armError = armErrorFor(error, String(req.headers['content-type'] ?? ''));
    if (!isArmPath(req.url)) return reply.code(armError.status).headers(armError.headers).send(armError.toBody());
    const answer = arm.refuse({ method: req.method, url: req.url.slice('/arm'.length) || '/', headers: req.headers, body: undefined }, armError);
    return reply.code(answer.status).headers(answer.headers).type('application/json; charset=utf-8').send(JSON.stringify(answer.body));
  };
}

/**
 * Node answers a request it cannot parse (431 for headers too large, 400 otherwise) before any handler;
 * this listener answers in ARM's envelope instead. The connection is closed, as Node would.
 */
/** Node's http and https servers both emit 'clientError'. */
type ClientErrorSource = { on(event: 'clientError', listener: (error: HttpError, socket: Duplex) => void): unknown };

export function answerClientErrors(server: ClientErrorSource): void {
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const armError = error.code === 'HPE_HEADER_OVERFLOW' ? armErrors.requestHeadersTooLarge() : armErrors.badRequest(error.code ?? error.message);
    const body = JSON.stringify(armError.toBody());
    socket.end(
      [
        `HTTP/1.1 ${armError.status} ${armError.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
