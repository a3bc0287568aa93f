/**
 * The command-line grammar: subcommands, options and help (internal). Actions load their module lazily.
 */
import { Command, Option } from 'commander';
import { Io } from './errors';
import { inputLimits, LIMIT_VARIABLES } from './input-limits';

/** Loads a subcommand's module when it runs, so `--help` and each command pay only for what they use. */
function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(module) as T;
}

/** The package's version, from its package.json (two levels up from both src/cli and lib/cli). */
function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXIT_CODES = (ok: string, one?: string) =>
  `\nExit codes: 0 ${ok}, ${one === undefined ? '' : `1 ${one}, `}2 usage error or unreadable/malformed input.`;

const INPUTS = 'YAML/JSON files, directories (read recursively) or - for stdin';

function portOption(): Option {
  return new Option('-p, --port <port>', 'port to probe: <number|name>[/tcp|udp|sctp], repeatable or comma-separated'
    + ' (default: every port named in the policies and workloads)').argParser(collect);
}

function allPairsOption(): Option {
  return new Option('--all-pairs', 'also show pairs that no policy governs (allowed by default; hidden otherwise)');
}

function endpointOption(): Option {
  return new Option('-e, --endpoint <endpoint>', 'extra endpoint: an IP address or namespace/name=k=v,... (repeatable)')
    .argParser(collect);
}

/** The `--max-*` options of a command that reads manifests (each over its environment variable). */
function withLimitOptions(command: Command): Command {
  for (const l of LIMIT_VARIABLES) {
    command.addOption(new Option(`${l.option} <n>`, `bound on the ${l.description} (default ${l.value}, or ${l.variable})`));
  }
  return command;
}

/** The program; `setExit` receives each command's exit code. */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('cdk8s-netpol')
    .description('Check, explain and visualize Kubernetes NetworkPolicies in any YAML (cdk8s output, Helm, kubectl exports).')
    // usage errors are printed by main() in the project format
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride()
    .version(packageVersion(), '-V, --version', 'print the version of cdk8s-netpol')
    .addHelpText('after', EXIT_CODES('success', 'findings/denied/changed'));
  const run = (action: () => Promise<number>) => async () => setExit(await action());
  // A reading command's io carries its limits: the options over the environment, checked before anything is read.
  const reading = (options: Record<string, unknown>): Io => ({ ...io, limits: inputLimits(process.env, options) });

  program.command('check')
    .description('Validate every document as the API server would and lint the NetworkPolicies.')
    .argument('<inputs...>', INPUTS)
    .option('--cni <name>', 'CNI of the cluster: calico, cilium, canal, weave-net, flannel, antrea, ovn-kubernetes, kube-network-policies, kube-ovn, multus:<delegate>, each with @<version> (e.g. calico@3.32)')
    .addOption(new Option('--severity <code=level>', 'override a check: <code>=error|warning|info|off (repeatable)').argParser(collect))
    .addOption(new Option('--cluster-cidr <cidr>', 'pod or service CIDR of the cluster (repeatable)').argParser(collect))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addHelpText('after', EXIT_CODES('no finding at error level', 'findings at error level'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./check')>('./check').runCheck(inputs, options, reading(options)))());

  program.command('explain')
    .description('Say whether one connection is allowed, and which policy and rule decided each direction.')
    .argument('<inputs...>', INPUTS)
    .requiredOption('--from <endpoint>', 'source: namespace/workload, an IP address, or namespace/name=k=v,...')
    .requiredOption('--to <endpoint>', 'destination: namespace/workload, an IP address, or namespace/name=k=v,...')
    .requiredOption('-p, --port <port>', 'destination port: <number|name>[/tcp|udp|sctp]')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', EXIT_CODES('allowed', 'denied'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./explain')>('./explain').runExplain(inputs, options, reading(options)))());

  program.command('matrix')
    .description('Print the truth table: which workload may reach which, per port.')
    .argument('<inputs...>', INPUTS)
    .addOption(portOption())
    .addOption(endpointOption())
    .addOption(allPairsOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'html']).default('text'))
    .addOption(new Option('-l, --layout <layout>', 'full (every cell), grouped (by endpoint class), sparse (allowed flows only),'
      + ' or auto: full up to 100 endpoints, grouped above').choices(['auto', 'full', 'grouped', 'sparse']).default('auto'))
    .addHelpText('after', EXIT_CODES('table printed'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./matrix')>('./matrix').runMatrix(inputs, options, reading(options)))());

  program.command('diff')
    .description('List the flows that became allowed or denied between two sets of manifests.')
    .argument('<before>', 'manifests before: a file, a directory or -')
    .argument('<after>', 'manifests after: a file, a directory or -')
    .addOption(portOption())
    .addOption(endpointOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .addHelpText('after', EXIT_CODES('nothing changed', 'flows changed'))
    .action((before: string, after: string, options) =>
      run(async () => load<typeof import('./diff')>('./diff').runDiff(before, after, options, reading(options)))());

  program.command('graph')
    .description('Draw who may talk to whom (edges aggregated by port), for Mermaid or Graphviz.')
    .argument('<inputs...>', INPUTS)
    .addOption(portOption())
    .addOption(endpointOption())
    .addOption(allPairsOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .addHelpText('after', EXIT_CODES('graph printed'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./graph')>('./graph').runGraph(inputs, options, reading(options)))());

  program.command('report')
    .description('Write a self-contained HTML review page: summary, graph, lint findings, truth table, policies; with two inputs, the diff.')
    .argument('<inputs...>', 'the manifests (a file, a directory or -), or a base and the manifests for the diff')
    .requiredOption('-o, --output <file>', 'where to write the page, e.g. report.html')
    .addOption(portOption())
    .option('--cni <name>', 'CNI of the cluster, for the lint: calico, cilium, canal, weave-net, flannel, antrea, ovn-kubernetes, kube-network-policies, kube-ovn, multus:<delegate>, each with @<version> (e.g. calico@3.32)')
    .addHelpText('after', EXIT_CODES('page written'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./report')>('./report').runReport(inputs, options, reading(options)))());

  const probe = program.command('probe').description('Prove the policies on a cluster: plan probe cells from the truth table, run them with kubectl.');
  probe.command('plan')
    .description('Write one probe cell per (source class, destination class, port) with the verdict the analyzer expects.')
    .argument('<inputs...>', INPUTS)
    .option('-o, --output <dir>', 'write plan.json and stand-ins.yaml there (default: the plan as JSON on stdout)')
    .addOption(new Option('--from <source>', 'only sources in this namespace or workload (namespace/name), repeatable').argParser(collect))
    .addOption(new Option('--to <destination>', 'only destinations in this namespace or workload, repeatable').argParser(collect))
    .addOption(portOption())
    .option('--sample <n>', 'keep n cells chosen at random (deterministic, see --seed)')
    .option('--seed <s>', 'seed of --sample (default 1)')
    .option('--canary-namespace <ns>', 'namespace for canary stand-ins the plan adds (default cdk8s-netpol-probes)')
    .option('--registry <host/path>', 'registry mirroring the default images (for stand-ins.yaml)')
    .option('--agnhost-image <image>', 'agnhost image of the stand-ins (for stand-ins.yaml)')
    .addHelpText('after', EXIT_CODES('plan written'))
    .action((inputs: string[], options) => run(async () => load<typeof import('./probe')>('./probe').runProbePlan(inputs, options, reading(options)))());
  probe.command('run')
    .description('Apply the stand-ins, probe the canaries then every cell through kubectl, compare, clean up.')
    .argument('<plan>', 'plan.json, or the directory `probe plan -o` wrote')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('--kubectl <path>', 'kubectl executable', 'kubectl')
    .option('--parallel <n>', 'cells probed at once (default 4)')
    .option('--keep', 'leave the probe pods on the cluster')
    .option('--in-place', 'probe from real pods with an ephemeral netshoot container (TCP only)')
    .option('--timeout <seconds>', 'connect timeout per attempt (default 1)')
    .option('--start-timeout <seconds>', 'how long the stand-ins may take to start (default 120)')
    .option('--registry <host/path>', 'registry mirroring the default images')
    .option('--agnhost-image <image>', 'agnhost image of the stand-ins')
    .option('--netshoot-image <image>', 'netshoot image of --in-place')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'markdown', 'json', 'junit']).default('text'))
    .addHelpText('after', '\nExit codes: 0 every probe agrees, 1 mismatches, 2 usage error or cluster problem (unreachable, forbidden, image pull, not enforced).')
    .action((plan: string, options) => run(async () => load<typeof import('./probe')>('./probe').runProbeRun(plan, options, io))());

  // The bounds on input come last in each reading command's help.
  [...program.commands.filter((c) => c.name() !== 'probe'), ...probe.commands.filter((c) => c.name() === 'plan')].forEach(withLimitOptions);
  return program;
}
