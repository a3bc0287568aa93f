/**
 * Internal: the grants recorded on one workload for one direction, and their aggregation into rules.
 * Not exported from the package.
 */
import { TrafficDirection } from '../direction';
import { Peer } from '../peer';
import { NetworkPolicyRule } from '../policy-rule';
import { Port } from '../port';
import { ConnectionEndpoint, describeProblem, peerSeenFrom, resolveGrantPorts } from './endpoint';
import { canonicalJson, compareStrings, sortedUnique } from '../private/canonical';

/** One recorded grant: `source` may reach `target` on `port` (or on the target's declared ports). */
interface GrantEntry {
  readonly source: ConnectionEndpoint;
  readonly target: ConnectionEndpoint;
  readonly port?: Port;
  readonly notes: Set<string>;
}

/** Rules built from the grants, and the grants that could not be resolved. */
export interface AggregatedRules {
  readonly rules: NetworkPolicyRule[];
  readonly problems: string[];
}

/** Rules toward one peer, being collected. */
interface PeerGroup {
  readonly peer: Peer;
  readonly ports: Map<string, Port>;
  readonly labels: Set<string>;
}

/**
 * The grants of one direction of one workload. Identical grants are kept once, so granting twice changes
 * nothing; the rules are built from the whole set, so the order of the grants does not matter either.
 */
export class DirectionGrants {
  private readonly entries = new Map<string, GrantEntry>();

  /** Records a grant (idempotent; a second note on the same grant is kept next to the first). */
  public add(source: ConnectionEndpoint, target: ConnectionEndpoint, port: Port | undefined, note: string | undefined): void {
    const key = [source.owner.node.path, target.owner.node.path, port === undefined ? '' : port._sortKey()].join('\u0000');
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { source, target, port, notes: new Set() };
      this.entries.set(key, entry);
    }
    if (note !== undefined && note !== '') {
      entry.notes.add(note);
    }
  }

  /**
   * One rule per peer (the other side of the grants, seen from `owner`'s namespace), with the union of the
   * granted ports and a description naming every grant behind it. Rules come sorted by their peer.
   */
  public aggregate(owner: ConnectionEndpoint, type: TrafficDirection): AggregatedRules {
    const groups = new Map<string, PeerGroup>();
    const problems: string[] = [];
    for (const entry of this.entries.values()) {
      const resolution = resolveGrantPorts(entry.target, entry.port);
      if (resolution.ports === undefined) {
        problems.push(describeProblem(resolution));
        continue;
      }
      const other = type === TrafficDirection.INGRESS ? entry.source : entry.target;
      const peer = peerSeenFrom(other, owner.namespace);
      const key = canonicalJson(peer._toKube());
      const group = groups.get(key) ?? { peer, ports: new Map<string, Port>(), labels: new Set<string>() };
      groups.set(key, group);
      resolution.ports.forEach((port) => group.ports.set(port._sortKey(), port));
      grantLabels(entry, resolution.ports).forEach((label) => group.labels.add(label));
    }
    const rules = [...groups.keys()].sort(compareStrings).map((key) => {
      const group = groups.get(key)!;
      return {
        peers: [group.peer],
        ports: [...group.ports.keys()].sort(compareStrings).map((k) => group.ports.get(k)!),
        description: sortedUnique([...group.labels]).join('; '),
      };
    });
    return { rules, problems: sortedUnique(problems) };
  }
}

/** `grant web -> api on TCP/8080`, once per note (`... (checkout calls)`). */
function grantLabels(entry: GrantEntry, ports: Port[]): string[] {
  const what = entry.port === undefined
    ? `declared ports ${ports.map((p) => p.toString()).join(', ')}`
    : entry.port.toString();
  const base = `grant ${entry.source.name} -> ${entry.target.name} on ${what}`;
  const notes = [...entry.notes];
  return notes.length === 0 ? [base] : notes.map((note) => `${base} (${note})`);
}
