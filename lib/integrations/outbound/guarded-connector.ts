import { isIP, type LookupFunction } from "node:net";
import { buildConnector } from "undici";
import { checkTarget, type OutboundPolicy } from "./check-target";

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

// The connector is only ever given IP addresses; a lookup here would be a second, unchecked
// resolution, so it fails loudly instead of happening.
const noSecondLookup: LookupFunction = (hostname, _options, callback) =>
  callback(Object.assign(new Error(`Refused a second DNS lookup of ${hostname}`), { code: "EAI_FAIL" }), "", 4);

/**
 * An undici connector that checks every new connection against the policy and connects to the
 * addresses it checked: the name is resolved here, once, and the socket opens to those IPs (in
 * order, the next one when one fails), with TLS still verifying the certificate for the name.
 * Every hop of a redirect and every pooled connection goes through it.
 */
export function guardedConnector(policy: OutboundPolicy): buildConnector.connector {
  const connect = buildConnector({ lookup: noSecondLookup });
  return (options, callback) => {
    const port = Number(options.port) || DEFAULT_PORTS[options.protocol] || 0;
    const display = options.host ?? (options.port ? `${options.hostname}:${options.port}` : options.hostname);
    checkTarget(policy, { hostname: options.hostname, port, display }).then(
      (addresses) => connectToFirst(connect, options, addresses, callback),
      (error: Error) => callback(error, null),
    );
  };
}

function connectToFirst(connect: buildConnector.connector, options: buildConnector.Options, addresses: string[], callback: buildConnector.Callback): void {
  const [address, ...rest] = addresses;
  // servername and host stay the name: SNI and certificate checks are for it, not for the IP.
  const servername = options.servername ?? (isIP(options.hostname) ? undefined : options.hostname);
  connect({ ...options, hostname: address!, servername }, (...args) => {
    if (args[0] && rest.length > 0) return connectToFirst(connect, options, rest, callback);
    callback(...args);
  });
}

