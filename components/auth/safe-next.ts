/** Where to go after signing in: a path of this app only, never another site (an open redirect). */
export function safeNext(next: string | null): string {
  if (!next) return "/integrations";
  // Parsed as a browser would (tabs and newlines dropped, backslashes as slashes), then kept only
  // when it stays on this origin.
  const base = "http://relay.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/integrations";
  }
  return url.origin === base && next.startsWith("/") ? `${url.pathname}${url.search}${url.hash}` : "/integrations";
}
