/**
 * The who-may-talk-to-whom graph as an inline SVG (internal), laid out by Graphviz compiled to WebAssembly
 * (`@viz-js/viz`): no browser, no system Graphviz, no network.
 */
import { graphDot, GraphEdge } from '../cli/format-graph';

/** The part of `@viz-js/viz` used here (its types are ES-module only; it ships a CommonJS build too). */
interface VizModule {
  instance(): Promise<{ renderString(dot: string, options: { format: string }): string }>;
}

/** The SVG element of the graph, without the XML prolog and doctype (it is inlined into HTML). */
export async function graphSvg(keys: string[], edges: GraphEdge[]): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const viz = await (require('@viz-js/viz') as VizModule).instance();
  const svg = viz.renderString(graphDot(keys, edges), { format: 'svg' });
  return svg.slice(svg.indexOf('<svg'));
}
