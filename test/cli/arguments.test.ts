import { Endpoint } from '../../src/analysis';
import { parseEndpoint, parsePort, portLabel, splitList } from '../../src/cli/arguments';
import { ErrorCode, problemOf } from '../problems';

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
    ['0', { code: ErrorCode.PORT_OUT_OF_RANGE, where: '--port', value: '0' }],
    ['65536', { code: ErrorCode.PORT_OUT_OF_RANGE, where: '--port', value: '65536' }],
    ['80/icmp', { code: ErrorCode.MALFORMED_ARGUMENT, where: '--port', value: '80/icmp' }],
    ['80/tcp/x', { code: ErrorCode.MALFORMED_ARGUMENT, where: '--port', value: '80/tcp/x' }],
    ['/tcp', { code: ErrorCode.MALFORMED_ARGUMENT, where: '--port', value: '/tcp' }],
    ['HTTP', { code: ErrorCode.INVALID_PORT_NAME, where: '--port', value: 'HTTP' }],
  ])('throws on %s', (text, expected) => {
    // THEN
    expect(problemOf(() => parsePort(text))).toMatchObject(expected);
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
    ['api', { code: ErrorCode.MALFORMED_ARGUMENT, where: '--from', value: 'api' }],
    ['shop/web', { code: ErrorCode.NOT_FOUND, where: '--from', value: 'shop/web' }],
    ['shop/p=a=b,c', { code: ErrorCode.MALFORMED_ARGUMENT, where: '--from', value: 'shop/p=a=b,c' }],
    ['Shop/app=web', { code: ErrorCode.INVALID_NAME, where: '--from', value: 'Shop' }],
  ])('throws on %s', (text, expected) => {
    // THEN
    expect(problemOf(() => parseEndpoint('--from', text, KNOWN))).toMatchObject(expected);
  });
});

describe('splitList', () => {
  test('splits repeated and comma-separated values and drops blanks', () => {
    // THEN
    expect(splitList(['80,443', ' 53/udp ', ''])).toEqual(['80', '443', '53/udp']);
    expect(splitList(undefined)).toEqual([]);
  });
});
