/**
 * Helpers shared by the connections tests.
 */
import { Chart } from 'cdk8s';
import { LabelSelector, NetworkPolicy } from '../../src';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';

/** Isolates every pod of the chart's namespace both ways, with the core construct (ingress: [], egress: []). */
export function denyAll(chart: Chart, namespace?: string): NetworkPolicy {
  return new NetworkPolicy(chart, `DenyAll${namespace ?? ''}`, {
    name: 'deny-all', namespace, selector: LabelSelector.all(), ingress: [], egress: [],
  });
}

/** An analyzer over every chart given. */
export function analyze(...charts: Chart[]): PolicyAnalyzer {
  return PolicyAnalyzer.fromManifests(charts.flatMap((chart) => chart.toJson()));
}

/** A pod endpoint. */
export function pod(namespace: string, labels: Record<string, string>, ports?: { name?: string; port: number }[]): Endpoint {
  return Endpoint.pod({ namespace, labels, ports });
}
