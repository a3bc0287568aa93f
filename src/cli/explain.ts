/**
 * `cdk8s-netpol explain`: the verdict for one connection and which policy and rule decided each direction
 * (internal).
 */
import { parseEndpoint, parsePort } from './arguments';
import { paint } from './colour';
import { EXIT_FINDINGS, EXIT_OK, Io } from './errors';
import { escapeLines } from './escape';
import { unanalyzedNotes } from './input-notes';
import { checkFormat } from './matrix';
import { safeJson, UnanalyzedNote } from './output';
import { chooseEndpoints, openWorkspace } from './workspace';
import { Endpoint, Verdict } from '../analysis';

/** Options of `explain`. */
export interface ExplainOptions {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  readonly format: string;
}

/** Prints the verdict; exit 0 when allowed, 1 when denied or unknown (unknown fails closed). */
export async function runExplain(inputs: string[], options: ExplainOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'json']);
  const workspace = await openWorkspace(inputs, io);
  const known = chooseEndpoints([workspace], []).endpoints;
  const source = parseEndpoint('--from', options.from, known);
  const destination = parseEndpoint('--to', options.to, known);
  const port = parsePort(options.port);
  const verdict = workspace.analyzer.evaluate({ source, destination, ...port });
  io.out(options.format === 'json' ? verdictJson(verdict, unanalyzedNotes(workspace.model.inputs)) : verdictText(verdict, io.colour) + missingPortName(destination, port));
  return verdict.allowed ? EXIT_OK : EXIT_FINDINGS;
}

/** A line saying that the destination pod has no container port of that name, with the ports it has. */
export function missingPortName(destination: Endpoint, port: { portName?: string; protocol?: string }): string {
  const name = port.portName;
  if (name === undefined || !destination.isPod || destination.ports.some((p) => p.name === name && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'))) {
    return '';
  }
  const declared = destination.ports.map((p) => `${p.name ?? p.port} (${p.protocol ?? 'TCP'} ${p.port})`);
  return `note: ${escapeLines(destination.key)} has no port named ${name}${port.protocol !== undefined && port.protocol !== 'TCP' ? ` for ${port.protocol}` : ''}`
    + ` (${declared.length === 0 ? 'it declares no container ports' : `its ports: ${declared.join(', ')}`})\n`;
}

/**
 * The analyzer's explanation, with the outcome coloured on a terminal. Its lines carry names from the input
 * (policy names, tier rule names, which are free text), so each line is escaped before any colour is added.
 */
export function verdictText(verdict: Verdict, colour: boolean): string {
  const [head, ...rest] = escapeLines(verdict.explain()).split('\n');
  const word = verdict.outcome.toUpperCase();
  const hue = verdict.allowed ? 'green' : verdict.unknown ? 'yellow' : 'red';
  const lines = [paint(colour, hue, word) + head.slice(word.length), ...rest];
  return `${lines.join('\n')}\n`;
}

/** The verdict as data: outcome per direction and the reasons exactly as the analyzer gives them. */
export function verdictJson(verdict: Verdict, unanalyzed: UnanalyzedNote[] = []): string {
  const data = {
    allowed: verdict.allowed,
    outcome: verdict.outcome,
    source: verdict.source,
    destination: verdict.destination,
    port: verdict.port,
    portName: verdict.portName,
    protocol: verdict.protocol,
    egressAllowed: verdict.egressAllowed,
    ingressAllowed: verdict.ingressAllowed,
    egressOutcome: verdict.egressOutcome,
    ingressOutcome: verdict.ingressOutcome,
    reasons: verdict.reasons,
    ...(unanalyzed.length === 0 ? {} : { unanalyzed }),
  };
  return `${safeJson(data, 2)}\n`;
}
