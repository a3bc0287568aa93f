/**
 * How an error message shows a value it got. Plain JSON data is shown as JSON, as before; what JSON cannot
 * show, or would show as something else, is named instead: `new String('web')` is not `"web"`, a function
 * is not its source text, a Symbol is not `undefined`, and a class instance is not its private fields.
 */

/** Longest rendering of a value; longer ones are cut with `...`. */
const MAX_LENGTH = 1000;

/** How deep arrays and objects are rendered before they are only named. */
const MAX_DEPTH = 3;

/** The value as a message shows it. Never throws. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = render(value, []);
  } catch {
    text = 'a value that cannot be read';
  }
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 3)}...`;
}

function render(value: unknown, within: object[]): string {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'string': return JSON.stringify(value);
    case 'number': return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'boolean': return String(value);
    case 'bigint': return `${String(value)}n`;
    case 'symbol': return String(value);
    case 'function': return describeFunction(value as Function);
    default: return value === null ? 'null' : renderObject(value as object, within);
  }
}

/** An array or object; `within` holds the values it is nested in, to show cycles and stop at a depth. */
function renderObject(value: object, within: object[]): string {
  if (within.includes(value)) {
    return '<cycle>';
  }
  const depth = within.length;
  const inner = [...within, value];
  const boxed = boxedPrimitive(value);
  if (boxed !== undefined) {
    return boxed;
  }
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `a list of ${value.length}`;
    const items: string[] = [];
    for (let i = 0; i < value.length && i < 20; i++) {
      items.push(i in value ? render(value[i], inner) : '<empty>');
    }
    return `[${items.join(',')}${value.length > 20 ? ',...' : ''}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return describeInstance(value);
  }
  if (depth >= MAX_DEPTH) return 'an object';
  // keys whose value is undefined are left out, as JSON leaves them out
  const entries = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).slice(0, 20)
    .map((key) => `${JSON.stringify(key)}:${render((value as Record<string, unknown>)[key], inner)}`);
  return `{${entries.join(',')}}`;
}

/** `a boxed String "web"` for `new String('web')` (likewise Number and Boolean), else undefined. */
function boxedPrimitive(value: object): string | undefined {
  if (value instanceof String) return `a boxed String ${JSON.stringify(value.valueOf())}`;
  if (value instanceof Number) return `a boxed Number ${String(value.valueOf())}`;
  if (value instanceof Boolean) return `a boxed Boolean ${String(value.valueOf())}`;
  return undefined;
}

function describeFunction(fn: Function): string {
  const name = safe(() => fn.name);
  return typeof name === 'string' && name !== '' ? `a function named ${JSON.stringify(name)}` : 'a function';
}

/** `a Port (TCP/443)`: the class name, and the value's own `toString()` when it has one. */
function describeInstance(value: object): string {
  const name = safe(() => (value as { constructor?: { name?: unknown } }).constructor?.name);
  const article = typeof name === 'string' && name !== '' ? `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}` : 'an object';
  const own = safe(() => (value as { toString?: unknown }).toString);
  if (typeof own !== 'function' || own === Object.prototype.toString) {
    return article;
  }
  const text = safe(() => String(value));
  return typeof text === 'string' && text !== '' ? `${article} (${text})` : article;
}

/** The result of `read()`, or undefined when it throws (a hostile getter or proxy). */
function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
