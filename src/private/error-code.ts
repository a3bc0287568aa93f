/**
 * What kind of problem a `NetpolError` reports: stable across releases, so programs can branch on it instead
 * of on the message.
 *
 * The set is closed: every code is thrown somewhere, and a new kind of problem gets a new code.
 */
export enum ErrorCode {
  // Values: ports, protocols, names, labels, addresses

  /** A port number is not a whole number from 1 to 65535. */
  PORT_OUT_OF_RANGE = 'PORT_OUT_OF_RANGE',
  /** A port range starts after its end. */
  PORT_RANGE_REVERSED = 'PORT_RANGE_REVERSED',
  /** A protocol is not TCP, UDP or SCTP. */
  INVALID_PROTOCOL = 'INVALID_PROTOCOL',
  /** A port name is not an IANA service name (1-15 characters, lowercase letters, digits and "-", at least one letter). */
  INVALID_PORT_NAME = 'INVALID_PORT_NAME',
  /** A label key is not a Kubernetes label key (an optional DNS-1123 prefix and a name of at most 63 characters). */
  INVALID_LABEL_KEY = 'INVALID_LABEL_KEY',
  /** A label value is not a Kubernetes label value. */
  INVALID_LABEL_VALUE = 'INVALID_LABEL_VALUE',
  /** A policy, namespace or workload name is not a DNS-1123 name. */
  INVALID_NAME = 'INVALID_NAME',
  /** A policy name is valid for Kubernetes but longer than 63 characters, which some CNIs cannot handle. */
  NAME_TOO_LONG = 'NAME_TOO_LONG',
  /** A CIDR cannot be read as an address range. */
  INVALID_CIDR = 'INVALID_CIDR',
  /** A CIDR has bits set past its prefix length, so it is unclear whether a network or one host is meant. */
  CIDR_HOST_BITS = 'CIDR_HOST_BITS',
  /** An `except` range is of another IP family than its CIDR. */
  CIDR_FAMILY_MISMATCH = 'CIDR_FAMILY_MISMATCH',
  /** An `except` range does not lie strictly inside its CIDR. */
  EXCEPT_OUTSIDE_CIDR = 'EXCEPT_OUTSIDE_CIDR',
  /** An IP address cannot be read as one. */
  INVALID_IP_ADDRESS = 'INVALID_IP_ADDRESS',
  /** An address is written in a form that Kubernetes and other tools read differently (leading zeros, IPv4-mapped IPv6). */
  AMBIGUOUS_ADDRESS = 'AMBIGUOUS_ADDRESS',

  // Arguments and props

  /** A required argument or prop is missing. */
  MISSING_VALUE = 'MISSING_VALUE',
  /** An argument or prop is not of the expected kind (not a list, not made with the library's factories). */
  WRONG_TYPE = 'WRONG_TYPE',
  /** A list is empty where an empty list would mean something else than intended (often "everything"). */
  EMPTY_LIST = 'EMPTY_LIST',
  /** A selector has no labels and no expressions, so it would select every pod. */
  EMPTY_SELECTOR = 'EMPTY_SELECTOR',
  /** Options that exclude each other were given together, or none of the required alternatives was given. */
  CONFLICTING_OPTIONS = 'CONFLICTING_OPTIONS',
  /** A struct has a field it does not know (often a typo), which would otherwise be ignored. */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** A value is none of the known ones (an enum member, a check code, a severity, a CNI, an option key, a format). */
  UNKNOWN_VALUE = 'UNKNOWN_VALUE',
  /** A name or key refers to nothing in the input (a file, a workload, an endpoint). */
  NOT_FOUND = 'NOT_FOUND',
  /** Something that must be unique was given twice (a name, a key, an installation). */
  DUPLICATE = 'DUPLICATE',
  /** An index is outside the list it points into. */
  INDEX_OUT_OF_RANGE = 'INDEX_OUT_OF_RANGE',
  /** A workload has no namespace, so its peers could not tell where its pods run. */
  MISSING_NAMESPACE = 'MISSING_NAMESPACE',
  /** Multus was given as its own delegate. */
  MULTUS_DELEGATE = 'MULTUS_DELEGATE',

  // Rules and grants

  /** A rule would turn a deny-all intent into an allowance. */
  RULE_CONTRADICTS_INTENT = 'RULE_CONTRADICTS_INTENT',
  /** `Peer.any()` is combined with other peers, which then mean nothing. */
  REDUNDANT_PEERS = 'REDUNDANT_PEERS',
  /** A named port is used towards an address range, where a name can never resolve. */
  NAMED_PORT_TO_IP_BLOCK = 'NAMED_PORT_TO_IP_BLOCK',
  /** A named port is not declared by the target workload. */
  UNDECLARED_NAMED_PORT = 'UNDECLARED_NAMED_PORT',
  /** A named port is declared with another protocol than the grant asks for. */
  PORT_PROTOCOL_MISMATCH = 'PORT_PROTOCOL_MISMATCH',
  /** A grant leaves no policy to write, since its sides are outside the cluster. */
  NOTHING_TO_ENFORCE = 'NOTHING_TO_ENFORCE',
  /** A change came after the construct was synthesized, so it would not reach the output. */
  ALREADY_SYNTHESIZED = 'ALREADY_SYNTHESIZED',

  // Cluster-wide policies (ClusterNetworkPolicy)

  /** A ClusterNetworkPolicy priority is not a whole number in its range (0 to 1000). */
  PRIORITY_OUT_OF_RANGE = 'PRIORITY_OUT_OF_RANGE',
  /** A list is longer than the API allows (25 rules per direction, 25 peers, CIDRs, names or ports). */
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  /** A peer is of a kind the rule cannot have (networks, nodes or domain names in ingress; domain names outside Accept). */
  PEER_NOT_ALLOWED = 'PEER_NOT_ALLOWED',
  /** A domain name does not match the API's pattern (labels, and a wildcard only as a leading `*.`). */
  INVALID_DOMAIN_NAME = 'INVALID_DOMAIN_NAME',
  /** A port has no ClusterNetworkPolicy form (every port of a protocol). */
  PORT_NOT_EXPRESSIBLE = 'PORT_NOT_EXPRESSIBLE',

  // Manifests and the command line

  /** A field of a manifest is malformed: the API server would refuse it, or the analyzer cannot read it. */
  MALFORMED_FIELD = 'MALFORMED_FIELD',
  /** A file is not valid YAML or JSON. */
  UNPARSABLE_INPUT = 'UNPARSABLE_INPUT',
  /** A file cannot be read. */
  UNREADABLE_FILE = 'UNREADABLE_FILE',
  /** A directory holds no manifest files. */
  NO_MANIFEST_FILES = 'NO_MANIFEST_FILES',
  /** A command-line argument does not have the expected syntax. */
  MALFORMED_ARGUMENT = 'MALFORMED_ARGUMENT',
  /** The input goes past a limit of the command (bytes, documents, nesting depth, alias expansion). */
  INPUT_LIMIT_EXCEEDED = 'INPUT_LIMIT_EXCEEDED',
  /** The input holds no document at all. */
  NO_DOCUMENTS = 'NO_DOCUMENTS',

  // Workloads as targets and peers, and selector mistakes the constructs refuse

  /** The pods a policy applies to live in another namespace than the policy. */
  TARGET_IN_OTHER_NAMESPACE = 'TARGET_IN_OTHER_NAMESPACE',
  /** A workload that is not pods (an address range, all pods of a namespace) is given where pods are selected. */
  NOT_PODS = 'NOT_PODS',
  /** A pod selector is keyed on kubernetes.io/metadata.name, a label only namespaces carry. */
  NAMESPACE_LABEL_ON_PODS = 'NAMESPACE_LABEL_ON_PODS',
  /** Two arguments look swapped: a namespace selector where pods are selected, and pods where namespaces are. */
  SWAPPED_ARGUMENTS = 'SWAPPED_ARGUMENTS',

  // CNIs

  /** A release number is not `major.minor` or `major.minor.patch` (a CNI's version). */
  INVALID_VERSION = 'INVALID_VERSION',
}
