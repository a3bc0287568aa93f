/**
 * What the runner needs from a way of probing (internal): set up, probe one cell, clean up.
 */
import { ProbeCell } from './types';

/** One observation of a cell. */
export interface Observation {
  readonly allowed: boolean;
  readonly detail: string;
  readonly sourcePod: string;
  readonly destinationPod: string;
}

/** A way of probing: stand-in pods or in place. */
export interface Prober {
  readonly mode: string;
  /** Notes for the report (limits of the mode). */
  readonly notes: string[];
  prepare(): Promise<void>;
  probe(cell: ProbeCell): Promise<Observation>;
  cleanup(): Promise<void>;
}

/** `ip:port`, with brackets around an IPv6 address. */
export function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The pods of a `kubectl get -o json` answer (a List, or one object). */
export function itemsOf(stdout: string): any[] {
  const parsed = JSON.parse(stdout);
  return Array.isArray(parsed.items) ? parsed.items : [parsed];
}
