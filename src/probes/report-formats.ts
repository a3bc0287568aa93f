/**
 * Text, Markdown and JUnit XML renderings of a probe report (internal). Timings stay out of every format,
 * so the same cluster gives the same report.
 */
import type { ProbeReportData } from './report';
import { ProbeResult } from './result';

const verdict = (allowed: boolean) => (allowed ? 'allowed' : 'denied');

function headline(d: ProbeReportData): string {
  const agreed = d.results.filter((r) => r.agrees).length;
  const total = d.results.length;
  if (d.errorCode !== undefined) {
    return `probe run stopped: ${d.errorCode}: ${d.errorMessage}`;
  }
  return agreed === total ? `all ${total} probes agree with the analyzer` : `${total - agreed} of ${total} probes disagree with the analyzer`;
}

function line(r: ProbeResult): string {
  const mark = r.agrees ? 'ok  ' : 'FAIL';
  const role = r.role === 'cell' ? '' : ` [${r.role}]`;
  return `${mark} ${r.cell.id}${role}: expected ${verdict(r.cell.expectAllowed)}, observed ${verdict(r.observedAllowed)} (${r.detail}, ${r.attempts} attempt${r.attempts === 1 ? '' : 's'})`;
}

/** Plain text. */
export function textReport(d: ProbeReportData): string {
  const out = [`plan ${d.planId}, ${d.mode}: ${headline(d)}`, ...d.results.map(line)];
  for (const r of d.results.filter((x) => !x.agrees)) {
    out.push('', `mismatch ${r.cell.id}: ${r.sourcePod} -> ${r.destinationPod}`,
      `  expected ${verdict(r.cell.expectAllowed)}, observed ${verdict(r.observedAllowed)}; the analyzer says:`,
      ...r.cell.explanation.split('\n').map((l) => `  ${l}`));
  }
  d.notes.forEach((n) => out.push(`note: ${n}`));
  return `${out.join('\n')}\n`;
}

/** A code span in a table cell: entities would show literally there, so only the pipe and backticks change. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\n/g, ' ')}\``;
}

function cellMd(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/** Markdown. */
export function markdownReport(d: ProbeReportData): string {
  const out = [`## NetworkPolicy probes (plan ${code(d.planId)}, ${d.mode})`, '', `**${cellMd(headline(d))}**`, ''];
  if (d.results.length > 0) {
    out.push('| | cell | role | expected | observed | detail |', '|---|---|---|---|---|---|');
    for (const r of d.results) {
      out.push(`| ${r.agrees ? '✅' : '❌'} | ${code(r.cell.id)} | ${r.role} | ${verdict(r.cell.expectAllowed)} | ${verdict(r.observedAllowed)} | ${cellMd(r.detail)} |`);
    }
  }
  for (const r of d.results.filter((x) => !x.agrees)) {
    out.push('', `### Mismatch ${code(r.cell.id)}`, '', `${cellMd(r.sourcePod)} → ${cellMd(r.destinationPod)}: expected ${verdict(r.cell.expectAllowed)}, observed ${verdict(r.observedAllowed)}.`,
      '', '```text', r.cell.explanation.replace(/```/g, "'''"), '```');
  }
  if (d.notes.length > 0) {
    out.push('', ...d.notes.map((n) => `- ${cellMd(n)}`));
  }
  return `${out.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '?');
}

/** JUnit XML. */
export function junitReport(d: ProbeReportData): string {
  const failures = d.results.filter((r) => !r.agrees).length;
  const errors = d.errorCode === undefined ? 0 : 1;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cdk8s-netpol probes" tests="${d.results.length + errors}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="plan ${xml(d.planId)} (${xml(d.mode)})" tests="${d.results.length + errors}" failures="${failures}" errors="${errors}">`];
  for (const r of d.results) {
    const name = `${xml(r.cell.id)}${r.role === 'cell' ? '' : ` [${r.role}]`}`;
    if (r.agrees) {
      out.push(`    <testcase classname="${xml(r.cell.sourceClass)}" name="${name}"/>`);
    } else {
      out.push(`    <testcase classname="${xml(r.cell.sourceClass)}" name="${name}">`,
        `      <failure message="expected ${verdict(r.cell.expectAllowed)}, observed ${verdict(r.observedAllowed)}">${xml(r.cell.explanation)}</failure>`,
        '    </testcase>');
    }
  }
  if (d.errorCode !== undefined) {
    out.push('    <testcase classname="run" name="probe run">',
      `      <error type="${xml(d.errorCode)}" message="${xml(d.errorMessage ?? '')}"/>`, '    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
