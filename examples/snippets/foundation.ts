/* Code shown in the README's tour. Each block between "// README" markers is copied verbatim into the README. */
import { App, Chart } from 'cdk8s';
import { LabelRequirement, LabelSelector, NamespaceSelector, NetpolErrors, NetworkPolicy, Peer, Port, Protocol } from '../../src';

export function foundation(): Chart {
  const app = new App();
  const chart = new Chart(app, 'tour', { namespace: 'shop' });

  // README: ports
  const ports = [
    Port.tcp(8080), // one TCP port
    Port.udpRange(30000, 32767), // an inclusive range (port + endPort)
    Port.named('metrics'), // a container port name, resolved on the destination pod
    Port.named('dns', Protocol.UDP),
    Port.allUdp(), // every UDP port (never "port: 0")
    Port.HTTPS, Port.DNS_UDP, Port.DNS_TCP,
  ];
  // README: end

  // README: selectors
  const api = LabelSelector.of({ labels: { app: 'api' } });
  const canaries = LabelSelector.of({
    labels: { app: 'web' },
    expressions: [LabelRequirement.isIn('track', ['canary', 'beta']), LabelRequirement.exists('team')],
  });
  const everyPod = LabelSelector.all(); // "everything" is asked for by name
  const ops = NamespaceSelector.namedAnyOf(['monitoring', 'logging']);
  // README: end

  // README: peers
  const peers = [
    Peer.pods(canaries), // pods in the policy's own namespace
    Peer.podsInNamespace('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } })), // AND
    Peer.namespaces(ops), // every pod of those namespaces
    Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']), // except must lie strictly inside
    Peer.anywhere(), // 0.0.0.0/0 and ::/0
  ];
  // README: end

  // README: policy
  const policy = new NetworkPolicy(chart, 'Api', {
    selector: api,
    ingress: [{
      peers: [Peer.pods(LabelSelector.of({ labels: { app: 'web' } }))],
      ports: [Port.tcp(8080)],
      description: 'the web tier calls the API',
    }],
    egress: [], // isolated for egress: nothing allowed yet
  });
  policy.addEgressRule({ peers: [Peer.podsInNamespace('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }))], ports: [Port.DNS_UDP, Port.DNS_TCP] });
  // README: end

  new NetworkPolicy(chart, 'Everything', { selector: everyPod, ingress: [{ peers, ports }] });
  return chart;
}

/** The README's error example: the message `Peer.ipBlock()` throws; the catch block logs the error's fields. */
export function tourErrors(): string {
  try {
    // README: errors-thrown
    Peer.ipBlock('10.0.0.1/8'); // throws
    // README: end
  } catch (error) {
    // README: errors-caught
    if (NetpolErrors.isNetpolError(error)) {
      console.log(error.code, error.where, error.value); // CIDR_HOST_BITS Peer.ipBlock() 10.0.0.1/8
    }
    // README: end
    return (error as Error).message;
  }
  return '';
}
