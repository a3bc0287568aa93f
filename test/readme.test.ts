import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { parse } from 'yaml';
import { analyzerTour } from '../examples/snippets/analyzer';
import { foundation, tourErrors } from '../examples/snippets/foundation';
import { allowFromLabelExample } from '../examples/snippets/intents';
import { Endpoint, ErrorCode, PolicyAnalyzer, Protocol } from '../src';

const ROOT = path.join(__dirname, '..');

/** Every region between `// README: <name>` and `// README: end` in the example files, dedented. */
function exampleRegions(): string[] {
  const regions: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'dist' && entry.name !== 'node_modules') {walk(full);} else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/^[ \t]*\/\/ README: (?!end)\S+\n([\s\S]*?)^[ \t]*\/\/ README: end$/gm)) regions.push(dedent(m[1]));
      }
    }
  };
  walk(path.join(ROOT, 'examples'));
  return regions;
}

function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function markdownFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  return [path.join(ROOT, 'README.md'), ...(fs.existsSync(docs) ? fs.readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => path.join(docs, f)) : [])];
}

describe('README and docs', () => {
  test.each(markdownFiles().map((f) => [path.relative(ROOT, f)]))('every TypeScript block in %s is a compiled example region', (file) => {
    // GIVEN
    const regions = exampleRegions();
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // WHEN
    // (a block may carry jsii-rosetta parameters after its language: ```ts fixture=analyzer)
    const blocks = [...text.matchAll(/```ts(?: [^\n]*)?\n([\s\S]*?)```/g)].map((m) => dedent(m[1]));
    // THEN
    for (const block of blocks) {
      expect(regions).toContain(block);
    }
  });

  test('the README quick start is two commands after git clone', () => {
    // GIVEN
    const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // WHEN
    const quickStart = text.match(/## Quick start[\s\S]*?```sh\n([\s\S]*?)```/)![1].trim().split('\n');
    // THEN
    expect(quickStart[0]).toMatch(/^git clone /);
    expect(quickStart.slice(1).filter((l) => !l.startsWith('cd '))).toEqual(['npm ci && npm run example', 'npm ci && npx projen build']);
  });

  test('the tour examples run and produce the documented error', () => {
    // GIVEN / WHEN
    const manifests = Testing.synth(foundation());
    // THEN
    expect(manifests.map((m) => m.metadata.name)).toEqual(['api', 'everything']);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = readme.match(/synthesizes\n\n```yaml\n([\s\S]*?)```/)![1];
    expect(shown).toBe(Yaml.stringify(manifests[0]));
  });

  test('the error example throws the message the README shows, and its catch block logs the fields', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = readme.match(/\/\/ throws\n```\n\n```text\n([\s\S]*?)```/)![1];
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      // WHEN
      const message = tourErrors();
      // THEN
      expect(shown.trim().replace(/\s+/g, ' ')).toBe(message);
      expect(message).toMatch(/Did you mean the network "10\.0\.0\.0\/8" or the single address "10\.0\.0\.1\/32"\?/);
      expect(log.mock.calls).toEqual([[ErrorCode.CIDR_HOST_BITS, 'Peer.ipBlock()', '10.0.0.1/8']]);
    } finally {
      log.mockRestore();
    }
  });

  test('the analyzer tour runs and its explanation is the one shown', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // WHEN
    const tour = analyzerTour();
    // THEN
    expect(readme).toContain(`\`explanation\` reads\n\n\`\`\`text\n${tour.explanation}\n\`\`\``);
    expect(tour.allowed).toBe(true);
    expect(tour.internet).toBe(false);
    expect(tour.changes).toEqual([{ source: 'monitoring/prometheus', destination: 'shop/api', port: 9090, protocol: 'TCP', allowedBefore: false, allowedAfter: true }]);
  });

  test('the README graph is the one docs/cli.md shows for the example app', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const cli = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    // WHEN
    const fromDocs = cli.match(/<!-- cli-output: graph examples\/app\/dist -->\n(```mermaid\n[\s\S]*?```)/)![1];
    // THEN
    expect(readme).toContain(`(\`cdk8s-netpol graph examples/app/dist\`):\n\n${fromDocs}`);
  });

  test('the README shows the YAML the AllowFromLabel example renders', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // WHEN
    const yaml = Yaml.stringify(...Testing.synth(allowFromLabelExample()));
    // THEN
    expect(readme).toContain(`renders\n\n\`\`\`yaml\n${yaml}\`\`\``);
  });
});

describe('README: use it in your app', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.match(/## Use it in your app\n([\s\S]*?)\n## /)![1];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  test('installs the package with exactly its peer dependencies, at the versions the text names', () => {
    // WHEN
    const install = section.match(/```sh\nnpm install (.*)\n/)![1].split(' ');
    // THEN
    expect(install.slice(1).sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
    for (const [name, range] of Object.entries<string>(pkg.peerDependencies)) {
      const version = range.replace(/^\^/, '');
      expect(section).toContain(`\`${name}\` ${version} or later ${version.split('.')[0]}.x`);
    }
    expect(pkg.engines.node).toBe('>= 20.0.0');
    expect(section).toContain('Node.js 20 or later');
  });

  test('points cdk8s.yaml at the validation plugin the package ships', () => {
    // GIVEN
    const config = parse(section.match(/```yaml\n([\s\S]*?)```/)![1]);
    // THEN
    const plugin = config.validations[0];
    expect(plugin.package).toBe('./node_modules/cdk8s-netpol/lib/plugin');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(typeof require(path.join(ROOT, 'src', 'plugin'))[plugin.class]).toBe('function');
    expect(pkg.files).toEqual(expect.arrayContaining(['lib/**/*.js']));
  });

  test('the first app synthesizes the deny-all and the allow policy, and the analyzer agrees with the comments', () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-app-'));
    const before = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = outdir;
    try {
      // WHEN
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => require('../examples/snippets/first-app'));
      // THEN
      const manifests = Yaml.load(path.join(outdir, 'shop.k8s.yaml'));
      expect(manifests).toMatchSnapshot();
      expect(manifests.map((m: any) => `${m.metadata.namespace}/${m.metadata.name}`)).toEqual(['shop/deny-all-ingress', 'shop/api-allow-from-web']);
      const analyzer = PolicyAnalyzer.fromManifests(manifests);
      const pod = (app: string) => Endpoint.pod({ namespace: 'shop', name: app, labels: { app } });
      const allowed = (from: Endpoint, to: Endpoint, port: number) =>
        analyzer.evaluate({ source: from, destination: to, port, protocol: Protocol.TCP }).allowed;
      expect(allowed(pod('web'), pod('api'), 8080)).toBe(true);
      expect(allowed(pod('web'), pod('api'), 8081)).toBe(false);
      expect(allowed(Endpoint.ip('203.0.113.7'), pod('api'), 8080)).toBe(false);
      expect(allowed(pod('db'), pod('api'), 8080)).toBe(false);
    } finally {
      process.env.CDK8S_OUTDIR = before;
      if (before === undefined) delete process.env.CDK8S_OUTDIR;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
