import { FlowChange } from '../../src/analysis';
import { diffJson, diffMarkdown, diffText } from '../../src/cli/format-diff';
import { Protocol } from '../../src/protocol';

const CHANGES: FlowChange[] = [
  { source: 'shop/web', destination: 'shop/api', port: 8080, protocol: Protocol.TCP, allowedBefore: true, allowedAfter: false },
  { source: 'shop/web', destination: 'shop/api', portName: 'http', protocol: Protocol.TCP, allowedBefore: false, allowedAfter: true },
];

describe('diff formatters', () => {
  test('write one aligned line per change and a summary', () => {
    // THEN
    expect(diffText(CHANGES, false)).toBe([
      '- denied   shop/web -> shop/api  TCP 8080',
      '+ allowed  shop/web -> shop/api  TCP "http"',
      '2 flows changed: 1 now allowed, 1 now denied',
      '',
    ].join('\n'));
  });

  test('say that nothing changed', () => {
    // THEN
    expect(diffText([], false)).toBe('no flow changed\n');
    expect(diffMarkdown([])).toBe('no flow changed\n');
  });

  test('write a Markdown table and JSON', () => {
    // THEN
    expect(diffMarkdown(CHANGES)).toContain('| ✅ now allowed | `shop/web` | `shop/api` | TCP "http" |');
    expect(JSON.parse(diffJson(CHANGES))).toEqual({ changes: CHANGES });
  });
});
