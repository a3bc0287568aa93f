import { checkString } from '../../private/arguments';
import { CNI } from '../../private/brands';
import { ErrorCode, invalid } from '../../private/errors';
import { checkOptionalStruct } from '../struct-checks';

const KNOWN = ['calico', 'cilium', 'canal', 'weave-net', 'flannel', 'antrea', 'ovn-kubernetes', 'kube-network-policies', 'kube-ovn', 'unknown'];

/** `3.32`, `3.32.1`, `v1.20.0`: major and minor, optionally a patch. */
const VERSION = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?$/;

/** What a declared CNI runs, besides its name. */
export interface CniOptions {
  /**
   * The release the cluster runs, as `major.minor` or `major.minor.patch` (a leading `v` is accepted), e.g.
   * `3.32` for Calico. What the CNI enforces of the cluster-wide tiers depends on it (see docs/lint.md).
   *
   * @default - the latest release the support table knows (see docs/lint.md)
   */
  readonly version?: string;

  /**
   * Whether the CNI's switch for the cluster-wide policies is on where it has one: Cilium's
   * `--enable-k8s-cluster-network-policy`, Antrea's `ClusterNetworkPolicy` and `AdminNetworkPolicy` feature
   * gates. Where the switch is off or unknown, a tier policy gets a warning that it may not be enforced.
   *
   * @default - unknown
   */
  readonly clusterPoliciesEnabled?: boolean;
}

/**
 * The CNI plugin that enforces NetworkPolicy in the target cluster.
 *
 * Declaring it lets the linter warn about features that CNI does not enforce (see `docs/lint.md` for the
 * support table and its sources). Multus only multiplexes: what is enforced depends on its delegate.
 *
 * @example
 * Linter.lintManifests(chart.toJson(), { cni: Cni.multus(Cni.CALICO) });
 */
export class Cni {
  /** Project Calico. */
  public static readonly CALICO = new Cni('calico');
  /** Cilium. */
  public static readonly CILIUM = new Cni('cilium');
  /** Canal: Flannel networking with Calico (Felix) policy enforcement. */
  public static readonly CANAL = new Cni('canal');
  /** Weave Net (weave-npc enforces policy). */
  public static readonly WEAVE_NET = new Cni('weave-net');
  /** Flannel alone: networking only, NetworkPolicy is not enforced. */
  public static readonly FLANNEL = new Cni('flannel');
  /** Antrea. */
  public static readonly ANTREA = new Cni('antrea');
  /** OVN-Kubernetes (OpenShift's default network plugin). */
  public static readonly OVN_KUBERNETES = new Cni('ovn-kubernetes');
  /** kube-network-policies, the policy agent that kind ships. */
  public static readonly KUBE_NETWORK_POLICIES = new Cni('kube-network-policies');
  /** Kube-OVN. */
  public static readonly KUBE_OVN = new Cni('kube-ovn');
  /** Not declared: no CNI-specific findings. */
  public static readonly UNKNOWN = new Cni('unknown');

  /**
   * A CNI by name, with the release the cluster runs and its switches.
   *
   * @param name `calico`, `cilium`, `canal`, `weave-net`, `flannel`, `antrea`, `ovn-kubernetes`,
   * `kube-network-policies` or `kube-ovn` (case-insensitive); for Multus use `Cni.multus()`
   * @param options the release and switches
   * @example
   * Cni.of('cilium', { version: '1.20', clusterPoliciesEnabled: true })
   */
  public static of(name: string, options?: CniOptions): Cni {
    const where = 'Cni.of()';
    checkString(where, 'name', name);
    checkOptionalStruct(where, 'options', options, 'CniOptions');
    const given = options;
    const known = Cni.lookUp(where, name);
    if (known.id === 'unknown' && given !== undefined && (given.version !== undefined || given.clusterPoliciesEnabled !== undefined)) {
      throw invalid(ErrorCode.CONFLICTING_OPTIONS, where, 'an undeclared CNI has no version or switches', given,
        'Name the CNI, e.g. Cni.of("calico", { version: "3.32" })');
    }
    const version = given?.version === undefined ? undefined : checkVersion(where, given.version);
    return version === undefined && given?.clusterPoliciesEnabled === undefined ? known
      : new Cni(known.id, undefined, version, given?.clusterPoliciesEnabled);
  }

  /**
   * Multus in front of a delegate CNI, which enforces (or not) the policies of the cluster network.
   *
   * @param delegate the default (cluster network) plugin Multus delegates to
   * @example
   * Cni.multus(Cni.of('calico', { version: '3.31' }))
   */
  public static multus(delegate: Cni): Cni {
    CNI.check('Cni.multus()', 'delegate', delegate);
    if (delegate.multusDelegate !== undefined) {
      throw invalid(ErrorCode.MULTUS_DELEGATE, 'Cni.multus()', 'the delegate must not be Multus itself', delegate.id, 'Pass the cluster network plugin, e.g. Cni.CALICO');
    }
    return new Cni('multus', delegate);
  }

  /**
   * The CNI named by text, as a CLI flag gives it: a name as for `Cni.of()`, `unknown`, or
   * `multus:<delegate>`, each optionally with `@<version>` (case-insensitive; `weave` is accepted for
   * `weave-net`), e.g. `calico@3.32` or `multus:cilium@1.20`.
   *
   * @param text the CNI name
   * @example
   * Cni.named('calico@3.32')
   */
  public static named(text: string): Cni {
    checkString('Cni.named()', 'text', text);
    const lower = text.trim().toLowerCase();
    if (lower.startsWith('multus:')) {
      return Cni.multus(Cni.named(lower.slice('multus:'.length)));
    }
    const at = lower.indexOf('@');
    const known = Cni.lookUp('Cni.named()', at < 0 ? lower : lower.slice(0, at));
    if (at < 0) {
      return known;
    }
    if (known.id === 'unknown') {
      throw invalid(ErrorCode.CONFLICTING_OPTIONS, 'Cni.named()', 'an undeclared CNI has no version', text, 'Name the CNI, e.g. calico@3.32');
    }
    return new Cni(known.id, undefined, checkVersion('Cni.named()', lower.slice(at + 1)));
  }

  private static lookUp(where: string, text: string): Cni {
    const lower = text.trim().toLowerCase();
    const name = lower === 'weave' ? 'weave-net' : lower;
    if (!KNOWN.includes(name)) {
      throw invalid(ErrorCode.UNKNOWN_VALUE, where, 'is not a known CNI', text,
        `Use one of ${KNOWN.join(', ')}${where === 'Cni.named()' ? ', or multus:<delegate>' : ', or Cni.multus() for Multus'}`);
    }
    return [Cni.CALICO, Cni.CILIUM, Cni.CANAL, Cni.WEAVE_NET, Cni.FLANNEL, Cni.ANTREA, Cni.OVN_KUBERNETES,
      Cni.KUBE_NETWORK_POLICIES, Cni.KUBE_OVN, Cni.UNKNOWN].find((c) => c.id === name)!;
  }

  /**
   * The CNI's name: `calico`, `cilium`, `canal`, `weave-net`, `flannel`, `antrea`, `ovn-kubernetes`,
   * `kube-network-policies`, `kube-ovn`, `unknown` or `multus:<delegate>` (without the version).
   */
  public readonly id: string;

  /**
   * For Multus, the plugin it delegates to.
   *
   * @default - not Multus
   */
  public readonly multusDelegate?: Cni;

  /**
   * The declared release, as given (without a leading `v`).
   *
   * @default - not declared: the latest release the support table knows
   */
  public readonly version?: string;

  /**
   * Whether the CNI's switch for the cluster-wide policies is declared on (or off).
   *
   * @default - unknown
   */
  public readonly clusterPoliciesEnabled?: boolean;

  private constructor(name: string, delegate?: Cni, version?: string, clusterPoliciesEnabled?: boolean) {
    this.id = delegate === undefined ? name : `${name}:${delegate.id}`;
    this.multusDelegate = delegate;
    this.version = version;
    this.clusterPoliciesEnabled = clusterPoliciesEnabled;
  }

  /**
   * The plugin that enforces policies: the delegate for Multus, else this CNI.
   */
  public get enforcer(): Cni {
    return this.multusDelegate ?? this;
  }

  /** The CNI's name with its release, as `Cni.named()` reads it: `calico@3.32`, `multus:calico@3.31`, `cilium`. */
  public toString(): string {
    const version = this.enforcer.version === undefined ? '' : `@${this.enforcer.version}`;
    return `${this.id}${version}`;
  }
}

/** The version without a leading `v`, or the project's error. */
function checkVersion(where: string, text: string): string {
  const match = VERSION.exec(text.trim());
  if (match === null) {
    throw invalid(ErrorCode.INVALID_VERSION, where, 'version must be major.minor or major.minor.patch', text, 'Write it as "3.32" or "3.32.1"');
  }
  return text.trim().replace(/^v/, '');
}

/** A version as numbers to compare: `[major, minor, patch]`. */
export function versionParts(version: string): [number, number, number] {
  const match = VERSION.exec(version)!;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Whether `version` is at least `floor` (`major.minor`). */
export function versionAtLeast(version: string, floor: string): boolean {
  const a = versionParts(version);
  const b = versionParts(floor);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

CNI.mark(Cni);
