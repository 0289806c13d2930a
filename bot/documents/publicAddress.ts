import { lookup } from 'node:dns/promises';
import net from 'node:net';

/** Ranges a client's URL must never make the bot reach: this machine, the cloud's metadata, private networks. */
const BLOCKED = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** True for an address on the public internet (an IPv4-mapped IPv6 address is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The host's addresses when every one of them is public, otherwise undefined: a name that resolves to a public
 * and a private address (or to 169.254.169.254) is refused as a whole.
 */
export async function publicAddressesOf(
  host: string,
): Promise<{ address: string; family: number }[] | undefined> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return isPublicAddress(bare) ? [{ address: bare, family: net.isIP(bare) }] : undefined;
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    return undefined;
  }
  return addresses.length > 0 && addresses.every((entry) => isPublicAddress(entry.address))
    ? addresses
    : undefined;
}
