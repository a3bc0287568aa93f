/* Probe code shown in docs/probes.md. Each region between "// README" markers is copied verbatim into the page. */
import { App, Chart } from 'cdk8s';
import { ProbeKit, ProbePlan, ProbeRun } from '../../src';

/** A ProbeKit chart for a GitOps pipeline: the stand-ins of the app chart's plan. */
export function probeKitChart(app: App, appChart: Chart): Chart {
  // README: probe-kit
  const plan = ProbePlan.fromChart(appChart, { ports: [{ port: 8080 }, { portName: 'metrics' }] });
  const probes = new Chart(app, 'probes');
  new ProbeKit(probes, 'Probes', { plan, lifetimeSeconds: 3600 });
  // README: end
  return probes;
}

/** A test against a staging cluster (run by the user's own jest, with kubectl configured). */
export async function stagingProbes(appChart: Chart): Promise<string> {
  // README: probe-run
  const plan = ProbePlan.fromChart(appChart, { ports: [{ port: 8080 }, { port: 5432 }] });
  const report = await new ProbeRun(plan, { context: 'staging', parallel: 8 }).execute();
  if (report.exitCode !== 0) {
    throw new Error(report.toText()); // mismatches with the analyzer's explanation, or the cluster problem
  }
  // README: end
  return report.toText();
}
