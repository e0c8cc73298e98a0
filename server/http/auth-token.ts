import type { FastifyRequest } from 'fastify';

/**
 * The caller's drill token: `Authorization: Bearer …`, or a `token` query parameter
 * where a browser cannot set headers (EventSource, download links). Query tokens are
 * redacted from the request log (see app.ts).
 */
export function callerToken(request: FastifyRequest, queryToken?: string): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return queryToken;
}
