import { lookup } from "node:dns/promises";

/**
 * Turns a host name into the addresses a connection may go to. The guard asks it once per
 * connection and connects to what it answered, so a test can map `internal.example` to
 * `10.0.0.5` without touching DNS, and a name cannot answer one address to the check and
 * another to the connection.
 */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The operating system's resolver (`/etc/hosts`, then DNS), every address it has for the name. */
export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};
