/**
 * Input documents -> the objects in them (internal; see normalize.ts). Lists of every kind are flattened,
 * documents that are not manifests are set aside, and what is not read is counted, so that nothing is
 * dropped without a trace.
 */
import { FieldReader } from './field-reader';
import { ManifestSource } from '../model';
import { compareText } from './order';
import { isUnanalyzedPolicy } from './policy-kinds';

/** One object of the input, with the document (and list item) it came from. */
export interface InputObject {
  readonly manifest: Record<string, any>;
  readonly kind: string;
  /** `file#2`, or `file#2 items[3]` for a list item. */
  readonly source: ManifestSource;
}

/** An object of a kind that enforces network policy but is not analyzed. */
export interface UnanalyzedObject {
  readonly kind: string;
  readonly apiVersion: string;
  /** `<Kind> <namespace>/<name>` (or `<Kind> <name>`; `?` for a missing name). */
  readonly object: string;
  readonly source: ManifestSource;
}

/** What the input held besides the objects that were read. */
export interface InputSummary {
  /**
   * Documents that are not Kubernetes objects, by name: neither apiVersion nor kind (nor metadata, which
   * would make it an object that lost its kind).
   */
  readonly notManifests: string[];
  /** Objects of kinds that change connectivity but are not analyzed, in input order. */
  readonly unanalyzed: UnanalyzedObject[];
  /** Objects of other kinds that nothing reads, counted by kind (sorted by kind). */
  readonly ignoredKinds: Record<string, number>;
}

/** Whether a kind names a list (`List`, `NetworkPolicyList`, `PodList`, ...). */
export function isListKind(kind: string): boolean {
  return kind.endsWith('List');
}

/** Reads input documents one by one (`flatten()`), then tells what was set aside (`summary()`). */
export class DocumentFlattener {
  private objects: InputObject[] = [];
  private readonly notManifests: string[] = [];
  private readonly unanalyzed: UnanalyzedObject[] = [];
  private readonly ignored = new Map<string, number>();

  /** @param isRead whether objects of a kind (and apiVersion) are read by the caller */
  constructor(private readonly isRead: (kind: string, apiVersion: unknown) => boolean) {}

  /**
   * Reads one input document and returns the objects in it that the caller reads. Throws in the project
   * format on an object that cannot be read (not an object, no kind, a list item of another kind).
   */
  public flatten(doc: unknown, source: ManifestSource): InputObject[] {
    this.objects = [];
    if (doc === null || doc === undefined) {
      return []; // an empty YAML document
    }
    const top = new FieldReader(source.document).object('', doc);
    if (top.apiVersion === undefined && top.kind === undefined && top.metadata === undefined) {
      this.notManifests.push(source.document);
      return [];
    }
    this.add(top, source);
    return this.objects;
  }

  /** What was set aside. */
  public summary(): InputSummary {
    const kinds = [...this.ignored.keys()].sort(compareText);
    return {
      notManifests: [...this.notManifests],
      unanalyzed: [...this.unanalyzed],
      ignoredKinds: Object.fromEntries(kinds.map((k) => [k, this.ignored.get(k)!])),
    };
  }

  private add(top: Record<string, any>, source: ManifestSource): void {
    const kind = new FieldReader(source.document).string('kind', top.kind);
    if (isListKind(kind)) {
      this.addItems(top, kind, source);
    } else if (isUnanalyzedPolicy(kind, top.apiVersion)) {
      this.unanalyzed.push({ kind, apiVersion: String(top.apiVersion ?? ''), object: objectName(kind, top), source });
    } else if (this.isRead(kind, top.apiVersion)) {
      this.objects.push({ manifest: top, kind, source });
    } else {
      this.ignored.set(kind, (this.ignored.get(kind) ?? 0) + 1);
    }
  }

  private addItems(list: Record<string, any>, kind: string, source: ManifestSource): void {
    const reader = new FieldReader(`${source.document} ${kind}`);
    const items = reader.optionalArray('items', list.items) ?? [];
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    items.forEach((raw, i) => {
      const itemSource = { document: `${source.document} items[${i}]`, index: source.index };
      const item = new FieldReader(itemSource.document).object('', raw);
      if (itemKind === undefined) {
        this.add(item, itemSource);
        return;
      }
      if (item.kind !== undefined && item.kind !== itemKind) {
        reader.fail(`items[${i}].kind`, `must be ${JSON.stringify(itemKind)} in a ${kind}`, item.kind,
          `Remove the item's kind, or move the item out of the ${kind} into a List`);
      }
      // as the API server sends them, the items of a typed list carry neither kind nor apiVersion
      this.add({ ...item, apiVersion: item.apiVersion ?? list.apiVersion, kind: itemKind }, itemSource);
    });
  }
}

function objectName(kind: string, top: Record<string, any>): string {
  const metadata = typeof top.metadata === 'object' && top.metadata !== null ? top.metadata : {};
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : '?';
  return typeof metadata.namespace === 'string' && metadata.namespace !== '' ? `${kind} ${metadata.namespace}/${name}` : `${kind} ${name}`;
}
