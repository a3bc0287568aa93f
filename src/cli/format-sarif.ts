/**
 * `check -f sarif`: the findings as SARIF 2.1.0 (internal), so code scanning (GitHub, GitLab) shows each
 * finding on the line of the YAML it concerns. Every check is declared as a rule with its default level.
 */
import * as path from 'path';
import { safeJson } from './output';
import { YamlLocator } from './yaml-locations';
import { Finding } from '../lint/finding';
import { Linter } from '../lint/linter';
import { Severity } from '../lint/severity';

const LEVELS: Record<string, string> = { [Severity.ERROR]: 'error', [Severity.WARNING]: 'warning', [Severity.INFO]: 'note', [Severity.OFF]: 'none' };

/** A file path as a relative URI with forward slashes (what code scanning matches against the repository). */
function uriOf(file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

function location(finding: Finding, locator: YamlLocator): object[] {
  const at = finding.source === undefined ? undefined : locator.locate(finding.source, finding.field);
  if (at === undefined) {
    return [];
  }
  return [{
    physicalLocation: { artifactLocation: { uri: uriOf(at.file) }, region: { startLine: at.line, startColumn: at.column } },
    ...(finding.object !== undefined ? { logicalLocations: [{ fullyQualifiedName: `${finding.object}${finding.field !== undefined ? ` ${finding.field}` : ''}` }] } : {}),
  }];
}

/** The SARIF log of one `check` run. */
export function checkSarif(findings: Finding[], version: string): string {
  const locator = new YamlLocator();
  const rules = Linter.checks().map((c) => ({
    id: c.code,
    shortDescription: { text: c.description },
    defaultConfiguration: { level: LEVELS[c.defaultSeverity] },
    helpUri: 'https://github.com/cdk8s-netpol/cdk8s-netpol/blob/main/docs/lint.md#checks',
  }));
  const results = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: rules.findIndex((r) => r.id === f.code),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: location(f, locator),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cdk8s-netpol', version, informationUri: 'https://github.com/cdk8s-netpol/cdk8s-netpol', rules } },
      results,
    }],
  };
  return `${safeJson(log, 2)}\n`;
}
