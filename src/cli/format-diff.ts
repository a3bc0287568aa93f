/**
 * Renders flow changes as text, Markdown or JSON (internal).
 */
import { paint } from './colour';
import { FlowChange } from '../analysis';

function port(change: FlowChange): string {
  return change.port !== undefined ? `${change.protocol} ${change.port}` : `${change.protocol} ${JSON.stringify(change.portName)}`;
}

function summary(changes: FlowChange[]): string {
  if (changes.length === 0) {
    return 'no flow changed';
  }
  const allowed = changes.filter((c) => c.allowedAfter).length;
  const unknown = changes.filter((c) => c.unknownAfter === true).length;
  const unknownText = unknown === 0 ? '' : `, ${unknown} now unknown`;
  return `${changes.length} flow${changes.length === 1 ? '' : 's'} changed: ${allowed} now allowed, ${changes.length - allowed - unknown} now denied${unknownText}`;
}

/** One line per change (`+` now allowed, `-` now denied), then a summary. */
export function diffText(changes: FlowChange[], colour: boolean): string {
  const width = Math.max(0, ...changes.map((c) => `${c.source} -> ${c.destination}`.length));
  const lines = changes.map((c) => {
    const mark = c.allowedAfter ? paint(colour, 'green', '+ allowed') : c.unknownAfter ? paint(colour, 'yellow', '? unknown')
      : paint(colour, 'red', '- denied ');
    return `${mark}  ${`${c.source} -> ${c.destination}`.padEnd(width)}  ${port(c)}`;
  });
  return `${[...lines, summary(changes)].join('\n')}\n`;
}

/** A table for a pull request comment. */
export function diffMarkdown(changes: FlowChange[]): string {
  if (changes.length === 0) {
    return `${summary(changes)}\n`;
  }
  const rows = changes.map((c) =>
    `| ${c.allowedAfter ? '✅ now allowed' : c.unknownAfter ? '❔ now unknown' : '❌ now denied'} | \`${c.source}\` | \`${c.destination}\` | ${port(c)} |`);
  return [`**${summary(changes)}**`, '', '| change | from | to | port |', '|---|---|---|---|', ...rows, ''].join('\n');
}

/** The changes exactly as the analyzer gives them. */
export function diffJson(changes: FlowChange[]): string {
  return `${JSON.stringify({ changes }, undefined, 2)}\n`;
}
