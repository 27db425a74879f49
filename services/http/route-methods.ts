// Which methods the service answers on a path, so that a request with a known path and another
// method gets 405 with an Allow header (RFC 9110 §15.5.6) instead of a 404 that says the
// resource does not exist. Fastify's router does not tell, so the routes are recorded as they
// are added (onRoute) and matched here by their patterns.
import type { RouteOptions } from 'fastify';

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/v1/pathways/:id/contacts` → a regex of the whole path; `*` is any rest of it. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

export class RouteMethods {
  private readonly routes = new Map<string, KnownRoute>();

  record(route: Pick<RouteOptions, 'url' | 'method'>): void {
    let known = this.routes.get(route.url);
    if (!known) {
      known = { pattern: patternOf(route.url), methods: new Set() };
      this.routes.set(route.url, known);
    }
    for (const method of [route.method].flat()) known.methods.add(method.toUpperCase());
  }

  /** The methods some route answers on this path (raw request path, without its query), sorted. */
  allowedOn(rawPath: string): string[] {
    const path = decodedPath(rawPath);
    if (path === null) return [];
    const methods = new Set<string>();
    for (const route of this.routes.values()) if (route.pattern.test(path)) for (const m of route.methods) methods.add(m);
    return [...methods].sort();
  }
}

// The router matches decoded paths (`/%76%31/...` is `/v1/...`), so this does too; `%2F` stays
// encoded within a segment, as decodeURI leaves it.
function decodedPath(raw: string): string | null {
  try {
    return decodeURI(raw);
  } catch {
    return null;
  }
}
