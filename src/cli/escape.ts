/**
 * Text from the input, made safe for a terminal (internal). Every text formatter prints input strings (keys,
 * values, names, file names) through `escapeText`, so that no control character, line break or bidi override
 * in a manifest can move the cursor, clear the screen, recolour or reorder the output, or add a line.
 */

/** C0 controls (tab and newline included), DEL, C1 controls, line/paragraph separators, bidi embeddings and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every unsafe character written as `\u{XXXX}` (e.g. ESC -> `\u{1b}`). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** `escapeText` applied to each line of a multi-line text of our own (its newlines kept). */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeText).join('\n');
}
