/**
 * Renders flow changes as text, Markdown or JSON (internal), one change at a time. The changes are read
 * twice where a form needs a total before it starts (the text's column width); the string forms collect the
 * same output.
 */
import { paint } from './colour';
import { escapeText } from './escape';
import { collect, jsonAt, Output, UnanalyzedNote, unanalyzedMember } from './output';
import { FlowChange } from '../analysis';

function port(change: FlowChange): string {
  return escapeText(change.port !== undefined ? `${change.protocol} ${change.port}` : `${change.protocol} ${JSON.stringify(change.portName)}`);
}

/** `source -> destination`, escaped for a terminal. */
function pair(change: FlowChange): string {
  return escapeText(`${change.source} -> ${change.destination}`);
}

function summary(count: number, allowed: number, unknown: number): string {
  if (count === 0) {
    return 'no flow changed';
  }
  const unknownText = unknown === 0 ? '' : `, ${unknown} now unknown`;
  return `${count} flow${count === 1 ? '' : 's'} changed: ${allowed} now allowed, ${count - allowed - unknown} now denied${unknownText}`;
}

/** One line per change (`+` now allowed, `-` now denied), then a summary. */
export function writeDiffText(changes: Iterable<FlowChange>, colour: boolean, out: Output): void {
  let width = 0;
  for (const c of changes) width = Math.max(width, pair(c).length);
  let count = 0;
  let allowed = 0;
  let unknown = 0;
  for (const c of changes) {
    const mark = c.allowedAfter ? paint(colour, 'green', '+ allowed') : c.unknownAfter ? paint(colour, 'yellow', '? unknown')
      : paint(colour, 'red', '- denied ');
    out.line(`${mark}  ${pair(c).padEnd(width)}  ${port(c)}`);
    count++;
    allowed += c.allowedAfter ? 1 : 0;
    unknown += c.unknownAfter === true ? 1 : 0;
  }
  out.line(summary(count, allowed, unknown));
}

/** A table for a pull request comment; the summary comes first, so the changes are counted first. */
export function writeDiffMarkdown(changes: Iterable<FlowChange>, out: Output): void {
  let count = 0;
  let allowed = 0;
  let unknown = 0;
  for (const c of changes) {
    count++;
    allowed += c.allowedAfter ? 1 : 0;
    unknown += c.unknownAfter === true ? 1 : 0;
  }
  if (count === 0) {
    out.line(summary(count, allowed, unknown));
    return;
  }
  out.line(`**${summary(count, allowed, unknown)}**`);
  out.line('');
  out.line('| change | from | to | port |');
  out.line('|---|---|---|---|');
  for (const c of changes) {
    out.line(`| ${c.allowedAfter ? '✅ now allowed' : c.unknownAfter ? '❔ now unknown' : '❌ now denied'} | \`${escapeText(c.source)}\` | \`${escapeText(c.destination)}\` | ${port(c)} |`);
  }
}

/** The changes exactly as the analyzer gives them: `{ changes: FlowChange[] }`. */
export function writeDiffJson(changes: Iterable<FlowChange>, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  let first = true;
  for (const c of changes) {
    out.text(first ? `{\n  "changes": [\n${jsonAt(c, 2)}` : `,\n${jsonAt(c, 2)}`);
    first = false;
  }
  out.text(first ? '{\n  "changes": []' : '\n  ]');
  out.text(`${unanalyzedMember(unanalyzed)}\n}\n`);
}

export function diffText(changes: FlowChange[], colour: boolean): string {
  return collect((out) => writeDiffText(changes, colour, out));
}

export function diffMarkdown(changes: FlowChange[]): string {
  return collect((out) => writeDiffMarkdown(changes, out));
}

export function diffJson(changes: FlowChange[]): string {
  return collect((out) => writeDiffJson(changes, out));
}
