import { Cidr, parseCidr } from './cidr';
import { ErrorCode, invalid } from './errors';

/**
 * The range `text` names, or the project's error for a CIDR that is malformed or ambiguous: IPv4-mapped IPv6,
 * leading zeros, bits set past the prefix (with the fix that says which of two things was probably meant).
 */
export function checkCidr(where: string, text: string): Cidr {
  const parsed = parseCidr(text);
  if (parsed.value === undefined) {
    throw invalid(ErrorCode.INVALID_CIDR, where, parsed.problem!, text, parsed.fix!);
  }
  const cidr = parsed.value;
  if (cidr.mapped) {
    throw invalid(ErrorCode.AMBIGUOUS_ADDRESS, where, 'IPv4-mapped IPv6 ranges are read differently by different CNIs', text,
      `Write the IPv4 range instead: "${cidr.text}"`);
  }
  if (cidr.leadingZeros) {
    throw invalid(ErrorCode.AMBIGUOUS_ADDRESS, where, 'leading zeros are read as decimal by Kubernetes but as octal by many tools', text,
      `Write it without leading zeros: "${cidr.text}"`);
  }
  if (cidr.hostBits) {
    const bits = cidr.family === 4 ? 32 : 128;
    throw invalid(ErrorCode.CIDR_HOST_BITS, where, 'CIDR has bits set past its prefix length, so it is unclear whether a network or one host is meant', text,
      `Did you mean the network "${cidr.text}" or the single address "${text.split('/')[0]}/${bits}"?`);
  }
  return cidr;
}
