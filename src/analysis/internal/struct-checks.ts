/**
 * The fields of the structs the analyzer is given, with the check of each (internal, not exported from the
 * package). Endpoints are recognised by their brand: a plain object that looks like one is refused, since
 * reading it as an endpoint would judge a connection the caller did not ask about.
 */
import {
  checkNumber, checkString, checkStringList, checkStringMap, enumOf, Fields, listOf, optional, struct, argumentStruct,
} from '../../private/arguments';
import { ENDPOINT } from '../../private/brands';
import { ErrorCode } from '../../private/errors';
import { Protocol } from '../../protocol';

const string = optional(checkString);
const protocol = optional(enumOf(Protocol, 'Protocol', ErrorCode.INVALID_PROTOCOL));
const endpoints = optional(listOf(ENDPOINT.check));
const PROBE_PORT: Fields = { port: optional(checkNumber), portName: string, protocol };
const CONTAINER_PORT: Fields = { name: string, port: checkNumber, protocol };

/** The fields of every struct checked here, by interface name. */
export const STRUCTS: Readonly<Record<string, Fields>> = {
  ContainerPort: CONTAINER_PORT,
  PodEndpointProps: {
    namespace: checkString,
    labels: optional(checkStringMap),
    name: string,
    namespaceLabels: optional(checkStringMap),
    ports: optional(listOf(struct(CONTAINER_PORT))),
    ip: string,
  },
  TrafficQuery: {
    source: ENDPOINT.check, destination: ENDPOINT.check, port: optional(checkNumber), portName: string, protocol,
  },
  ProbePort: PROBE_PORT,
  TruthTableOptions: { ports: listOf(struct(PROBE_PORT)), extraEndpoints: endpoints, endpoints },
  DiffOptions: { ports: listOf(struct(PROBE_PORT)), extraEndpoints: endpoints },
  PolicyAnalyzerOptions: { documentNames: optional(checkStringList) },
};

const CHECKS = new Map(Object.entries(STRUCTS).map(([name, fields]) => [name, argumentStruct(fields)]));

/** Checks a struct argument against the fields of the named interface. */
export function checkStruct(where: string, what: string, value: unknown, structName: string): void {
  CHECKS.get(structName)!(where, what, value);
}
