/**
 * The truth table by endpoint class (internal): the classes with their members, then per group of ports with
 * the same matrix, one row per source class listing the destination classes it may reach. The size of the
 * output follows the number of classes and of allowed class pairs, not of endpoint pairs.
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

export function writeGroupedText(view: GroupedView, colour: boolean, out: Output): void {
  const n = view.keys.length;
  const total = view.members.length;
  out.line(paint(colour, 'bold', `${n} endpoints in ${total} classes`));
  view.members.forEach((members, c) => out.line(`class ${c + 1} (${members.length}): ${members.map((i) => escapeText(view.keys[i])).join(', ')}`));
  for (const group of view.portGroups) {
    out.line('');
    out.line(paint(colour, 'bold', `${escapeText(group.map((p) => view.ports[p].label).join(', '))}: ${view.allowedCount(group[0])} of ${n * n} allowed`));
    for (let c = 0; c < total; c++) out.line(`  class ${c + 1} -> ${describeClasses(reached(view, group[0], c), total)}`);
  }
  out.line('');
  out.line(TEXT_LEGEND);
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
    out.line(`**${escapeMarkdown(group.map((p) => view.ports[p].label).join(', '))}**: ${view.allowedCount(group[0])} allowed`);
    out.line('');
    out.line('| from class | may reach classes |');
    out.line('|---:|---|');
    for (let c = 0; c < total; c++) out.line(`| ${c + 1} | ${describeClasses(reached(view, group[0], c), total)} |`);
  }
  out.line('');
  out.line('Classes are endpoints that no policy tells apart.');
}

/** `{ layout: "grouped", endpoints, classes: [{ class, members }], ports, matrices: [{ port, allowedCount, rows: [{ class, allowed }] }] }`. */
export function writeGroupedJson(view: GroupedView, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  out.line('{');
  out.line('  "layout": "grouped",');
  jsonArray(out, 'endpoints', view.keys.map((k) => jsonAt(k, 2)), 1, false);
  jsonArray(out, 'classes', view.members.map((m, c) => jsonAt({ class: c + 1, members: m.map((i) => view.keys[i]) }, 2)), 1, false);
  jsonArray(out, 'ports', view.listedPorts.map((p) => jsonAt(p, 2)), 1, false);
  const rows = function* (p: number): Iterable<string> {
    for (let c = 0; c < view.members.length; c++) yield jsonAt({ class: c + 1, allowed: reached(view, p, c).map((d) => d + 1) }, 4);
  };
  const matrices = function* (): Iterable<string> {
    for (let p = 0; p < view.ports.length; p++) {
      out.text(p === 0 ? '  "matrices": [\n' : ',\n');
      out.line('    {');
      out.line(`      "port": ${jsonAt(view.ports[p], 3).trimStart()},`);
      out.line(`      "allowedCount": ${view.allowedCount(p)},`);
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
