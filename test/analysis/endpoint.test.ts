import { Endpoint } from '../../src/analysis';
import { Protocol } from '../../src/protocol';
import { ErrorCode, problemOf } from '../problems';

describe('Endpoint', () => {
  test('keys a pod by namespace and name', () => {
    // GIVEN / WHEN
    const pod = Endpoint.pod({ namespace: 'shop', name: 'web-1', labels: { app: 'web' } });
    // THEN
    expect(pod.key).toBe('shop/web-1');
    expect(pod.isPod).toBe(true);
  });

  test('makes a readable, stable name from the labels when none is given', () => {
    // GIVEN / WHEN
    const pod = Endpoint.pod({ namespace: 'shop', labels: { tier: 'api', app: 'web' } });
    // THEN
    expect(pod.key).toBe('shop/app=web,tier=api');
    expect(Endpoint.pod({ namespace: 'shop' }).key).toBe('shop/pod');
  });

  test('keys an address by its canonical form', () => {
    // GIVEN / WHEN / THEN
    expect(Endpoint.ip('2001:DB8:0:0::1').key).toBe('ip:2001:db8::1');
    expect(Endpoint.ip('::ffff:10.0.0.1').key).toBe('ip:10.0.0.1');
    expect(Endpoint.ip('10.0.0.1').isPod).toBe(false);
  });

  test('fills in the protocol of container ports and copies its inputs', () => {
    // GIVEN
    const labels = { app: 'web' };
    const pod = Endpoint.pod({ namespace: 'shop', labels, ports: [{ name: 'http', port: 80 }] });
    // WHEN
    labels.app = 'changed';
    pod.labels.app = 'changed too';
    // THEN
    expect(pod.labels).toEqual({ app: 'web' });
    expect(pod.ports).toEqual([{ name: 'http', port: 80, protocol: Protocol.TCP }]);
  });

  test.each([
    ['an invalid namespace', () => Endpoint.pod({ namespace: 'Shop' }), { code: ErrorCode.INVALID_NAME, where: 'Endpoint.pod()', value: 'Shop' }],
    ['an invalid label value', () => Endpoint.pod({ namespace: 's', labels: { app: 'a b' } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'Endpoint.pod()', value: { app: 'a b' } }],
    ['a port out of range', () => Endpoint.pod({ namespace: 's', ports: [{ port: 70000 }] }), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Endpoint.pod()', value: 70000 }],
    ['an invalid port name', () => Endpoint.pod({ namespace: 's', ports: [{ port: 80, name: 'HTTP' }] }), { code: ErrorCode.INVALID_PORT_NAME, where: 'Endpoint.pod()', value: 'HTTP' }],
    ['an invalid pod address', () => Endpoint.pod({ namespace: 's', ip: '10.0.0' }), { code: ErrorCode.INVALID_IP_ADDRESS, where: 'Endpoint.pod()', value: '10.0.0' }],
    ['an invalid address', () => Endpoint.ip('example.com'), { code: ErrorCode.INVALID_IP_ADDRESS, where: 'Endpoint.ip()', value: 'example.com' }],
  ])('throws when given %s', (_name, make, expected) => {
    // GIVEN / WHEN / THEN
    expect(problemOf(make)).toMatchObject(expected);
  });
});
