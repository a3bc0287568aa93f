/**
 * `cdk8s-netpol graph`: who may talk to whom, as Mermaid or Graphviz DOT (internal).
 */
import { EXIT_OK, Io } from './errors';
import { GraphEdge, writeGraphDot, writeGraphMermaid } from './format-graph';
import { Governance, noteHidden } from './governed';
import { unanalyzedNotes } from './input-notes';
import { checkFormat } from './option-values';
import { Output } from './output';
import { ClassView, TableView, viewOfData, viewOfTable } from './table-view';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';
import { Endpoint, TruthTableData, TruthTablePort } from '../analysis';

/** Options of `graph`. */
export interface GraphOptions {
  readonly port?: string[];
  readonly endpoint?: string[];
  readonly format: string;
  /** Show pairs that no policy governs (allowed by default). */
  readonly allPairs?: boolean;
}

/** Prints the graph; always exit 0. */
export async function runGraph(inputs: string[], options: GraphOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['mermaid', 'dot']);
  const workspace = await openWorkspace(inputs, io);
  const ports = probePorts(options.port, [workspace.model]);
  const choice = chooseEndpoints([workspace], options.endpoint);
  noteInferred(io, choice);
  const table = workspace.analyzer.truthTable({ ports, endpoints: choice.endpoints, extraEndpoints: choice.extras });
  const governance = Governance.of([workspace.model], table.endpoints);
  let hidden = 0;
  const edges = function* (): Iterable<GraphEdge> {
    for (const e of graphEdges(viewOfTable(table), table.endpoints)) {
      if (options.allPairs === true || governance.governs(e.source, e.destination)) yield e;
      else hidden++;
    }
  };
  const out = new Output(io.out);
  (options.format === 'dot' ? writeGraphDot : writeGraphMermaid)(table.keys, edges(), out, unanalyzedNotes(workspace.model.inputs));
  out.flush();
  noteHidden(io, hidden, 'edge(s)');
  return EXIT_OK;
}

/**
 * One edge per (source, destination) with at least one allowed port, labelled with those ports in `--port`
 * syntax (`8080`, `53/udp`, `metrics`), or "all probed ports" when every port that applies is allowed. A named
 * port applies only to destinations that have it. Ports whose verdict is unknown (a `nodes` or `domainNames`
 * peer decides them) are listed after `unknown:`, never as allowed. A workload's traffic to itself is left out.
 * Edges come in source, then destination order, found per source class and expanded to the members of the
 * classes reached.
 */
export function* graphEdges(view: TableView & ClassView, endpoints: Endpoint[]): Iterable<GraphEdge> {
  const { classOf, matrices, unknown } = view.table;
  const ports = view.ports;
  const applies = (d: number) => {
    const named = new Set(endpoints[d].ports.map((p) => `${p.name}/${p.protocol}`));
    return ports.map((port) => port.portName === undefined || named.has(`${port.portName}/${port.protocol}`));
  };
  for (let s = 0; s < view.keys.length; s++) {
    const c = classOf[s];
    const reach = new Set<number>();
    [...matrices, ...(unknown ?? [])].forEach((m) => m.row(c).elements().forEach((d) => reach.add(d)));
    const destinations = [...reach].flatMap((d) => view.members[d]).sort((a, b) => a - b);
    for (const d of destinations) {
      if (d === s) continue;
      const applying = applies(d);
      const allowed = ports.filter((_, p) => applying[p] && matrices[p].get(c, classOf[d]));
      const unsure = ports.filter((_, p) => applying[p] && unknown?.[p].get(c, classOf[d]) === true);
      if (allowed.length === 0 && unsure.length === 0) continue;
      const count = applying.filter((a) => a).length;
      const known = allowed.length === count && allowed.length > 1 ? 'all probed ports' : allowed.map(shortPort).join(', ');
      const unknownText = unsure.length === 0 ? '' : `unknown: ${unsure.map(shortPort).join(', ')}`;
      const label = [known, unknownText].filter((t) => t !== '').join('; ');
      const unsureFields = unsure.length === 0 ? {} : { unknown: unsure.map(shortPort).join(', '), ...(allowed.length === 0 ? { unknownOnly: true } : {}) };
      yield { source: view.keys[s], destination: view.keys[d], label, ...unsureFields };
    }
  }
}

/** The edges of a table given as plain data. */
export function aggregateEdges(data: TruthTableData, endpoints: Endpoint[]): GraphEdge[] {
  return [...graphEdges(viewOfData(data), endpoints)];
}

/** `8080`, `53/udp`, `metrics`, `metrics/udp`: TCP is left out. */
export function shortPort(port: TruthTablePort): string {
  const value = port.port !== undefined ? String(port.port) : port.portName!;
  return port.protocol === 'TCP' ? value : `${value}/${port.protocol.toLowerCase()}`;
}
