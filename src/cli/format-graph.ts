/**
 * Renders a who-may-talk-to-whom graph as Mermaid or Graphviz DOT, pods grouped by namespace (internal).
 */

/** An allowed flow between two endpoints, labelled with its ports. */
export interface GraphEdge {
  readonly source: string;
  readonly destination: string;
  readonly label: string;
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
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), key]);
  }
  return [...[...byNamespace].map(([namespace, list]) => ({ namespace, keys: list })), { keys: loose }];
}

function shortName(key: string): string {
  return key.startsWith('ip:') ? key.slice(3) : key.slice(key.indexOf('/') + 1);
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;');
}

/** A Mermaid flowchart: namespaces as subgraphs, nodes `n<index>` in key order. */
export function graphMermaid(keys: string[], edges: GraphEdge[]): string {
  const id = new Map(keys.map((k, i) => [k, `n${i}`]));
  const lines = ['flowchart LR'];
  groups(keys).forEach((group, g) => {
    const indent = group.namespace === undefined ? '  ' : '    ';
    if (group.namespace !== undefined) lines.push(`  subgraph ns${g}["namespace ${mermaidText(group.namespace)}"]`);
    group.keys.forEach((k) => lines.push(`${indent}${id.get(k)}["${mermaidText(shortName(k))}"]`));
    if (group.namespace !== undefined) lines.push('  end');
  });
  for (const e of edges) {
    lines.push(`  ${id.get(e.source)} -->|"${mermaidText(e.label)}"| ${id.get(e.destination)}`);
  }
  return `${lines.join('\n')}\n`;
}

function dotText(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A Graphviz digraph: namespaces as clusters, nodes by key. */
export function graphDot(keys: string[], edges: GraphEdge[]): string {
  const lines = ['digraph netpol {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  groups(keys).forEach((group, g) => {
    const indent = group.namespace === undefined ? '  ' : '    ';
    if (group.namespace !== undefined) {
      lines.push(`  subgraph cluster_${g} {`, `    label=${dotText(`namespace ${group.namespace}`)};`);
    }
    group.keys.forEach((k) => lines.push(`${indent}${dotText(k)} [label=${dotText(shortName(k))}];`));
    if (group.namespace !== undefined) lines.push('  }');
  });
  for (const e of edges) {
    lines.push(`  ${dotText(e.source)} -> ${dotText(e.destination)} [label=${dotText(e.label)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
