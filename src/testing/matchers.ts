/**
 * Jest matchers for NetworkPolicy traffic (not part of the jsii API; import `cdk8s-netpol/lib/testing/matchers`).
 *
 *   import { netpolMatchers } from 'cdk8s-netpol/lib/testing/matchers';
 *   expect.extend(netpolMatchers);
 *   expect(chart).toAllowTraffic({ from: web, to: api, port: 8080 });
 *   expect(manifests).toDenyTraffic({ from: Endpoint.ip('203.0.113.7'), to: api, port: 5432 });
 *
 * The subject is a cdk8s Chart, an array of manifests, or a PolicyAnalyzer. Failure messages include the
 * verdict's explanation.
 */
import { Chart } from 'cdk8s';
import { Endpoint } from '../analysis/endpoint';
import { PolicyAnalyzer } from '../analysis/policy-analyzer';
import { Verdict } from '../analysis/verdict';
import { argumentError, argumentStruct, checkNumber, checkString, enumOf, optional } from '../private/arguments';
import { ENDPOINT, POLICY_ANALYZER } from '../private/brands';
import { ErrorCode } from '../private/errors';
import { Protocol } from '../protocol';

/** The connection a matcher checks. */
export interface TrafficExpectation {
  /** Where the connection starts. */
  readonly from: Endpoint;
  /** Where it goes. */
  readonly to: Endpoint;
  /** Destination port number (or give `portName`). */
  readonly port?: number;
  /** A container port name of the destination (or give `port`). */
  readonly portName?: string;
  /** Default TCP. */
  readonly protocol?: Protocol;
}

/** What a jest matcher returns. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when the policies allow the connection. */
      toAllowTraffic(expected: TrafficExpectation): R;
      /** Passes when the policies deny the connection. */
      toDenyTraffic(expected: TrafficExpectation): R;
    }
  }
}

/** The matchers, for `expect.extend(netpolMatchers)`. */
export const netpolMatchers = {
  toAllowTraffic(received: unknown, expected: TrafficExpectation): MatcherResult {
    return judge(received, expected, true);
  },
  toDenyTraffic(received: unknown, expected: TrafficExpectation): MatcherResult {
    return judge(received, expected, false);
  },
};

/** Registers the matchers with jest's global `expect` (call once, e.g. in a setup file). */
export function registerNetpolMatchers(): void {
  expect.extend(netpolMatchers);
}

/**
 * The fields of `TrafficExpectation`. `from` and `to` must be real endpoints: a plain object read as one
 * would be judged as an address outside the cluster, which no policy restricts, and pass as "allowed".
 */
export const TRAFFIC_EXPECTATION = {
  from: ENDPOINT.check,
  to: ENDPOINT.check,
  port: optional(checkNumber),
  portName: optional(checkString),
  protocol: optional(enumOf(Protocol, 'Protocol', ErrorCode.INVALID_PROTOCOL)),
};

const checkExpectation = argumentStruct(TRAFFIC_EXPECTATION);

function judge(received: unknown, expected: TrafficExpectation, wantAllowed: boolean): MatcherResult {
  checkExpectation(wantAllowed ? 'toAllowTraffic()' : 'toDenyTraffic()', 'expected', expected);
  const verdict = analyzerOf(received).evaluate({
    source: expected.from,
    destination: expected.to,
    port: expected.port,
    portName: expected.portName,
    protocol: expected.protocol,
  });
  const pass = verdict.allowed === wantAllowed;
  const name = wantAllowed ? 'toAllowTraffic' : 'toDenyTraffic';
  return { pass, message: () => failureMessage(name, verdict, pass, wantAllowed) };
}

function failureMessage(name: string, verdict: Verdict, pass: boolean, wantAllowed: boolean): string {
  const expectation = pass ? (wantAllowed ? 'denied' : 'allowed') : (wantAllowed ? 'allowed' : 'denied');
  const actual = verdict.allowed ? 'allowed' : 'denied';
  return [
    `expect(policies)${pass ? '.not' : ''}.${name}(...)`,
    '',
    `Expected the connection to be ${expectation}, but it is ${actual}.`,
    '',
    verdict.explain(),
  ].join('\n');
}

function analyzerOf(received: unknown): PolicyAnalyzer {
  if (POLICY_ANALYZER.has(received)) {
    return received as PolicyAnalyzer;
  }
  if (Array.isArray(received)) {
    return PolicyAnalyzer.fromManifests(received);
  }
  if (received !== null && typeof received === 'object' && Chart.isChart(received)) {
    return PolicyAnalyzer.fromChart(received as Chart);
  }
  throw argumentError('netpol matchers', 'the subject must be a cdk8s Chart, an array of manifests or a PolicyAnalyzer', received,
    'Pass chart, chart.toJson() or PolicyAnalyzer.fromManifests(...)');
}
