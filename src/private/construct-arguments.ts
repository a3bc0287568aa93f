/**
 * The checks of a construct's scope and id (internal): the same for the constructs of every layer, so that
 * the probe kit, outside the construct layer, checks them as the intents do.
 */
import { Construct } from 'constructs';
import { argumentError, Check } from './arguments';
import { childPath } from './construct-path';

/** Checks that `scope` is a construct (of any copy of the `constructs` package). */
export function checkScope(call: string, scope: unknown): void {
  if (typeof scope !== 'object' || scope === null || !Construct.isConstruct(scope)) {
    throw argumentError(call, scope === undefined ? 'scope is required and must be a construct' : 'scope must be a construct',
      scope, 'Pass the chart (or another construct) to create it in');
  }
}

/**
 * `checkConstructArgs()` with the props' check given (for props whose fields are declared beside their
 * constructs, as the tier and probe APIs do). Returns the construct path the new construct will have.
 */
export function checkConstructArgsWith(call: string, scope: unknown, id: unknown, props: unknown, checkProps: Check<unknown>): string {
  checkScope(call, scope);
  if (typeof id !== 'string' || id === '') {
    throw argumentError(call, 'id must be a non-empty string', id, 'Pass a construct id such as "AllowWeb"; it feeds the default name');
  }
  const where = childPath(scope as Construct, id as string);
  checkProps(where, 'props', props);
  return where;
}
