import { describeValue } from './describe-value';

/**
 * The one error format of the library:
 * `[<where>] <what is wrong> (got <bad value>). <how to fix>.`
 *
 * `where` is a construct path for constructs and the call (`Port.tcp()`) for values. A fix that asks a question
 * ("did you mean ...?") ends with its question mark instead of the period.
 */
export function invalid(where: string, problem: string, got: unknown, fix: string): Error {
  return new Error(formatProblem(where, problem, got, fix));
}

/** The same format as `invalid()`, as a string (for validations and lint findings). */
export function formatProblem(where: string, problem: string, got: unknown, fix: string): string {
  const prefix = where === '' ? '' : `[${where}] `;
  return `${prefix}${problem} (got ${show(got)}). ${endSentence(fix)}`;
}

/** Renders a bad value for a message: JSON data as JSON, anything else named (see `describeValue()`). */
export function show(value: unknown): string {
  return describeValue(value);
}

/** The fix as one sentence: a period added unless it already ends with one, or with a question or exclamation mark. */
function endSentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
