import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy the game runs under, directive by directive, with what needs each
 * source beyond 'self'. Scripts are only the built files Vite emits (no inline script, no eval),
 * so an injected name or post text can never run as code.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // index.html's own <style> block, the DOM layers' and the studio editor's injected styles.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // Phaser's built-in textures are data: URIs; canvas snapshots and generated images are blobs.
  imgSrc: ["'self'", 'data:', 'blob:'],
  // Howler unlocks HTML5 audio with a data: URI; decoded sounds may play from blobs.
  mediaSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // The API, its event streams, the audio files fetched for WebAudio and the blob: URLs Phaser's loader reads them through.
  connectSrc: ["'self'", 'blob:'],
  // The studio's balance worker may be built as a blob URL.
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Never framed: no clickjacking of the trainer's controls.
  frameAncestors: ["'none'"],
  // The server speaks plain HTTP on 127.0.0.1 in development and tests; a TLS proxy may add it.
  upgradeInsecureRequests: null,
} as const;

/**
 * Security headers on every response (API, static files, errors, 404, event streams) via
 * @fastify/helmet: the CSP above, X-Frame-Options DENY for browsers without frame-ancestors,
 * nosniff, no referrer. Registered before the rate limiter so even a 429 carries them.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS; on plain HTTP it is ignored anyway, and on a
    // misconfigured proxy it would lock browsers out for a year.
    strictTransportSecurity: false,
    // The game's audio and images are same-origin; nothing is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
  });
}
