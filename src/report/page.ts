/**
 * The review page (internal): one self-contained HTML file (inline style and SVG, no script, no external
 * asset) that a reviewer opens from a CI artifact.
 */
import { ReviewSummary } from './summary';
import { GraphEdge } from '../cli/format-graph';
import { escapeHtml as e, MATRIX_STYLE } from '../cli/format-html';

/** Everything the page shows, already computed. */
export interface ReviewContent {
  readonly title: string;
  readonly summary: ReviewSummary;
  /** The inline `<svg>` of the governed flows. */
  readonly graphSvg: string;
  readonly graphNodes: number;
  /** `<h2>`/`<table>` blocks of the merged matrix. */
  readonly matrixTables: string[];
  /** What the matrix's cell colours mean. */
  readonly matrixLegend: string;
  readonly findingsHtml: string;
  readonly findingCounts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly policiesHtml: string;
  /** The diff section, when a base was given. */
  readonly diffHtml?: string;
}

const STYLE = [
  MATRIX_STYLE,
  'h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de}',
  '.summary li{margin:.4rem 0}',
  '.count-n{font-weight:bold;font-size:1.1rem}',
  'tr.error td:first-child{color:#cf222e;font-weight:bold}',
  'tr.warning td:first-child{color:#9a6700;font-weight:bold}',
  'tr.opened td:first-child{color:#1a7f37}',
  'tr.closed td:first-child{color:#cf222e}',
  'pre{background:#f6f8fa;padding:.5rem;margin:.3rem 0}',
  '.graph svg{max-width:100%;height:auto}',
].join('\n');

/** The ports of a flow, the unknown ones marked apart. */
function portsOf(x: GraphEdge): string {
  if (x.unknown === undefined) {
    return e(x.label);
  }
  const known = x.unknownOnly === true ? '' : `${e(x.label.slice(0, x.label.lastIndexOf('; unknown: ')))}; `;
  return `${known}<span class="unknown-flow">unknown: ${e(x.unknown)}</span>`;
}

function edgeList(edges: GraphEdge[]): string {
  return edges.length === 0 ? '' : `<ul>${edges.map((x) => `<li><code>${e(x.source)}</code> → <code>${e(x.destination)}</code>: ${portsOf(x)}</li>`).join('')}</ul>`;
}

function summaryItem(id: string, count: number, text: string, detail: string): string {
  return `<li data-count="${id}"><span class="count-n">${count}</span> ${e(text)}${detail}</li>`;
}

function summaryHtml(s: ReviewSummary): string {
  return ['<ul class="summary">',
    summaryItem('from-outside', s.fromOutside.length, 'flow(s) from outside the cluster to pods', edgeList(s.fromOutside)),
    summaryItem('to-internet', s.toInternet.length, 'flow(s) from pods to the internet', edgeList(s.toInternet)),
    summaryItem('cross-namespace', s.crossNamespace.length, 'flow(s) between namespaces', edgeList(s.crossNamespace)),
    summaryItem('unisolated', s.unisolated.length, 'pod(s) isolated in neither direction (all their traffic is allowed)',
      s.unisolated.length === 0 ? '' : `<ul>${s.unisolated.map((k) => `<li><code>${e(k)}</code></li>`).join('')}</ul>`),
    ...(s.unknown.length === 0 ? [] : [summaryItem('unknown', s.unknown.length,
      'flow(s) with a port whose verdict is unknown: a nodes or domainNames peer of a cluster-wide policy decides it, which manifests cannot show',
      edgeList(s.unknown))]),
    '</ul>'].join('\n');
}

/** The whole page. */
export function reviewPage(c: ReviewContent): string {
  const f = c.findingCounts;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${e(c.title)}</title>`,
    `<style>\n${STYLE}\n</style></head><body>`,
    `<h1>${e(c.title)}</h1>`,
    '<h2 id="summary">Summary</h2>', summaryHtml(c.summary),
    ...(c.diffHtml === undefined ? [] : ['<h2 id="diff">Changes</h2>', c.diffHtml]),
    `<h2 id="graph">Who may talk to whom</h2><p>Flows that a policy governs, ${c.graphNodes} endpoint(s).</p>`,
    `<div class="graph">${c.graphSvg}</div>`,
    `<h2 id="findings">Lint findings</h2><p data-count="findings">${f.errors} error(s), ${f.warnings} warning(s), ${f.infos} info</p>`,
    c.findingsHtml,
    `<h2 id="matrix">Truth table</h2><p>${c.matrixLegend}</p>`,
    ...c.matrixTables,
    '<h2 id="policies">Policies</h2>', c.policiesHtml,
    '</body></html>',
    '',
  ].join('\n');
}
