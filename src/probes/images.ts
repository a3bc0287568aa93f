import { ErrorCode, invalid } from '../private/errors';

/**
 * The container images of the probes. Defaults are pinned by tag and digest; give your own for air-gapped
 * clusters (a mirror of the same images keeps the digests).
 */
export interface ProbeImages {
  /**
   * The agnhost image: `netexec` serves in stand-ins, `connect` probes from them.
   *
   * @default - `ProbeImageDefaults.AGNHOST`, with `registry` in front when given
   */
  readonly agnhost?: string;

  /**
   * The netshoot image of the in-place mode's ephemeral container.
   *
   * @default - `ProbeImageDefaults.NETSHOOT`, with `registry` in front when given
   */
  readonly netshoot?: string;

  /**
   * A registry (host and optional path) that mirrors the default images: it replaces their registry, keeping
   * repository, tag and digest, e.g. `registry.example.com/mirror`.
   *
   * @default - the images' own registries (registry.k8s.io, docker.io)
   */
  readonly registry?: string;
}

/**
 * The default probe images.
 */
export class ProbeImageDefaults {
  /** registry.k8s.io/e2e-test-images/agnhost, the image of the upstream e2e suite. */
  public static readonly AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53@sha256:99c6b4bb4a1e1df3f0b3752168c89358794d02258ebebc26bf21c29399011a85';
  /** docker.io/nicolaka/netshoot. */
  public static readonly NETSHOOT = 'docker.io/nicolaka/netshoot:v0.13@sha256:a20c2531bf35436ed3766cd6cfe89d352b050ccc4d7005ce6400adf97503da1b';

  private constructor() {}
}

/** The images to use, checked. */
export function resolveImages(images: ProbeImages = {}): { agnhost: string; netshoot: string } {
  const where = 'ProbeImages';
  const registry = images.registry;
  if (registry !== undefined && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9._-]+)*$/.test(registry)) {
    throw invalid(ErrorCode.INVALID_NAME, where, 'registry must be a host[:port] with an optional path, without a scheme or trailing slash', registry,
      'Write e.g. registry.example.com/mirror');
  }
  const mirror = (image: string) => (registry === undefined ? image : `${registry}/${image.slice(image.indexOf('/') + 1)}`);
  const agnhost = images.agnhost ?? mirror(ProbeImageDefaults.AGNHOST);
  const netshoot = images.netshoot ?? mirror(ProbeImageDefaults.NETSHOOT);
  for (const [field, image] of [['agnhost', agnhost], ['netshoot', netshoot]]) {
    if (image.trim() === '' || /\s/.test(image)) {
      throw invalid(ErrorCode.INVALID_NAME, where, `${field} must be an image reference without spaces`, image, 'Write e.g. registry.example.com/agnhost:2.53');
    }
  }
  return { agnhost, netshoot };
}
