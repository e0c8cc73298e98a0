import { docsPage, docsScript, openApiDocument } from '../../src/api/index';
import type { ApiRegistry } from './api-route';
import { buildOpenApi } from './openapi';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Surge Drill API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
.op { margin: .75rem 0; }
.method { display: inline-block; min-width: 4rem; font-weight: 700; font-family: ui-monospace, monospace; }
.path { font-family: ui-monospace, monospace; }
.auth { font-size: .85em; border: 1px solid #555; border-radius: 3px; padding: 0 .3rem; margin-left: .5rem; }
details pre { background: #f4f4f4; padding: .5rem; overflow: auto; font-size: 13px; }
</style>
</head>
<body>
<h1>Surge Drill API</h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1, generated from the server's zod schemas).</p>
<main id="ops">Loading…</main>
<script src="/api/docs/docs.js"></script>
</body>
</html>
`;

/** Renders the document with DOM text nodes only: nothing from the document is parsed as HTML. */
const SCRIPT = `(async () => {
  const main = document.getElementById('ops');
  const doc = await (await fetch('/api/openapi.json')).json();
  main.textContent = '';
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const byTag = new Map();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  for (const [tag, list] of byTag) {
    main.append(el('h2', '', tag));
    for (const { path, method, op } of list) {
      const div = el('div', 'op');
      div.append(el('span', 'method', method.toUpperCase()), el('span', 'path', path));
      if (op.security) div.append(el('span', 'auth', 'token'));
      div.append(el('div', '', op.summary || ''));
      if (op.description) div.append(el('div', '', op.description));
      const details = el('details');
      details.append(el('summary', '', 'schemas'), el('pre', '', JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2)));
      div.append(details);
      main.append(div);
    }
  }
})();
`;

/** The machine-readable document, the page that renders it, and the page's script; all in the document too. */
export function docsRoutes(api: ApiRegistry): void {
  let cached: ReturnType<typeof buildOpenApi> | undefined;
  const document = () => (cached ??= buildOpenApi(api));
  api.add(
    {
      method: 'GET',
      url: '/api/openapi.json',
      tag: 'service',
      summary: 'This document: OpenAPI 3.1, generated from the zod schemas that validate requests and replies',
      reply: { status: 200, description: 'The document', schema: openApiDocument },
    },
    async () => document(),
  );
  api.add(
    {
      method: 'GET',
      url: '/api/docs',
      tag: 'service',
      summary: 'Readable API documentation (browsers); the OpenAPI document as JSON for other clients',
      reply: { status: 200, description: 'An HTML page, or the document when JSON is asked for', contentType: 'text/html', schema: docsPage },
    },
    async ({ request, reply }) => {
      // Browsers get a readable page; API clients asking for JSON get the document itself.
      if (!(request.headers.accept ?? '').includes('text/html')) {
        reply.type('application/json; charset=utf-8');
        return JSON.stringify(document());
      }
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
      return PAGE;
    },
  );
  api.add(
    {
      method: 'GET',
      url: '/api/docs/docs.js',
      tag: 'service',
      summary: 'The script of the documentation page',
      reply: { status: 200, description: 'JavaScript', contentType: 'text/javascript', schema: docsScript },
    },
    async ({ reply }) => {
      reply.type('text/javascript; charset=utf-8');
      return SCRIPT;
    },
  );
}
