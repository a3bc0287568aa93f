/**
 * `cdk8s-netpol graph`: who may talk to whom, as Mermaid or Graphviz DOT (internal).
 */
import { EXIT_OK, Io } from './errors';
import { graphDot, graphMermaid, GraphEdge } from './format-graph';
import { Governance, noteHidden } from './governed';
import { checkFormat } from './matrix';
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
  const data = table.toData();
  const governance = Governance.of([workspace.model], table.endpoints);
  const allEdges = aggregateEdges(data, table.endpoints);
  const edges = allEdges.filter((e) => options.allPairs === true || governance.governs(e.source, e.destination));
  noteHidden(io, allEdges.length - edges.length, 'edge(s)');
  io.out(options.format === 'dot' ? graphDot(data.endpoints, edges) : graphMermaid(data.endpoints, edges));
  return EXIT_OK;
}

/**
 * One edge per (source, destination) with at least one allowed port, labelled with those ports in `--port`
 * syntax (`8080`, `53/udp`, `metrics`), or "all probed ports" when every port that applies is allowed. A named
 * port applies only to destinations that have it. A workload's traffic to itself is left out.
 */
export function aggregateEdges(data: TruthTableData, endpoints: Endpoint[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  data.endpoints.forEach((source, s) => {
    data.endpoints.forEach((destination, d) => {
      const named = new Set(endpoints[d].ports.map((p) => `${p.name}/${p.protocol}`));
      const applies = data.matrices.filter((m) => m.port.portName === undefined || named.has(`${m.port.portName}/${m.port.protocol}`));
      const allowed = applies.filter((m) => m.rows[s].allowed[d]);
      if (s === d || allowed.length === 0) return;
      const label = allowed.length === applies.length && allowed.length > 1 ? 'all probed ports'
        : allowed.map((m) => shortPort(m.port)).join(', ');
      edges.push({ source, destination, label });
    });
  });
  return edges;
}

/** `8080`, `53/udp`, `metrics`, `metrics/udp`: TCP is left out. */
export function shortPort(port: TruthTablePort): string {
  const value = port.port !== undefined ? String(port.port) : port.portName!;
  return port.protocol === 'TCP' ? value : `${value}/${port.protocol.toLowerCase()}`;
}
