/**
 * The lint every app gets at synth without asking (internal): the checks whose default severity is error,
 * over the whole app, reporting on the objects that no scope below the root lints (or switched off) itself.
 *
 * It reads only what those checks can report on or need to see. Everything the library did not make is read.
 * The library's own policies are valid by construction and carry unique names (the constructs refuse the
 * rest), so of the error-level checks only `egress-blocks-dns` can report on them; it reports a pod isolated
 * for egress when no policy selecting the pod allows DNS, and a pod selected by a policy whose own rules allow
 * DNS never is. So the library's policies are read in full only in the namespaces where one of them isolates
 * egress without allowing DNS itself (the other policies there decide whether that pod has DNS), and the
 * findings are the same as if every policy were read. When the app also holds NetworkPolicies the library did
 * not make, whose names may clash with the library's, everything is read.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ALLOWS_DNS_ANNOTATION, rulesAllowDns } from './checks/egress-blocks-dns';
import { coveredBelow } from './lint-host';
import { Severity } from './severity';
import { errorLines, libraryPolicy, LibraryRule, lintObjects, OncePerSynth, reportedFindings } from './synth-lint';
import { FieldReader } from '../analysis/internal/field-reader';
import { readPeer, readPort } from '../analysis/internal/normalize-rule';
import { NormalizedPeer, NormalizedPort } from '../analysis/model';
import { isDefaultLintSuspended } from '../private/lint-suspension';
import { Protocol } from '../protocol';

export class DefaultLint {
  private readonly once = new OncePerSynth();

  constructor(private readonly root: IConstruct) {}

  /** The lines that fail synth. */
  public validate(): string[] {
    if (isDefaultLintSuspended(this.root)) {
      return [];
    }
    const run = this.once.run(this.root, (all) => lintObjects(objectsToRead(all), {}, (check) => check.defaultSeverity === Severity.ERROR));
    return errorLines(reportedFindings(run, coveredBelow(this.root, run.objects)));
  }
}

/** The objects the error-level checks read (see above), in tree order. */
export function objectsToRead(objects: ApiObject[]): ApiObject[] {
  const judge = new DnsJudge();
  const withoutDns = new Set<string>();
  for (const o of objects) {
    const policy = libraryPolicy(o);
    if (policy === undefined) {
      if (o.kind === 'NetworkPolicy' || o.kind.endsWith('List')) {
        return objects; // names may clash with the library's policies: read everything
      }
      continue;
    }
    const namespace = policy.namespace ?? 'default';
    const egress = policy._egressRulesForLint();
    if (egress !== undefined && !withoutDns.has(namespace) && !egress.some(({ rule }) => judge.allowsDns(namespace, rule, o.name))
      && o.metadata.toJson().annotations?.[ALLOWS_DNS_ANNOTATION] !== 'true') {
      withoutDns.add(namespace);
    }
  }
  return objects.filter((o) => {
    const policy = libraryPolicy(o);
    return policy === undefined || withoutDns.has(policy.namespace ?? 'default');
  });
}

/**
 * Whether an egress rule of the library allows DNS over UDP, judged once per distinct rule: the constructs
 * share the objects of one Peer or Port value between all the rules that use it, so a rule is known by its
 * namespace and the objects of its peers and ports, and thousands of policies hold a handful of distinct rules.
 */
class DnsJudge {
  /** Each peer and port object met, with a number of its own and its normalized form. */
  private readonly parts = new Map<unknown, { readonly id: number; readonly value: NormalizedPeer | NormalizedPort }>();
  private readonly verdicts = new Map<string, boolean>();

  public allowsDns(namespace: string, rule: LibraryRule['rule'], name: string): boolean {
    let key = namespace;
    for (const peer of rule.peers) {
      key += ` ${this.part(peer, 'peer', namespace, name).id}`;
    }
    key += ' |';
    for (const port of rule.ports) {
      key += ` ${this.part(port, 'port', namespace, name).id}`;
    }
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      const normalized = {
        index: 0,
        peers: rule.peers.length === 0 ? undefined : rule.peers.map((p) => this.parts.get(p)!.value as NormalizedPeer),
        ports: rule.ports.length === 0 ? undefined : rule.ports.map((p) => this.parts.get(p)!.value as NormalizedPort),
      };
      verdict = rulesAllowDns([normalized], namespace, Protocol.UDP);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private part(raw: unknown, kind: 'peer' | 'port', namespace: string, name: string) {
    let known = this.parts.get(raw);
    if (known === undefined) {
      const reader = new FieldReader(`NetworkPolicy ${namespace}/${name}`);
      known = { id: this.parts.size, value: kind === 'peer' ? readPeer(reader, 'spec.egress[].to[]', raw) : readPort(reader, 'spec.egress[].ports[]', raw) };
      this.parts.set(raw, known);
    }
    return known;
  }
}
