import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/http-errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <author key>`. Both sides are hashed first, so the constant-time
 * comparison always sees equal lengths and the key's length does not leak either. Publishing is
 * off (404) when the operator set no key.
 */
export function requireAuthorKey(request: FastifyRequest, configured: string | undefined): void {
  if (!configured) throw new ApiError('scenario/publishing_off');
  const header = request.headers.authorization;
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (given.length === 0) throw new ApiError('scenario/unauthorized', 'send Authorization: Bearer <author key>');
  if (!timingSafeEqual(digest(given), digest(configured))) throw new ApiError('scenario/unauthorized', 'wrong author key');
}
