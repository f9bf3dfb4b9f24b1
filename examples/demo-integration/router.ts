/** A route: method, a path pattern whose `:name` segments become params, and its handler. */
export interface Route<Context> {
  method: "GET" | "POST";
  path: string;
  handle(context: Context & { params: Record<string, string> }): unknown;
}

/** Finds the route for a method and path, with the values of its `:name` segments. */
export function matchRoute<Context>(
  routes: ReadonlyArray<Route<Context>>,
  method: string,
  pathname: string,
): { route: Route<Context>; params: Record<string, string> } | undefined {
  const segments = splitPath(pathname);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = splitPath(route.path);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(":")) params[part.slice(1)] = segment;
      return part.startsWith(":") || part === segment;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

function splitPath(pathname: string): string[] {
  return pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}
