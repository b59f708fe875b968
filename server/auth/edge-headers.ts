import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every answer, the API's and the static widget's alike (on Node, /erp-lens.js
 * and /frame.html come through the same app): CORS for the allowed CRM origins, and secure
 * headers whose frame-ancestors lets those origins, and no one else, frame /frame.html.
 */
export function edgeHeaders(allowedOrigins: readonly string[]): MiddlewareHandler[] {
  return [
    cors({
      origin: (origin) => (allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT'],
      allowHeaders: ['authorization', 'content-type'],
      exposeHeaders: ['retry-after'],
      maxAge: 600,
    }),
    secureHeaders({
      // X-Frame-Options knows only one origin; CSP frame-ancestors takes the whole list.
      xFrameOptions: false,
      contentSecurityPolicy: {
        frameAncestors: ["'self'", ...allowedOrigins],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  ];
}
