import { describe, expect, it } from "vitest";
import { refusedRangeOf } from "./address-rules";

describe("refusedRangeOf", () => {
  it.each([
    ["127.0.0.1", "loopback address", "127.0.0.0/8"],
    ["10.0.0.5", "private address", "10.0.0.0/8"],
    ["169.254.169.254", "cloud metadata address", "169.254.169.254/32"],
    ["100.64.0.1", "shared address space (CGNAT)", "100.64.0.0/10"],
    ["0.0.0.0", "unspecified address", "0.0.0.0/8"],
    ["::", "unspecified address", "::/128"],
    ["::1", "loopback address", "::1/128"],
    ["::ffff:10.0.0.5", "private address", "10.0.0.0/8"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata address", "169.254.169.254/32"],
    ["2002:c0a8:0101::1", "private address", "192.168.0.0/16"],
    ["fd00::1", "unique-local address", "fc00::/7"],
    ["fe80::1%eth0", "link-local address", "fe80::/10"],
    ["ff02::1", "multicast address", "ff00::/8"],
    ["2001:0:4136:e378::1", "Teredo tunnel address", "2001::/32"],
    ["not an address", "unparsable address", "not an address"],
  ])("%s → %s", (address, rule, cidr) => {
    expect(refusedRangeOf(address)).toEqual({ rule, cidr });
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1", "172.32.0.1", "100.128.0.1"])(
    "%s is public",
    (address) => {
      expect(refusedRangeOf(address)).toBeUndefined();
    },
  );
});
