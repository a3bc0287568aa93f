import { checkString } from '../private/arguments';
import { CNI } from '../private/brands';
import { ErrorCode, invalid } from '../private/errors';

const KNOWN = ['calico', 'cilium', 'canal', 'weave-net', 'flannel', 'unknown'];

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
  /** Not declared: no CNI-specific findings. */
  public static readonly UNKNOWN = new Cni('unknown');

  /**
   * Multus in front of a delegate CNI, which enforces (or not) the policies of the cluster network.
   *
   * @param delegate the default (cluster network) plugin Multus delegates to
   */
  public static multus(delegate: Cni): Cni {
    CNI.check('Cni.multus()', 'delegate', delegate);
    if (delegate.multusDelegate !== undefined) {
      throw invalid(ErrorCode.MULTUS_DELEGATE, 'Cni.multus()', 'the delegate must not be Multus itself', delegate.id, 'Pass the cluster network plugin, e.g. Cni.CALICO');
    }
    return new Cni('multus', delegate);
  }

  /**
   * The CNI named by text, as a CLI flag gives it: `calico`, `cilium`, `canal`, `weave-net`, `flannel`,
   * `unknown`, or `multus:<delegate>` (case-insensitive; `weave` is accepted for `weave-net`).
   *
   * @param text the CNI name
   */
  public static named(text: string): Cni {
    checkString('Cni.named()', 'text', text);
    const lower = text.trim().toLowerCase();
    if (lower.startsWith('multus:')) {
      return Cni.multus(Cni.named(lower.slice('multus:'.length)));
    }
    const name = lower === 'weave' ? 'weave-net' : lower;
    if (!KNOWN.includes(name)) {
      throw invalid(ErrorCode.UNKNOWN_VALUE, 'Cni.named()', 'is not a known CNI', text,
        `Use one of ${KNOWN.join(', ')}, or multus:<delegate>`);
    }
    return [Cni.CALICO, Cni.CILIUM, Cni.CANAL, Cni.WEAVE_NET, Cni.FLANNEL, Cni.UNKNOWN].find((c) => c.id === name)!;
  }

  /**
   * The CNI's name: `calico`, `cilium`, `canal`, `weave-net`, `flannel`, `unknown` or `multus:<delegate>`.
   */
  public readonly id: string;

  /**
   * For Multus, the plugin it delegates to.
   *
   * @default - not Multus
   */
  public readonly multusDelegate?: Cni;

  private constructor(name: string, delegate?: Cni) {
    this.id = delegate === undefined ? name : `${name}:${delegate.id}`;
    this.multusDelegate = delegate;
  }

  /**
   * The plugin that enforces policies: the delegate for Multus, else this CNI.
   */
  public get enforcer(): Cni {
    return this.multusDelegate ?? this;
  }

  /** The CNI's name, as `id`. */
  public toString(): string {
    return this.id;
  }
}

CNI.mark(Cni);
