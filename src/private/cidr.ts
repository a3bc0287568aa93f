/**
 * IPv4/IPv6 address and CIDR parsing with the Kubernetes API server's acceptance rules.
 *
 * Why not a library: the API server parses with Go's `netutils.ParseCIDRSloppy`, which reads IPv4 octets with
 * leading zeros as decimal (`010` = 10), accepts IPv4-mapped IPv6 and treats it as IPv4 for containment, and
 * masks host bits silently. General-purpose JavaScript parsers (ipaddr.js, node's `net.isIP`) either read
 * leading zeros as octal, accept non-four-part IPv4 forms, or reject forms the API server accepts. Getting
 * those edge cases exactly right matters more here than saving a hundred lines, so the parser is ours and the
 * hazardous-but-accepted forms are reported as flags the callers decide on.
 */

/** A parsed address. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is stored as IPv4, as Go does for containment. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
  /** Written as IPv4-mapped IPv6. */
  readonly mapped: boolean;
  /** An IPv4 octet with a leading zero (read as decimal by Kubernetes, as octal by many other tools). */
  readonly leadingZeros: boolean;
}

/** A parsed CIDR; `network` has the host bits cleared. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
  /** Bits were set past the prefix in the text (`10.0.0.1/8`). */
  readonly hostBits: boolean;
  readonly mapped: boolean;
  readonly leadingZeros: boolean;
  /** Canonical text: dotted decimal for IPv4, RFC 5952 for IPv6. */
  readonly text: string;
  /** The text as written (`10.0.0.1/8`), for messages about the hazardous forms. */
  readonly written: string;
}

/** The result of a parse: the value, or what is wrong and how to fix it. */
export interface ParseResult<T> {
  readonly value?: T;
  readonly problem?: string;
  readonly fix?: string;
}

const V4_BITS = 32;
const V6_BITS = 128;

function bitsOf(family: 4 | 6): number {
  return family === 4 ? V4_BITS : V6_BITS;
}

/** Parses an IPv4 or IPv6 address (no prefix, no zone). */
export function parseIp(text: string): ParseResult<IpAddress> {
  if (typeof text !== 'string' || text.length === 0) {
    return { problem: 'IP address is empty', fix: 'Give an address such as "10.0.0.1" or "2001:db8::1"' };
  }
  if (/\s/.test(text)) {
    return { problem: 'IP address contains whitespace', fix: 'Remove the spaces' };
  }
  if (text.includes('%')) {
    return { problem: 'IPv6 zone identifiers are not allowed', fix: 'Remove the "%zone" suffix' };
  }
  if (text.includes(':')) {
    return parseV6(text);
  }
  const v4 = parseV4(text);
  return v4 === undefined
    ? { problem: 'not a valid IPv4 or IPv6 address', fix: 'Write IPv4 as four decimal octets 0-255 ("10.0.0.1") or IPv6 in hex groups ("2001:db8::1")' }
    : { value: { family: 4, value: v4.value, mapped: false, leadingZeros: v4.leadingZeros } };
}

function parseV4(text: string): { value: bigint; leadingZeros: boolean } | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0n;
  let leadingZeros = false;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) {
      return undefined;
    }
    const n = Number(part);
    if (n > 255) {
      return undefined;
    }
    if (part.length > 1 && part.startsWith('0')) {
      leadingZeros = true;
    }
    value = (value << 8n) | BigInt(n);
  }
  return { value, leadingZeros };
}

function parseV6(text: string): ParseResult<IpAddress> {
  const bad: ParseResult<IpAddress> = {
    problem: 'not a valid IPv6 address',
    fix: 'Write IPv6 as up to eight hex groups of 1-4 digits, with at most one "::" ("2001:db8::1")',
  };
  const halves = text.split('::');
  if (halves.length > 2) {
    return bad;
  }
  const groupsOf = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const all = [...head, ...tail];
  let embedded: { value: bigint; leadingZeros: boolean } | undefined;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    embedded = parseV4(last);
    if (embedded === undefined) {
      return bad;
    }
    (tail.length > 0 ? tail : head).pop();
  }
  const hexGroups = [...head, ...tail];
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) {
    return bad;
  }
  const groupCount = hexGroups.length + (embedded === undefined ? 0 : 2);
  if (halves.length === 1 ? groupCount !== 8 : groupCount > 7) {
    return bad;
  }
  const fill = 8 - groupCount;
  const words: bigint[] = [
    ...head.map((g) => BigInt(parseInt(g, 16))),
    ...new Array<bigint>(halves.length === 2 ? fill : 0).fill(0n),
    ...tail.map((g) => BigInt(parseInt(g, 16))),
  ];
  let value = words.reduce((acc, w) => (acc << 16n) | w, 0n);
  if (embedded !== undefined) {
    value = (value << 32n) | embedded.value;
  }
  if (value >> 32n === 0xffffn) {
    return { value: { family: 4, value: value & 0xffffffffn, mapped: true, leadingZeros: embedded?.leadingZeros ?? false } };
  }
  return { value: { family: 6, value, mapped: false, leadingZeros: embedded?.leadingZeros ?? false } };
}

/** Parses `address/prefix` as the API server does (host bits masked, flags for the hazardous forms). */
export function parseCidr(text: string): ParseResult<Cidr> {
  if (typeof text !== 'string') {
    return { problem: 'CIDR must be a string', fix: 'Write it as "address/prefix", e.g. "10.0.0.0/8"' };
  }
  if (text.length === 0) {
    return { problem: 'CIDR is empty', fix: 'Write it as "address/prefix", e.g. "10.0.0.0/8"' };
  }
  if (/\s/.test(text)) {
    return { problem: 'CIDR contains whitespace', fix: `Remove the spaces: "${text.replace(/\s+/g, '')}"` };
  }
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseIp(text);
    const hint = ip.value === undefined ? 'Write it as "address/prefix", e.g. "10.0.0.0/8"'
      : `CIDR mask is missing; did you mean "${text}/${bitsOf(ip.value.mapped ? 6 : ip.value.family)}"?`;
    return { problem: 'CIDR has no prefix length', fix: hint };
  }
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const ip = parseIp(addressText);
  if (ip.value === undefined) {
    return { problem: `CIDR address is invalid: ${ip.problem}`, fix: ip.fix! };
  }
  const writtenBits = ip.value.mapped ? V6_BITS : bitsOf(ip.value.family);
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > writtenBits) {
    return {
      problem: `CIDR prefix length must be a whole number from 0 to ${writtenBits}`,
      fix: 'Use a prefix such as /8, /16, /24 or /32 for IPv4, /48, /64 or /128 for IPv6 (masks like 255.0.0.0 are not accepted)',
    };
  }
  const written = Number(prefixText);
  const prefix = ip.value.mapped ? Math.max(0, written - 96) : written;
  const family = ip.value.family;
  const network = maskNetwork(ip.value.value, prefix, family);
  return {
    value: {
      family,
      network,
      prefix,
      hostBits: network !== ip.value.value,
      mapped: ip.value.mapped,
      leadingZeros: ip.value.leadingZeros || (prefixText.length > 1 && prefixText.startsWith('0')),
      text: `${formatIp(network, family)}/${prefix}`,
      written: text,
    },
  };
}

function maskNetwork(value: bigint, prefix: number, family: 4 | 6): bigint {
  const hostBitCount = BigInt(bitsOf(family) - prefix);
  return (value >> hostBitCount) << hostBitCount;
}

/** Whether the address lies inside the CIDR (families must match). */
export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && maskNetwork(ip.value, cidr.prefix, cidr.family) === cidr.network;
}

/** Whether `inner` lies inside `outer` (equal counts as inside). */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && inner.prefix >= outer.prefix
    && maskNetwork(inner.network, outer.prefix, outer.family) === outer.network;
}

/** Whether two CIDRs share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

/** Canonical text of an address: dotted decimal, or RFC 5952 (lowercase, longest zero run compressed). */
export function formatIp(value: bigint, family: 4 | 6): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  }
  const words = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((value >> s) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
