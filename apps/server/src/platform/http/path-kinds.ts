/**
 * What a request path is, decided in one place: the security headers (API answers or documents)
 * and the web app's fallback (index.html or a 404 problem) both ask.
 * - `api`: the JSON API under /api/ (answers, problem+json, downloads);
 * - `api-docs`: the API reference under /api/docs (an HTML document, but not the web app's);
 * - `service`: the probes /healthz and /readyz;
 * - `dev`: the development mailbox under /dev/;
 * - `app`: anything else, the web app's pages and files.
 */
export type PathKind = 'api' | 'api-docs' | 'service' | 'dev' | 'app';

/** The kind of a request URL (its query string, if any, does not matter). */
export function pathKind(url: string): PathKind {
  if (url.startsWith('/api/')) return url.startsWith('/api/docs') ? 'api-docs' : 'api';
  if (url.startsWith('/healthz') || url.startsWith('/readyz')) return 'service';
  if (url.startsWith('/dev/')) return 'dev';
  return 'app';
}

/** API answers and probes: JSON for programs, never rendered as a page. */
export const answersJson = (url: string) => {
  const kind = pathKind(url);
  return kind === 'api' || kind === 'service';
};
