/**
 * A small truth table shared by the formatter tests.
 */
import { TruthTableData } from '../../src/analysis';
import { Protocol } from '../../src/protocol';

/** Two pods and an address; TCP 80 and UDP 53 give the same matrix, TCP 443 another. */
export const DATA: TruthTableData = {
  endpoints: ['shop/api', 'shop/web', 'ip:203.0.113.7'],
  ports: [],
  matrices: [80, 53, 443].map((port) => ({
    port: { label: `${port === 53 ? 'UDP' : 'TCP'} ${port}`, port, protocol: port === 53 ? Protocol.UDP : Protocol.TCP },
    rows: [
      { source: 'shop/api', allowed: [false, false, port === 443] },
      { source: 'shop/web', allowed: [true, false, false] },
      { source: 'ip:203.0.113.7', allowed: [false, true, false] },
    ],
  })),
};
