import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { shop } from '../examples/snippets/analyzer';
import { clusterPlatform } from '../examples/snippets/cluster';
import { threeTierShop } from '../examples/snippets/connections';
import { foundation } from '../examples/snippets/foundation';
import { allowFromLabelExample, baselineExample, dnsHttpsExample, profilesExample } from '../examples/snippets/intents';
import { lintAtSynth } from '../examples/snippets/lint';
import { probeKitChart } from '../examples/snippets/probes';
import { Linter, Severity } from '../src';

const SNIPPETS = path.join(__dirname, '..', 'examples', 'snippets');

/** Every chart of the app the construct belongs to, as manifests: an app is linted as a whole. */
function manifestsOf(construct: App | Chart): any[] {
  const app = construct instanceof App ? construct : construct.node.root as App;
  return app.charts.flatMap((chart) => chart.toJson());
}

/** first-app.ts is a script: it synthesizes when loaded, into CDK8S_OUTDIR. */
function firstApp(): any[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-app-lint-'));
  const before = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => require('../examples/snippets/first-app'));
    return fs.readdirSync(outdir).sort().flatMap((f) => Yaml.load(path.join(outdir, f)));
  } finally {
    process.env.CDK8S_OUTDIR = before;
    if (before === undefined) delete process.env.CDK8S_OUTDIR;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The apps each example file builds (what the docs show of it), by file name. */
const EXAMPLES: Record<string, Array<[string, () => any[]]>> = {
  'analyzer.ts': [['shop(false)', () => manifestsOf(shop(false))], ['shop(true)', () => manifestsOf(shop(true))]],
  'cluster.ts': [['clusterPlatform()', () => manifestsOf(clusterPlatform())]],
  'connections.ts': [['threeTierShop()', () => manifestsOf(threeTierShop())]],
  'first-app.ts': [['the script', firstApp]],
  'foundation.ts': [['foundation()', () => manifestsOf(foundation())]],
  'intents.ts': [baselineExample, allowFromLabelExample, dnsHttpsExample, profilesExample]
    .map((build): [string, () => any[]] => [`${build.name}()`, () => manifestsOf(build())]),
  'lint.ts': [['lintAtSynth()', () => manifestsOf(lintAtSynth())]],
  // the probe kit of the connections example's data chart, linted with that app (stagingProbes needs a cluster)
  'probes.ts': [['probeKitChart()', () => {
    const app = threeTierShop();
    return manifestsOf(probeKitChart(app, app.charts.find((c) => c.namespace === 'data')!));
  }]],
};

describe('the examples the docs show', () => {
  test('every example file is listed here', () => {
    // GIVEN
    const files = fs.readdirSync(SNIPPETS).filter((f) => f.endsWith('.ts')).sort();
    // THEN: a new example file must say what it builds, so that it is linted too
    expect(Object.keys(EXAMPLES).sort()).toEqual(files);
  });

  test.each(Object.entries(EXAMPLES).flatMap(([file, builds]) => builds.map(([name, build]) => [file, name, build] as const)))(
    '%s %s has no error-level lint finding', (_file, _name, build) => {
      // GIVEN
      const manifests = build();
      // WHEN
      const findings = Linter.lintManifests(manifests);
      // THEN
      expect(manifests.length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.severity === Severity.ERROR).map((f) => `${f.code} ${f.policy ?? f.object ?? ''}`)).toEqual([]);
    });

  test('the check finds the DNS block the connections example had, so the test above can fail', () => {
    // GIVEN the connections example without db's DNS grant: its egress policy removed
    const manifests = manifestsOf(threeTierShop()).filter((m) => !(m.kind === 'NetworkPolicy' && m.metadata.name === 'db-egress'));
    // WHEN
    const findings = Linter.lintManifests(manifests).filter((f) => f.severity === Severity.ERROR);
    // THEN
    expect(findings.map((f) => [f.code, f.policy])).toEqual([['egress-blocks-dns', 'data/deny-all']]);
  });
});
