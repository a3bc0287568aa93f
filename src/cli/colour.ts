/**
 * ANSI colour, only for a terminal (internal).
 */

/** Colour is used when stdout is a TTY and NO_COLOR is unset or empty (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

const CODES = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1 };

/** A colour name. */
export type Colour = keyof typeof CODES;

/** Wraps text in an ANSI colour when `on`. */
export function paint(on: boolean, colour: Colour, text: string): string {
  return on ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
