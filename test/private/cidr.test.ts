import { cidrContainsCidr, cidrContainsIp, cidrsOverlap, formatIp, parseCidr, parseIp } from '../../src/private/cidr';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (parsed.value === undefined) throw new Error(`${text}: ${parsed.problem}`);
  return parsed.value;
};
const ip = (text: string) => parseIp(text).value!;

describe('cidr', () => {
  test.each([
    ['10.0.0.0/8', 4, '10.0.0.0/8', { hostBits: false, leadingZeros: false, mapped: false }],
    ['0.0.0.0/0', 4, '0.0.0.0/0', {}],
    ['10.0.0.1/8', 4, '10.0.0.0/8', { hostBits: true }],
    ['010.000.0.0/8', 4, '10.0.0.0/8', { leadingZeros: true }],
    ['10.0.0.0/08', 4, '10.0.0.0/8', { leadingZeros: true }],
    ['::ffff:10.0.0.0/104', 4, '10.0.0.0/8', { mapped: true }],
    ['2001:DB8:0:0::/64', 6, '2001:db8::/64', { hostBits: false }],
    ['::/0', 6, '::/0', {}],
    ['fe80::/10', 6, 'fe80::/10', {}],
    ['::1/128', 6, '::1/128', {}],
    ['1:2:3:4:5:6:7:8/128', 6, '1:2:3:4:5:6:7:8/128', {}],
    ['64:ff9b::192.0.2.0/120', 6, '64:ff9b::c000:200/120', {}],
  ])('accepts %s as the API server does', (text, family, canonical, flags) => {
    // GIVEN / WHEN
    const parsed = cidr(text);
    // THEN
    expect(parsed.family).toBe(family);
    expect(parsed.text).toBe(canonical);
    expect(parsed).toMatchObject(flags);
  });

  test.each([
    ['10.0.0.0', /no prefix/], ['10.0.0.0/33', /0 to 32/], ['300.1.1.1/8', /IPv4/], ['fe80::1%eth0/64', /zone/],
    ['10.0.0.0/8 ', /whitespace/], ['example.com/32', /not a valid/], ['10.0.0.0/255.0.0.0', /prefix/],
    ['2001:db8::/129', /0 to 128/], ['1::2::3/64', /IPv6/], ['1:2:3:4:5:6:7:8:9/64', /IPv6/], ['10.0.0/8', /IPv4/],
    ['', /empty/], ['12345::/16', /IPv6/], ['1:2:3:4:5:6:7/64', /IPv6/], ['10.0.0.0/-1', /prefix/],
  ])('refuses %s', (text, problem) => {
    // GIVEN / WHEN
    const parsed = parseCidr(text);
    // THEN
    expect(parsed.value).toBeUndefined();
    expect(parsed.problem).toMatch(problem);
    expect(parsed.fix).toBeTruthy();
  });

  test('suggests a /32 or /128 when the prefix is missing', () => {
    // GIVEN / WHEN / THEN
    expect(parseCidr('10.1.2.3').fix).toMatch(/"10\.1\.2\.3\/32"/);
    expect(parseCidr('2001:db8::1').fix).toMatch(/"2001:db8::1\/128"/);
  });

  test('containment follows the prefix and the family', () => {
    // GIVEN / WHEN / THEN
    expect(cidrContainsIp(cidr('10.0.0.0/8'), ip('10.255.1.2'))).toBe(true);
    expect(cidrContainsIp(cidr('10.0.0.0/8'), ip('11.0.0.1'))).toBe(false);
    expect(cidrContainsIp(cidr('0.0.0.0/0'), ip('2001:db8::1'))).toBe(false);
    expect(cidrContainsIp(cidr('::/0'), ip('2001:db8::1'))).toBe(true);
    expect(cidrContainsIp(cidr('10.0.0.0/8'), ip('::ffff:10.1.1.1'))).toBe(true);
    expect(cidrContainsCidr(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(true);
    expect(cidrContainsCidr(cidr('10.1.0.0/16'), cidr('10.0.0.0/8'))).toBe(false);
    expect(cidrContainsCidr(cidr('10.0.0.0/8'), cidr('::ffff:10.1.0.0/112'))).toBe(true);
    expect(cidrsOverlap(cidr('10.1.0.0/16'), cidr('10.0.0.0/8'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/8'), cidr('192.168.0.0/16'))).toBe(false);
  });

  test('formats IPv6 in RFC 5952 form', () => {
    // GIVEN / WHEN / THEN
    expect(formatIp(ip('2001:0db8:0000:0000:0000:0000:0000:0001').value, 6)).toBe('2001:db8::1');
    expect(formatIp(ip('2001:db8:0:1:0:0:0:1').value, 6)).toBe('2001:db8:0:1::1');
    expect(formatIp(ip('2001:db8:0:0:1:0:0:1').value, 6)).toBe('2001:db8::1:0:0:1');
    expect(formatIp(ip('2001:db8:1:1:1:1:0:1').value, 6)).toBe('2001:db8:1:1:1:1:0:1');
    expect(formatIp(0n, 6)).toBe('::');
  });

  test('parses addresses with their flags', () => {
    // GIVEN / WHEN / THEN
    expect(parseIp('192.168.001.1').value).toMatchObject({ family: 4, leadingZeros: true });
    expect(parseIp('::ffff:192.168.1.1').value).toMatchObject({ family: 4, mapped: true });
    expect(parseIp('1.2.3').problem).toMatch(/not a valid/);
    expect(parseIp('::ffff:1.2.3.999').problem).toMatch(/IPv6/);
  });

  test('parsing is pure: the same text gives an equal result, and changing one result changes no other', () => {
    // GIVEN
    const first = parseCidr('10.0.0.0/8');
    // WHEN
    const again = parseCidr('10.0.0.0/8');
    (first.value as { text: string }).text = 'changed';
    // THEN
    expect(again).not.toBe(first);
    expect(again.value?.text).toBe('10.0.0.0/8');
    expect(parseCidr('10.0.0.0/8')).toEqual(again);
    expect(parseCidr('10.0.0.1/8').value?.hostBits).toBe(true);
  });

  test('results do not depend on how many other ranges were parsed before', () => {
    // GIVEN
    const first = parseCidr('192.168.0.0/16');
    // WHEN
    for (let i = 0; i < 5000; i++) parseCidr(`10.${i >> 8}.${i & 255}.0/24`);
    const again = parseCidr('192.168.0.0/16');
    // THEN
    expect(again).toEqual(first);
    expect(parseCidr(' 10.0.0.0/8').problem).toMatch(/whitespace/);
  });
});
