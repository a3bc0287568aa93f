/**
 * The truth table by endpoint class (internal): the classes with their members, then per group of ports with
 * the same matrix, one row per source class listing the destination classes it may reach, and after them the
 * classes whose verdict is unknown (a `nodes` or `domainNames` peer decides it), when there are any. The size
 * of the output follows the number of classes and of allowed class pairs, not of endpoint pairs.
 */
import { paint } from './colour';
import { escapeText } from './escape';
import { escapeMarkdown } from './format-matrix';
import { jsonArray, jsonAt, Output, UnanalyzedNote, unanalyzedMember } from './output';
import { ClassView, TableView } from './table-view';

type GroupedView = TableView & ClassView;

/** Destination classes (0-based) a source class may reach on a port. */
function reached(view: GroupedView, port: number, source: number): number[] {
  return view.table.matrices[port].row(source).elements();
}

/** Destination classes (0-based) whose verdict from a source class is unknown on a port. */
function unknownReached(view: GroupedView, port: number, source: number): number[] {
  return view.table.unknown?.[port].row(source).elements() ?? [];
}

/** `3; unknown: 4`: the reached classes, then the unknown ones when there are any. */
function describeRow(view: GroupedView, port: number, source: number): string {
  const total = view.members.length;
  const unknown = unknownReached(view, port, source);
  const known = describeClasses(reached(view, port, source), total);
  return unknown.length === 0 ? known : `${known}; unknown: ${unknown.map((c) => c + 1).join(', ')}`;
}

/** Unknown (source, destination) cells of a port, each class pair counted once per pair of members. */
function unknownCount(view: GroupedView, port: number): number {
  const m = view.table.unknown?.[port];
  if (m === undefined) return 0;
  let count = 0;
  view.members.forEach((sources, c) => m.row(c).elements().forEach((d) => (count += sources.length * view.members[d].length)));
  return count;
}

function unknownNote(view: GroupedView, port: number): string {
  const count = unknownCount(view, port);
  return count === 0 ? '' : `, ${count} unknown`;
}

/** `2, 5`, `all`, `none`, or `all except 3` when that is shorter; classes numbered from 1. */
function describeClasses(found: number[], total: number): string {
  if (found.length === total) return 'all';
  if (found.length === 0) return 'none';
  if (found.length * 2 > total) {
    const set = new Set(found);
    const missing: number[] = [];
    for (let c = 0; c < total; c++) if (!set.has(c)) missing.push(c + 1);
    return `all except ${missing.join(', ')}`;
  }
  return found.map((c) => c + 1).join(', ');
}

const TEXT_LEGEND = '(classes: endpoints that no policy tells apart; rows: source class -> destination classes)';
const UNKNOWN_LEGEND = 'unknown: decided by a nodes or domainNames peer of a cluster-wide policy; not allowed';

export function writeGroupedText(view: GroupedView, colour: boolean, out: Output): void {
  const n = view.keys.length;
  const total = view.members.length;
  out.line(paint(colour, 'bold', `${n} endpoints in ${total} classes`));
  view.members.forEach((members, c) => out.line(`class ${c + 1} (${members.length}): ${members.map((i) => escapeText(view.keys[i])).join(', ')}`));
  for (const group of view.portGroups) {
    out.line('');
    out.line(paint(colour, 'bold', `${escapeText(group.map((p) => view.ports[p].label).join(', '))}: ${view.allowedCount(group[0])} of ${n * n} allowed${unknownNote(view, group[0])}`));
    for (let c = 0; c < total; c++) out.line(`  class ${c + 1} -> ${describeRow(view, group[0], c)}`);
  }
  out.line('');
  out.line(TEXT_LEGEND);
  if (view.hasUnknown) out.line(`(${UNKNOWN_LEGEND})`);
}

export function writeGroupedMarkdown(view: GroupedView, out: Output): void {
  const total = view.members.length;
  out.line(`**${view.keys.length} endpoints in ${total} classes**`);
  out.line('');
  out.line('| class | endpoints |');
  out.line('|---:|---|');
  view.members.forEach((members, c) => out.line(`| ${c + 1} | ${members.map((i) => `\`${escapeText(view.keys[i])}\``).join(', ')} |`));
  for (const group of view.portGroups) {
    out.line('');
    out.line(`**${escapeMarkdown(group.map((p) => view.ports[p].label).join(', '))}**: ${view.allowedCount(group[0])} allowed${unknownNote(view, group[0])}`);
    out.line('');
    out.line('| from class | may reach classes |');
    out.line('|---:|---|');
    for (let c = 0; c < total; c++) out.line(`| ${c + 1} | ${describeRow(view, group[0], c)} |`);
  }
  out.line('');
  out.line('Classes are endpoints that no policy tells apart.');
  if (view.hasUnknown) out.line(`Classes after "unknown:" are ${UNKNOWN_LEGEND.slice('unknown: '.length)}.`);
}

/**
 * `{ layout: "grouped", endpoints, classes: [{ class, members }], ports, matrices: [{ port, allowedCount, rows: [{ class, allowed }] }] }`;
 * a row with unknown classes also lists them (`unknown`), and a matrix with unknown cells counts them (`unknownCount`).
 */
export function writeGroupedJson(view: GroupedView, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  out.line('{');
  out.line('  "layout": "grouped",');
  jsonArray(out, 'endpoints', view.keys.map((k) => jsonAt(k, 2)), 1, false);
  jsonArray(out, 'classes', view.members.map((m, c) => jsonAt({ class: c + 1, members: m.map((i) => view.keys[i]) }, 2)), 1, false);
  jsonArray(out, 'ports', view.listedPorts.map((p) => jsonAt(p, 2)), 1, false);
  const rows = function* (p: number): Iterable<string> {
    for (let c = 0; c < view.members.length; c++) {
      const unknown = unknownReached(view, p, c).map((d) => d + 1);
      yield jsonAt({ class: c + 1, allowed: reached(view, p, c).map((d) => d + 1), ...(unknown.length === 0 ? {} : { unknown }) }, 4);
    }
  };
  const matrices = function* (): Iterable<string> {
    for (let p = 0; p < view.ports.length; p++) {
      out.text(p === 0 ? '  "matrices": [\n' : ',\n');
      out.line('    {');
      out.line(`      "port": ${jsonAt(view.ports[p], 3).trimStart()},`);
      out.line(`      "allowedCount": ${view.allowedCount(p)},`);
      const unknown = unknownCount(view, p);
      if (unknown > 0) out.line(`      "unknownCount": ${unknown},`);
      jsonArray(out, 'rows', rows(p), 3, true);
      yield '    }';
    }
  };
  let any = false;
  for (const closing of matrices()) {
    out.text(closing);
    any = true;
  }
  out.text(any ? '\n  ]' : '  "matrices": []');
  out.text(`${unanalyzedMember(unanalyzed)}\n}\n`);
}
