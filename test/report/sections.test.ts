import { Linter } from '../../src/lint';
import { diffHtml, findingsHtml, policiesHtml } from '../../src/report/sections';
import { netpol } from '../util';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=y>';

describe('report sections', () => {
  test('list each policy rule with its description from the annotations, escaped', () => {
    // GIVEN
    const policy = netpol('shop', 'api', { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    policy.metadata.annotations = { 'cdk8s-netpol.dev/description': HOSTILE, 'cdk8s-netpol.dev/ingress-rules': `0: the web tier ${HOSTILE}` };
    // WHEN
    const html = policiesHtml([policy]);
    // THEN
    expect(html).toContain('<h3>shop/api</h3>');
    expect(html).toContain('<strong>ingress rule 0</strong>: the web tier &lt;script&gt;');
    expect(html).toContain('app: web');
    expect(html).not.toMatch(/<script|<img/);
  });

  test('show the findings with severity, check code and the message carrying the fix, escaped', () => {
    // GIVEN
    const findings = Linter.lintManifests([netpol('shop', 'api', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.1/8' } }] }] })], { sources: [`dist/${HOSTILE}.yaml#0`] });
    // WHEN
    const html = findingsHtml(findings);
    // THEN
    expect(html).toContain('<code>ip-block-host-bits</code>');
    expect(html).toContain('Write the network &quot;10.0.0.0/8&quot;');
    expect(html).not.toMatch(/<script|<img/);
    expect(findingsHtml([])).toBe('<p class="none">No findings.</p>');
  });

  test('count and list the changed flows against the base', () => {
    // WHEN
    const html = diffHtml([
      { source: 'shop/web', destination: 'shop/api', port: 8080, protocol: 'TCP' as any, allowedBefore: false, allowedAfter: true },
      { source: 'shop/web', destination: 'shop/db', portName: 'pg', protocol: 'TCP' as any, allowedBefore: true, allowedAfter: false },
    ], HOSTILE);
    // THEN
    expect(html).toContain('2 flow(s) changed');
    expect(html).toContain('1 now allowed, 1 now denied');
    expect(html).toContain('<td>TCP &quot;pg&quot;</td>');
    expect(html).not.toMatch(/<script|<img/);
  });
});
