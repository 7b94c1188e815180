/**
 * IP addresses as Elasticsearch's `ip` type compares them: IPv4 as IPv4-mapped IPv6, so one
 * 128-bit number orders and masks both families.
 */
export function parseIp(text: string): bigint | undefined {
  const s = text.trim();
  if (s.includes(':')) return parseIpv6(s);
  const v4 = parseIpv4(s);
  return v4 === undefined ? undefined : (0xffffn << 32n) | v4;
}

function parseIpv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseIpv6(s: string): bigint | undefined {
  const zoneless = s.replace(/%.*$/, '');
  let head = zoneless;
  let tailV4: bigint | undefined;
  const lastColon = zoneless.lastIndexOf(':');
  if (zoneless.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(zoneless.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${zoneless.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) n = (n & ~0xffffffffn) | tailV4;
  return n;
}

/** `10.0.0.0/8` or `2001:db8::/32` as an inclusive range; undefined when not a CIDR. */
export function parseCidr(text: string): { low: bigint; high: bigint } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const bitsText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const ip = parseIp(address);
  if (ip === undefined) return undefined;
  // Java reads an IPv4-mapped address (::ffff:10.0.0.0) as IPv4, so its prefix counts IPv4 bits.
  const isV4 = !address.includes(':') || ip >> 32n === 0xffffn;
  const bits = Number(bitsText) + (isV4 ? 96 : 0);
  if (bits > 128) return undefined;
  const hostMask = (1n << BigInt(128 - bits)) - 1n;
  return { low: ip & ~hostMask, high: ip | hostMask };
}
