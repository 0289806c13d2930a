import { BlockList, isIP } from 'node:net';

/**
 * The reverse proxies whose `X-Forwarded-For` is believed (TRUSTED_PROXIES: addresses and CIDR ranges, IPv4
 * or IPv6). Any other caller's header is ignored: a client could write any address in it.
 */
export class TrustedProxies {
  private readonly list = new BlockList();

  constructor(readonly entries: readonly string[] = []) {
    for (const entry of entries) {
      const [address, bits] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(bits), type);
    }
  }

  get any(): boolean {
    return this.entries.length > 0;
  }

  has(address: string): boolean {
    if (!this.any) return false;
    const plain = unmapped(address);
    const type = isIP(plain);
    if (type === 0) return false;
    return this.list.check(plain, type === 6 ? 'ipv6' : 'ipv4');
  }
}

/** `::ffff:10.0.0.2` (an IPv4 client of a dual-stack socket) → `10.0.0.2`. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** The problem with one TRUSTED_PROXIES entry, or undefined when it is an address or a CIDR range. */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address, bits, extra] = entry.split('/');
  const type = isIP(address);
  const maxBits = type === 6 ? 128 : 32;
  const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
  if (type === 0 || extra !== undefined || !bitsOk) {
    return `TRUSTED_PROXIES entry "${entry}": expected an IP address or a CIDR range (e.g. 10.0.0.0/8)`;
  }
  return undefined;
}

/** Removes a port and brackets: `[2001:db8::1]:443` → `2001:db8::1`, `203.0.113.9:51234` → `203.0.113.9`. */
export function bareAddress(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  return /^\d+\.\d+\.\d+\.\d+:\d+$/.test(address) ? address.replace(/:\d+$/, '') : address;
}
