/**
 * The declared messages of lint checks (internal): the registry checks the declarations once, and the engine
 * fills the declared message of each report. A check that reports an undeclared id, or leaves a placeholder
 * without a value, is a bug of the check and throws.
 */
import { LintCheck, LintMessage, Report } from './check';

const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MESSAGE_ID = /^[a-z][a-zA-Z0-9]*$/;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Throws unless every check has a distinct kebab-case code and declares at least one well-formed message. */
export function checkDeclarations(checks: readonly LintCheck[]): void {
  const seen = new Set<string>();
  for (const check of checks) {
    if (!CODE.test(check.code) || seen.has(check.code)) {
      throw new Error(`lint check code ${JSON.stringify(check.code)} is not kebab-case or is used twice`);
    }
    seen.add(check.code);
    const ids = Object.keys(check.messages);
    if (ids.length === 0) {
      throw new Error(`lint check ${check.code} declares no messages`);
    }
    for (const id of ids) {
      const message: LintMessage = check.messages[id];
      const stray = [message.problem, message.fix].some((t) => t.replace(PLACEHOLDER, '').includes('{{'));
      if (!MESSAGE_ID.test(id) || stray || message.problem === '' || message.fix === '') {
        throw new Error(`lint check ${check.code}: message ${JSON.stringify(id)} needs a lowerCamelCase id, a problem and a fix, with placeholders written {{name}}`);
      }
    }
  }
}

/** The problem and fix of one report, from its check's declared message and the report's data. */
export function reportText(check: LintCheck, report: Report): LintMessage {
  const message = Object.prototype.hasOwnProperty.call(check.messages, report.messageId) ? check.messages[report.messageId] : undefined;
  if (message === undefined) {
    throw new Error(`lint check ${check.code} reported message ${JSON.stringify(report.messageId)}, which it does not declare`);
  }
  const data = report.data ?? {};
  const used = new Set<string>();
  const fill = (template: string) => template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) {
      throw new Error(`lint check ${check.code}, message ${report.messageId}: no value for {{${name}}}`);
    }
    used.add(name);
    return String(data[name]);
  });
  const text = { problem: fill(message.problem), fix: fill(message.fix) };
  const unused = Object.keys(data).filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw new Error(`lint check ${check.code}, message ${report.messageId}: data ${unused.join(', ')} fills no placeholder`);
  }
  return text;
}
