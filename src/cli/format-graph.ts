/**
 * Renders a who-may-talk-to-whom graph as Mermaid or Graphviz DOT, pods grouped by namespace (internal).
 * Edges are written as they come, so a graph of any size streams.
 */
import { escapeText } from './escape';
import { collect, Output, UnanalyzedNote, unanalyzedComments } from './output';

/** An allowed flow between two endpoints, labelled with its ports. */
export interface GraphEdge {
  readonly source: string;
  readonly destination: string;
  readonly label: string;
  /**
   * The ports whose verdict is unknown (a `nodes` or `domainNames` peer decides them), in `--port` syntax.
   *
   * @default - no port is unknown
   */
  readonly unknown?: string;
  /**
   * True when no port is allowed and some are unknown: the flow may not exist.
   *
   * @default - some port is allowed
   */
  readonly unknownOnly?: boolean;
}

interface Group {
  readonly namespace?: string;
  readonly keys: string[];
}

/** Pods grouped per namespace (in key order), addresses last and ungrouped. */
function groups(keys: string[]): Group[] {
  const byNamespace = new Map<string, string[]>();
  const loose: string[] = [];
  for (const key of keys) {
    if (key.startsWith('ip:')) {
      loose.push(key);
      continue;
    }
    const namespace = key.slice(0, key.indexOf('/'));
    const list = byNamespace.get(namespace);
    if (list === undefined) byNamespace.set(namespace, [key]);
    else list.push(key);
  }
  return [...[...byNamespace].map(([namespace, list]) => ({ namespace, keys: list })), { keys: loose }];
}

function shortName(key: string): string {
  return key.startsWith('ip:') ? key.slice(3) : key.slice(key.indexOf('/') + 1);
}

function mermaidText(text: string): string {
  return escapeText(text).replace(/"/g, '#quot;');
}

/** A Mermaid flowchart: namespaces as subgraphs, nodes `n<index>` in key order. */
export function writeGraphMermaid(keys: string[], edges: Iterable<GraphEdge>, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  const id = new Map(keys.map((k, i) => [k, `n${i}`]));
  out.line('flowchart LR');
  unanalyzedComments(unanalyzed, '  %%').forEach((l) => out.line(escapeText(l)));
  groups(keys).forEach((group, g) => {
    const indent = group.namespace === undefined ? '  ' : '    ';
    if (group.namespace !== undefined) out.line(`  subgraph ns${g}["namespace ${mermaidText(group.namespace)}"]`);
    group.keys.forEach((k) => out.line(`${indent}${id.get(k)}["${mermaidText(shortName(k))}"]`));
    if (group.namespace !== undefined) out.line('  end');
  });
  for (const e of edges) {
    out.line(`  ${id.get(e.source)} -->|"${mermaidText(e.label)}"| ${id.get(e.destination)}`);
  }
}

export function graphMermaid(keys: string[], edges: Iterable<GraphEdge>): string {
  return collect((out) => writeGraphMermaid(keys, edges, out));
}

function dotText(text: string): string {
  return `"${escapeText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A Graphviz digraph: namespaces as clusters, nodes by key. */
export function writeGraphDot(keys: string[], edges: Iterable<GraphEdge>, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  ['digraph netpol {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'].forEach((l) => out.line(l));
  unanalyzedComments(unanalyzed, '  //').forEach((l) => out.line(escapeText(l)));
  groups(keys).forEach((group, g) => {
    const indent = group.namespace === undefined ? '  ' : '    ';
    if (group.namespace !== undefined) {
      out.line(`  subgraph cluster_${g} {`);
      out.line(`    label=${dotText(`namespace ${group.namespace}`)};`);
    }
    group.keys.forEach((k) => out.line(`${indent}${dotText(k)} [label=${dotText(shortName(k))}];`));
    if (group.namespace !== undefined) out.line('  }');
  });
  for (const e of edges) {
    out.line(`  ${dotText(e.source)} -> ${dotText(e.destination)} [label=${dotText(e.label)}];`);
  }
  out.line('}');
}

export function graphDot(keys: string[], edges: Iterable<GraphEdge>): string {
  return collect((out) => writeGraphDot(keys, edges, out));
}
