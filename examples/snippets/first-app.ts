/* eslint-disable import/no-unresolved */
/*
 * The README's first app, as a user writes it: it imports the package by name (examples/snippets/tsconfig.json
 * and the jest moduleNameMapper point the name at src/). Importing this module synthesizes the app into
 * $CDK8S_OUTDIR (default dist/), as `cdk8s synth` does.
 */
// README: first-app
import { App, Chart } from 'cdk8s';
import { AllowFromLabel, Cni, DenyAllIngress, LabelSelector, PolicyLint, Port } from 'cdk8s-netpol';

const app = new App();
const shop = new Chart(app, 'shop', { namespace: 'shop' });

// Start from deny-all ingress in the namespace...
new DenyAllIngress(shop, 'DenyIngress');
// ...then allow the web tier to call the API on 8080.
new AllowFromLabel(shop, 'ApiFromWeb', {
  selector: LabelSelector.of({ labels: { app: 'api' } }),
  sourceSelector: LabelSelector.of({ labels: { app: 'web' } }),
  ports: [Port.tcp(8080)],
});

// The error-level lint runs at synth without this line (DNS blocked by an egress deny fails `cdk8s synth`);
// PolicyLint.of() turns on every check, for the CNI of the cluster, with warnings on stderr.
PolicyLint.of(app, { cni: Cni.CALICO });

app.synth();
// README: end
