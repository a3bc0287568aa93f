/* Code shown in docs/lint.md. Each block between "// README" markers is copied verbatim into the docs. */
import { App, Chart } from 'cdk8s';
import { Cni, LabelSelector, Linter, NetworkPolicy, PolicyLint, Severity } from '../../src';

export function lintAtSynth(): Chart {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });

  // README: lint-synth
  PolicyLint.of(chart, {
    cni: Cni.multus(Cni.CALICO),
    clusterCidrs: ['10.244.0.0/16', '10.96.0.0/12'],
    severities: { 'shadowed-rule': 'off', 'selects-no-workload': 'error' },
  });
  // README: end

  // README: lint-annotation
  const batch = new NetworkPolicy(chart, 'Batch', {
    selector: LabelSelector.of({ labels: { app: 'batch' } }),
    egress: [], // isolated for egress on purpose
  });
  batch.metadata.addAnnotation('cdk8s-netpol.dev/no-egress', 'true');
  batch.metadata.addAnnotation('cdk8s-netpol.dev/lint', 'selects-no-workload=off, missing-namespace=warning');
  // README: end
  return chart;
}

export function lintManifests(manifests: any[]): boolean {
  // README: lint-api
  const findings = Linter.lintManifests(manifests, {
    cni: Cni.named('cilium'),
    sources: manifests.map((_, i) => `dist/app.k8s.yaml#${i}`),
  });
  for (const f of findings) {
    console.log(`${f.severity} ${f.code} ${f.message}`);
  }
  const failed = findings.some((f) => f.severity === Severity.ERROR);
  // README: end
  return failed;
}
