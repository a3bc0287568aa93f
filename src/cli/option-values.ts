/**
 * Option values every command reads the same way (internal). Kept apart from the commands and from
 * `arguments.ts`, which reads endpoints with the analyzer, so that a command loads only what it uses.
 */
import { CliError, ErrorCode } from './errors';

/** Refuses a `--format` value the command does not know. */
export function checkFormat(format: string, known: string[]): void {
  if (!known.includes(format)) {
    throw CliError.problem(ErrorCode.UNKNOWN_VALUE, '--format', `must be one of ${known.join(', ')}`, format, `Use --format ${known[0]}`);
  }
}

/** Splits repeated and comma-separated option values: `--port 80,443 --port 53/udp`. */
export function splitList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
