import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  description: 'Typed, canonical and provably right Kubernetes NetworkPolicy constructs for cdk8s, with a policy analyzer and CLI.',
  author: 'cdk8s-netpol authors',
  authorAddress: 'maintainers@cdk8s-netpol.dev',
  repositoryUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'network-policy', 'security', 'calico', 'cilium'],
  packageManager: javascript.NodePackageManager.NPM,
  // Users need Node.js 20 or later (commander 14 needs it); the build itself needs 20.16 (jsii).
  minNodeVersion: '20.0.0',
  workflowNodeVersion: 'lts/*',
  projenrcTs: true,

  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',

  // The generated Kubernetes types we render come from cdk8s-plus-28.
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // Not jsii modules: they must travel inside the package.
  bundledDeps: ['yaml@^2.9.1', 'commander@^14.0.0', '@viz-js/viz@^3.31.0'],
  // the maintained cdk8s-plus lines, side by side: Workload.fromPlusWorkload() is tested with each
  devDeps: ['@types/node@^20', 'cdk8s-cli@^2.207.0', 'fast-check@^4', 'playwright-core@^1.65.1', 'cdk8s-plus-32@^2.5.92', 'cdk8s-plus-33@^2.5.57', 'cdk8s-plus-34@^2.0.54'],

  bin: { 'cdk8s-netpol': 'lib/cli/main.js' },

  // Real release jobs publish every binding; locally only JS is packaged (see the `package` task below).
  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: {
    javaPackage: 'dev.cdk8snetpol',
    mavenGroupId: 'dev.cdk8s-netpol',
    mavenArtifactId: 'cdk8s-netpol',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go' },

  // Drift and missing snapshots must fail; snapshots are updated on purpose with `npx projen test -u`.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/examples/app/dist/', '/codegen.out/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
      // The README's first app imports the package by name, as users write it.
      moduleNameMapper: { '^cdk8s-netpol$': '<rootDir>/src' },
    },
  },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'build-tools', 'projenrc', 'examples', 'bench'] },
  gitignore: ['codegen.out/', '.jsii.tabl.json', 'examples/app/dist/', 'examples/lint-app/dist/', 'bench/results/'],
});

for (const pattern of ['codegen.out/', 'examples/', '.ci/', 'bench/', 'build-tools/']) {
  project.addPackageIgnore(pattern);
}
// The tarball is an allowlist: the compiled library and CLI, the jsii assembly and the user docs. Whatever
// else lies in the tree (logs, reports, scratch files) stays out; test/package.test.ts checks the list.
project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'API.md', 'docs/*.md']);

// Address and bitset arithmetic is the point of the CIDR parser and the analyzer's index.
project.eslint?.addRules({ 'no-bitwise': 'off' });

project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// tsc writes files without the execute bit, and npm pack (which jsii-pacmak runs for every binding) keeps
// the mode it finds: the Python package runs the bin directly, so it must be executable in the tarball.
project.compileTask.exec('chmod +x lib/cli/main.js');

// Type-check the tests, the example app and the benchmarks (ts-jest only transpiles).
const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, the example app, benchmarks and build tools',
  steps: [
    { exec: 'tsc --noEmit -p test/tsconfig.json' },
    { exec: 'tsc --noEmit -p examples/app/tsconfig.json' },
    { exec: 'tsc --noEmit -p examples/snippets/tsconfig.json' },
    { exec: 'tsc --noEmit -p examples/lint-app/tsconfig.json' },
    { exec: 'tsc --noEmit -p bench/tsconfig.json' },
    { exec: 'tsc --noEmit -p build-tools/tsconfig.json' },
  ],
});

// The example app, synthesized by the real cdk8s-cli.
const exampleSynth = project.addTask('example:synth', {
  description: 'Synthesize the example app with cdk8s-cli into examples/app/dist/',
  cwd: 'examples/app',
  exec: 'cdk8s synth --no-check-upgrade',
});
const example = project.addTask('example', {
  description: 'Synthesize the example app and print its manifests',
});
example.spawn(exampleSynth);
// One multi-document YAML stream: a `---` line between the files.
example.exec('awk \'FNR == 1 && NR != 1 { print "---" } { print }\' examples/app/dist/*.k8s.yaml');

project.testTask.prependSpawn(exampleSynth);
project.testTask.prependSpawn(typecheck);

// Locally: JS package plus a code-only smoke test of the other bindings (their toolchains are release-job only).
const packageTask = project.tasks.tryFind('package')!;
packageTask.reset();
packageTask.spawn(project.tasks.tryFind('package:js')!);
// jsii-rosetta compiles every example of the README, API.md and the doc comments against the compiled library,
// in the context of rosetta/*.ts-fixture, and fails when one does not compile (strict mode). The bindings show the
// translations it wrote (.jsii.tabl.json); only examples inherited from dependencies (cdk8s's ApiObject
// methods), which are not ours to compile, are translated on the fly.
packageTask.exec('jsii-rosetta extract --strict');
packageTask.exec('jsii-pacmak --code-only --force --no-npmignore --rosetta-tablet .jsii.tabl.json --rosetta-unknown-snippets translate -o codegen.out -t python -t java -t dotnet -t go');
// The Python docstrings and README must not show TypeScript (declarations, `new`) inside their python examples;
// a missing module fails too.
packageTask.exec('ts-node --transpile-only build-tools/python-examples.ts codegen.out/python/src/cdk8s_netpol/__init__.py');

project.addTask('bench', {
  description: 'Run the benchmarks (analyzer truth table, synth at scale)',
  exec: 'ts-node --transpile-only bench/run.ts',
  receiveArgs: true,
});

project.synth();
