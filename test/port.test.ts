import { Port, Protocol } from '../src';

describe('Port', () => {
  test.each([
    ['tcp', Port.tcp(443), { protocol: 'TCP', port: 443 }, 'TCP/443'],
    ['udp', Port.udp(53), { protocol: 'UDP', port: 53 }, 'UDP/53'],
    ['sctp', Port.sctp(9), { protocol: 'SCTP', port: 9 }, 'SCTP/9'],
    ['tcpRange', Port.tcpRange(8000, 8999), { protocol: 'TCP', port: 8000, endPort: 8999 }, 'TCP/8000-8999'],
    ['udpRange', Port.udpRange(30000, 32767), { protocol: 'UDP', port: 30000, endPort: 32767 }, 'UDP/30000-32767'],
    ['sctpRange', Port.sctpRange(1, 65535), { protocol: 'SCTP', port: 1, endPort: 65535 }, 'SCTP/1-65535'],
    ['a one-port range', Port.tcpRange(80, 80), { protocol: 'TCP', port: 80 }, 'TCP/80'],
    ['named', Port.named('metrics'), { protocol: 'TCP', port: 'metrics' }, 'TCP/metrics'],
    ['named UDP', Port.named('dns', Protocol.UDP), { protocol: 'UDP', port: 'dns' }, 'UDP/dns'],
    ['allTcp', Port.allTcp(), { protocol: 'TCP' }, 'TCP/*'],
    ['allUdp', Port.allUdp(), { protocol: 'UDP' }, 'UDP/*'],
    ['allSctp', Port.allSctp(), { protocol: 'SCTP' }, 'SCTP/*'],
  ])('%s renders the Kubernetes port and a readable form', (_name, port, kube, text) => {
    // GIVEN / WHEN
    const rendered = JSON.parse(JSON.stringify(port._toKube()));
    // THEN
    expect({ ...rendered, port: rendered.port?.value }).toEqual({ ...kube, port: (kube as any).port });
    expect(port.toString()).toBe(text);
  });

  test('a whole protocol never renders port 0', () => {
    // GIVEN / WHEN
    const kube = Port.allUdp()._toKube();
    // THEN
    expect(kube.port).toBeUndefined();
    expect(Port.allUdp().isAllPorts()).toBe(true);
    expect(Port.tcp(1).isAllPorts()).toBe(false);
  });

  test('well-known constants carry their protocol and number', () => {
    // GIVEN / WHEN / THEN
    expect([Port.HTTP, Port.HTTPS, Port.DNS_UDP, Port.DNS_TCP, Port.KUBE_API].map(String))
      .toEqual(['TCP/80', 'TCP/443', 'UDP/53', 'TCP/53', 'TCP/6443']);
    expect([Port.POSTGRES, Port.MYSQL, Port.REDIS].map((p) => p.portNumber)).toEqual([5432, 3306, 6379]);
  });

  test('accepts the edges of the valid range', () => {
    // GIVEN / WHEN / THEN
    expect(Port.tcp(1).portNumber).toBe(1);
    expect(Port.tcp(65535).portNumber).toBe(65535);
    expect(Port.named('a'.repeat(15)).portName).toBe('a'.repeat(15));
    expect(Port.named('h2c').portName).toBe('h2c');
  });

  test('orders ports by protocol, then number, then name', () => {
    // GIVEN
    const ports = [Port.named('web'), Port.udp(53), Port.tcp(8080), Port.tcp(443), Port.allTcp()];
    // WHEN
    const sorted = ports.sort((a, b) => (a._sortKey() < b._sortKey() ? -1 : 1)).map(String);
    // THEN
    expect(sorted).toEqual(['TCP/*', 'TCP/443', 'TCP/8080', 'TCP/web', 'UDP/53']);
  });

  test('the canonical form is computed once and matches the Kubernetes form', () => {
    // GIVEN
    const port = Port.tcpRange(8000, 8999);
    // WHEN
    const form = port._canonicalForm();
    // THEN
    expect(port._canonicalForm()).toBe(form);
    expect(form.sortKey).toBe(port._sortKey());
    expect(form.key).toBe('{"endPort":8999,"port":{"value":8000},"protocol":"TCP"}');
  });
});
