/**
 * The truth table as a list of allowed flows (internal): one line per (source, destination) that at least one
 * probed port allows, with those ports, sorted by source then destination, and the ports whose verdict is
 * unknown (a `nodes` or `domainNames` peer decides them) after `unknown:`, never as allowed. Denied pairs are
 * not listed, nor pairs the view hides (no policy governs them); the summary says how many pairs were judged
 * and hidden.
 */
import { paint } from './colour';
import { escapeText } from './escape';
import { jsonArray, jsonAt, Output, UnanalyzedNote, unanalyzedMember } from './output';
import { ClassView, TableView } from './table-view';

type FlowView = TableView & ClassView;

interface Flow {
  readonly source: string;
  readonly destination: string;
  /** The ports allowed (empty when only unknown ones). */
  readonly ports: string[];
  /** The ports whose verdict is unknown; absent when none is. */
  readonly unknown?: string[];
}

/** The allowed (or unknown) flows in order, computed per source class and expanded to its members. */
export function* allowedFlows(view: FlowView): Iterable<Flow> {
  const { classOf, matrices, unknown } = view.table;
  const cache = new Map<number, Array<{ destination: number; ports: string[]; unknown?: string[] }>>();
  for (let s = 0; s < view.keys.length; s++) {
    const c = classOf[s];
    let row = cache.get(c);
    if (row === undefined) {
      const destinations: number[] = [];
      const reach = new Set<number>();
      [...matrices, ...(unknown ?? [])].forEach((m) => m.row(c).elements().forEach((d) => reach.add(d)));
      for (const d of [...reach].sort((a, b) => a - b)) destinations.push(...view.members[d]);
      destinations.sort((a, b) => a - b);
      row = destinations.map((d) => {
        const ports = view.ports.filter((_, p) => matrices[p].get(c, classOf[d])).map((p) => p.label);
        const unsure = unknown === undefined ? [] : view.ports.filter((_, p) => unknown[p].get(c, classOf[d])).map((p) => p.label);
        return unsure.length === 0 ? { destination: d, ports } : { destination: d, ports, unknown: unsure };
      });
      cache.clear(); // sources are sorted by key, not by class: keep only the last class's row
      cache.set(c, row);
    }
    for (const cell of row) {
      if (view.hidden?.(s, cell.destination) === true) continue;
      const flow = { source: view.keys[s], destination: view.keys[cell.destination], ports: cell.ports };
      yield cell.unknown === undefined ? flow : { ...flow, unknown: cell.unknown };
    }
  }
}

/** `TCP 443; unknown: TCP 80`: the allowed ports, then the unknown ones. */
function portsText(flow: Flow): string {
  const unknown = flow.unknown === undefined ? [] : [`unknown: ${flow.unknown.join(', ')}`];
  return [...(flow.ports.length === 0 ? [] : [flow.ports.join(', ')]), ...unknown].join('; ');
}

/** Counts the flows with an allowed port, and those with an unknown one. */
class FlowCount {
  public allowed = 0;
  public unknown = 0;
  public add(flow: Flow): void {
    if (flow.ports.length > 0) this.allowed++;
    if (flow.unknown !== undefined) this.unknown++;
  }
}

function summary(count: FlowCount, view: FlowView): string {
  const n = view.keys.length;
  const hidden = view.hiddenCount ?? 0;
  const unknown = count.unknown === 0 ? '' : `, ${count.unknown} with a port whose verdict is unknown (a nodes or domainNames peer decides it; not allowed)`;
  const text = `${count.allowed} of ${n * n - hidden} (source, destination) pairs allowed on at least one probed port${unknown}`;
  return hidden === 0 ? text : `${text} (${hidden} pairs no policy governs hidden)`;
}

export function writeFlowsText(view: FlowView, colour: boolean, out: Output): void {
  const count = new FlowCount();
  for (const flow of allowedFlows(view)) {
    out.line(escapeText(`${flow.source} -> ${flow.destination}  ${portsText(flow)}`));
    count.add(flow);
  }
  out.line(paint(colour, 'bold', summary(count, view)));
}

export function writeFlowsMarkdown(view: FlowView, out: Output): void {
  out.line('| from | to | ports |');
  out.line('|---|---|---|');
  const count = new FlowCount();
  for (const flow of allowedFlows(view)) {
    out.line(`| \`${escapeText(flow.source)}\` | \`${escapeText(flow.destination)}\` | ${escapeText(portsText(flow))} |`);
    count.add(flow);
  }
  out.line('');
  out.line(summary(count, view));
}

/** `{ layout: "sparse", endpoints, ports, flows: [{ source, destination, ports, unknown? }] }`. */
export function writeFlowsJson(view: FlowView, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  out.line('{');
  out.line('  "layout": "sparse",');
  jsonArray(out, 'endpoints', view.keys.map((k) => jsonAt(k, 2)), 1, false);
  jsonArray(out, 'ports', view.listedPorts.map((p) => jsonAt(p, 2)), 1, false);
  const member = unanalyzedMember(unanalyzed);
  jsonArray(out, 'flows', (function* () { for (const flow of allowedFlows(view)) yield jsonAt(flow, 2); })(), 1, member === '');
  out.line(member === '' ? '}' : `${member.slice(2)}\n}`);
}
