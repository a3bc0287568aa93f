/**
 * Which pairs of endpoints a policy governs (internal): traffic from A to B is governed when a policy isolates
 * A for egress or B for ingress. Other pairs are allowed by default, whatever the policies say, so the outputs
 * hide them unless `--all-pairs` asks for them.
 */
import { Io } from './errors';
import { EndpointChoice } from './workspace';
import { Endpoint } from '../analysis';
import { selectorMatches } from '../analysis/match';
import { ClusterModel } from '../analysis/normalize';

/** Isolation of each endpoint by key. */
export class Governance {
  /** Isolation as the policies of the models define it. */
  public static of(models: ClusterModel[], endpoints: Endpoint[]): Governance {
    const policies = models.flatMap((m) => m.policies);
    const isolated = (e: Endpoint, direction: 'isolatesIngress' | 'isolatesEgress') => e.isPod
      && policies.some((p) => p[direction] && p.namespace === e.namespace && selectorMatches(p.podSelector, e.labels));
    // Cluster-wide tiers (ClusterNetworkPolicy, AdminNetworkPolicy, ...) may decide any pair: then hide nothing.
    const tiered = models.some((m) => m.tierPolicies.length > 0);
    return new Governance(new Set(endpoints.filter((e) => isolated(e, 'isolatesEgress')).map((e) => e.key)),
      new Set(endpoints.filter((e) => isolated(e, 'isolatesIngress')).map((e) => e.key)), tiered);
  }

  private constructor(private readonly egress: Set<string>, private readonly ingress: Set<string>, private readonly tiered: boolean) {}

  /** Whether a policy decides traffic from `source` to `destination` (keys); always, when cluster tiers are present. */
  public governs(source: string, destination: string): boolean {
    return this.tiered || this.egress.has(source) || this.ingress.has(destination);
  }

  /** Whether a policy isolates the endpoint (key) for egress. */
  public isolatedForEgress(key: string): boolean {
    return this.egress.has(key);
  }

  /** Whether a policy isolates the endpoint (key) for ingress. */
  public isolatedForIngress(key: string): boolean {
    return this.ingress.has(key);
  }

  /** The endpoints that take part in at least one governed pair (itself included) with an endpoint of the list. */
  public relevant(endpoints: Endpoint[]): Endpoint[] {
    return endpoints.filter((e) => endpoints.some((o) => this.governs(e.key, o.key) || this.governs(o.key, e.key)));
  }
}

/**
 * The choice without the endpoints that take part in no governed pair, unless `allPairs`; says on stderr how
 * many were hidden, so nothing leaves the output silently.
 */
export function governedChoice(choice: EndpointChoice, models: ClusterModel[], allPairs: boolean | undefined, io: Io): EndpointChoice {
  if (allPairs === true) {
    return choice;
  }
  const all = [...choice.endpoints, ...choice.extras];
  const keep = new Set(Governance.of(models, all).relevant(all).map((e) => e.key));
  noteHidden(io, all.length - keep.size, 'endpoint(s)');
  return { ...choice, endpoints: choice.endpoints.filter((e) => keep.has(e.key)), extras: choice.extras.filter((e) => keep.has(e.key)) };
}

/** `note: 3 <what> hidden: ...; --all-pairs shows them`, when any were hidden. */
export function noteHidden(io: Io, count: number, what: string): void {
  if (count > 0) {
    io.err(`note: ${count} ${what} hidden: no policy governs them, so their traffic is allowed by default; --all-pairs shows them\n`);
  }
}
