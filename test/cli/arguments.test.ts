import { Endpoint } from '../../src/analysis';
import { parseEndpoint, parsePort, portLabel, splitList } from '../../src/cli/arguments';

const KNOWN = [Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } })];

describe('parsePort', () => {
  test.each([
    ['8080', { port: 8080, protocol: 'TCP' }],
    ['53/udp', { port: 53, protocol: 'UDP' }],
    ['9/SCTP', { port: 9, protocol: 'SCTP' }],
    ['http', { portName: 'http', protocol: 'TCP' }],
    ['dns/udp', { portName: 'dns', protocol: 'UDP' }],
  ])('reads %s', (text, expected) => {
    // THEN
    expect(parsePort(text)).toEqual(expected);
  });

  test.each([
    ['0', /port number must be from 1 to 65535 \(got "0"\)/],
    ['65536', /from 1 to 65535/],
    ['80/icmp', /must be <number\|name>\[\/<tcp\|udp\|sctp>\]/],
    ['80/tcp/x', /must be <number\|name>/],
    ['/tcp', /must be <number\|name>/],
    ['HTTP', /^\[--port\] port name: /],
  ])('throws on %s', (text, message) => {
    // THEN
    expect(() => parsePort(text)).toThrow(message);
  });

  test('labels ports as the analyzer does', () => {
    // THEN
    expect(portLabel({ port: 53, protocol: 'UDP' as any })).toBe('UDP 53');
    expect(portLabel({ portName: 'http' })).toBe('TCP "http"');
  });
});

describe('parseEndpoint', () => {
  test('reads IPv4 and IPv6 addresses, with or without the ip: prefix', () => {
    // THEN
    expect(parseEndpoint('--to', '203.0.113.7', KNOWN).key).toBe('ip:203.0.113.7');
    expect(parseEndpoint('--to', 'ip:2001:DB8::1', KNOWN).key).toBe('ip:2001:db8::1');
  });

  test('finds a workload of the manifests by namespace/name', () => {
    // THEN
    expect(parseEndpoint('--from', 'shop/api', KNOWN)).toBe(KNOWN[0]);
  });

  test('makes a pod from namespace/name=labels and from namespace/labels', () => {
    // WHEN
    const named = parseEndpoint('--from', 'shop/probe=app=web,tier=front', KNOWN);
    const unnamed = parseEndpoint('--from', 'shop/app=web,tier=front', KNOWN);
    const bare = parseEndpoint('--from', 'shop/probe=', KNOWN);
    // THEN
    expect([named.key, named.labels]).toEqual(['shop/probe', { app: 'web', tier: 'front' }]);
    expect([unnamed.key, unnamed.labels]).toEqual(['shop/app=web,tier=front', { app: 'web', tier: 'front' }]);
    expect([bare.key, bare.labels]).toEqual(['shop/probe', {}]);
  });

  test.each([
    ['api', /must be an IP address, namespace\/workload or namespace\/name=labels \(got "api"\)/],
    ['shop/web', /no workload in the manifests has this namespace\/name \(got "shop\/web"\)\. Use one of: shop\/api\./],
    ['shop/p=a=b,c', /labels must be key=value pairs/],
    ['Shop/app=web', /^\[--from\] namespace/],
  ])('throws on %s', (text, message) => {
    // THEN
    expect(() => parseEndpoint('--from', text, KNOWN)).toThrow(message);
  });
});

describe('splitList', () => {
  test('splits repeated and comma-separated values and drops blanks', () => {
    // THEN
    expect(splitList(['80,443', ' 53/udp ', ''])).toEqual(['80', '443', '53/udp']);
    expect(splitList(undefined)).toEqual([]);
  });
});
