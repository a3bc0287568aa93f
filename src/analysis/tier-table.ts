/**
 * Truth table cells when cluster-wide tier policies are present (internal): every cell through the
 * single-query evaluation, which knows the tiers. 0 denied, 1 allowed, `UNKNOWN_CELL` unknown.
 */
import { Cluster } from './cluster';
import { Endpoint } from './endpoint';
import { evaluateQuery } from './evaluate';
import { Probe } from './fast-table';
import { UNKNOWN_CELL } from './truth-table';

/** Cells of one probe, row-major: `cells[source * n + destination]`. */
export function computeTierCells(cluster: Cluster, endpoints: Endpoint[], probe: Probe): Uint8Array {
  const n = endpoints.length;
  const cells = new Uint8Array(n * n);
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const verdict = evaluateQuery(cluster, {
        source: endpoints[s], destination: endpoints[d], port: probe.port, portName: probe.portName, protocol: probe.protocol,
      });
      cells[s * n + d] = verdict.unknown ? UNKNOWN_CELL : verdict.allowed ? 1 : 0;
    }
  }
  return cells;
}
