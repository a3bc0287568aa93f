/**
 * docs/cli.md shows real output: each `<!-- cli-output: <args> -->` ... `<!-- /cli-output -->` region must be
 * what `cdk8s-netpol <args>` prints today. `UPDATE_CLI_DOCS=1` rewrites the regions instead of comparing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli } from './run-cli';

const DOC = path.join(ROOT, 'docs', 'cli.md');
const REGION = /(<!-- cli-output: (.+?) -->\n)([\s\S]*?)(<!-- \/cli-output -->)/g;

/** How a command's stdout appears on the page: Markdown output as is, Mermaid and text fenced. */
function rendered(args: string[], stdout: string): string {
  const format = args[args.indexOf('--format') + 1] ?? args[args.indexOf('-f') + 1];
  if (args.includes('--format') && format === 'markdown') {
    return `\n${stdout}\n`;
  }
  const language = args[0] === 'graph' && !args.includes('dot') ? 'mermaid' : 'text';
  return `\`\`\`${language}\n${stdout}\`\`\`\n`;
}

function regions(text: string): Array<{ args: string[]; shown: string }> {
  return [...text.matchAll(REGION)].map((m) => ({ args: m[2].split(' '), shown: m[3] }));
}

describe('docs/cli.md', () => {
  const text = fs.readFileSync(DOC, 'utf8');

  if (process.env.UPDATE_CLI_DOCS === '1') {
    test('is rewritten with the current output', () => {
      const updated = text.replace(REGION, (_all, open: string, args: string, _shown, close: string) =>
        `${open}${rendered(args.split(' '), runCli(args.split(' ')).stdout)}${close}`);
      fs.writeFileSync(DOC, updated);
      expect(regions(updated).every((r) => r.shown.length > 0)).toBe(true);
    });
    return;
  }

  test('marks the output of check, explain, matrix (text and Markdown), diff and graph (Mermaid)', () => {
    // WHEN
    const shown = regions(text).map((r) => r.args.join(' '));
    // THEN
    expect(shown).toEqual(expect.arrayContaining([
      'check examples/app/dist',
      'matrix examples/app/dist --port 8080,5432 --endpoint 203.0.113.7',
      'matrix examples/app/dist --port 8080,5432 --endpoint 203.0.113.7 --format markdown',
      'graph examples/app/dist',
    ]));
  });

  test.each(regions(text).map((r) => [r.args.join(' '), r.args, r.shown]))(
    'shows what `cdk8s-netpol %s` prints today (refresh: UPDATE_CLI_DOCS=1 npx jest test/cli/docs.test.ts)',
    (_name, args, shown) => {
      // WHEN
      const run = runCli(args as string[]);
      // THEN
      expect(run.stderr).not.toMatch(/^cdk8s-netpol:/m);
      expect(shown).toBe(rendered(args as string[], run.stdout));
    });

  test('uses only sh, text and mermaid code blocks', () => {
    // THEN
    const languages = [...text.matchAll(/^```(\w*)$/gm)].map((m) => m[1]).filter((l) => l !== '');
    expect(new Set(languages)).toEqual(new Set(['sh', 'text', 'mermaid']));
  });
});
