import { IConstruct, Node } from 'constructs';

/** What `constructs` writes for each path separator found inside an id. */
const ESCAPED_SEPARATOR = '--';

/**
 * The id a construct made with `id` gets: `constructs` replaces the path separator (and its address
 * separator, a newline) in an id with `--`.
 */
export function sanitizedId(id: string): string {
  if (!id.includes('/') && !id.includes('\n')) {
    return id;
  }
  return id.replace(/[/\n]/g, ESCAPED_SEPARATOR);
}

/**
 * The `node.path` that `new X(scope, id)` will have, known before the construct exists: the scope's path and
 * the id, joined with `/` (just the id under the root, whose path is empty).
 */
export function childPath(scope: IConstruct, id: string): string {
  const parent = scope.node.path;
  return parent === '' ? sanitizedId(id) : `${parent}${Node.PATH_SEP}${sanitizedId(id)}`;
}
