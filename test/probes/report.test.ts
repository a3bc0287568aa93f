import { ProbeErrorCode, ProbeReport, ProbeResult } from '../../src/probes';
import { Protocol } from '../../src/protocol';

function result(id: string, expectAllowed: boolean, observedAllowed: boolean, role = 'cell'): ProbeResult {
  return {
    cell: {
      id,
      sourceClass: 'c01',
      destinationClass: 'c02',
      portLabel: 'TCP 80',
      targetPort: 80,
      protocol: Protocol.TCP,
      expectAllowed,
      explanation: 'DENIED: shop/a -> shop/<b> on TCP 80\n  - Ingress NO_RULE_MATCHES shop/deny: "quoted" & <angled>',
    },
    role,
    observedAllowed,
    agrees: expectAllowed === observedAllowed,
    attempts: expectAllowed === observedAllowed ? 1 : 2,
    detail: observedAllowed ? 'connected' : 'TIMEOUT',
    sourcePod: 'shop/netpol-probe-c01',
    destinationPod: 'shop/netpol-probe-c02 (10.0.0.2:80)',
  };
}

describe('ProbeReport |', () => {
  const mismatch = ProbeReport._create({
    planId: '0123456789',
    mode: 'stand-ins',
    notes: ['a | note'],
    results: [result('c01>c02 TCP 80', false, false, 'deny-canary'), result('c02>c01 TCP 80', true, true, 'allow-canary'), result('c01>c02 TCP 80', false, true)],
  });
  const stopped = ProbeReport._create({ planId: '0123456789', mode: 'stand-ins', notes: [], results: [], errorCode: ProbeErrorCode.UNREACHABLE, errorMessage: 'the API server is unreachable <x>' });

  test('exit codes: 1 on a mismatch, 2 when the run stopped, 0 otherwise', () => {
    expect(mismatch.exitCode).toBe(1);
    expect(stopped.exitCode).toBe(2);
    expect(ProbeReport._create({ planId: '0123456789', mode: 'in-place', notes: [], results: [result('x', true, true)] }).exitCode).toBe(0);
  });

  test.each([
    ['text', (r: ProbeReport) => r.toText()],
    ['markdown', (r: ProbeReport) => r.toMarkdown()],
    ['junit', (r: ProbeReport) => r.toJunit()],
  ])('renders a mismatch and a stopped run as %s', (_format, render) => {
    expect(render(mismatch)).toMatchSnapshot();
    expect(render(stopped)).toMatchSnapshot();
  });

  test('escapes what the JUnit XML and the Markdown table cannot carry', () => {
    expect(mismatch.toJunit()).toContain('&quot;quoted&quot; &amp; &lt;angled&gt;');
    expect(stopped.toJunit()).toContain('<error type="UNREACHABLE" message="the API server is unreachable &lt;x&gt;"/>');
    expect(mismatch.toMarkdown()).toContain('- a \\| note');
  });

  test('gives the mismatches and the JSON form', () => {
    expect(mismatch.mismatches.map((r) => r.cell.id)).toEqual(['c01>c02 TCP 80']);
    expect(mismatch.toJson()).toMatchObject({ exitCode: 1, agreed: 2, mismatched: 1, planId: '0123456789' });
    expect(stopped.toJson()).toMatchObject({ exitCode: 2, errorCode: 'UNREACHABLE' });
  });
});
