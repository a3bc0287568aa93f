import { ErrorCode, NetpolError } from '../../private/errors';
import { labelKeyProblem, labelValueProblem } from '../../private/k8s-names';

/** What a `FieldReader` throws: one malformed field, in the project format. */
export class FieldProblem extends NetpolError {}

/**
 * Reads one manifest's fields with JSON type checks, throwing errors in the project format that name the
 * document, the object and the field path (internal).
 */
export class FieldReader {
  /**
   * @param where the document and object, for messages
   * @param sink where `part()` records the problems of the parts it reads; without it, the first problem throws
   */
  constructor(private readonly where: string, private readonly sink?: string[]) {}

  /** Throws `[<where>] <path> <problem> (got <value>). <fix>.` */
  public fail(path: string, problem: string, got: unknown, fix: string): never {
    throw new FieldProblem(ErrorCode.MALFORMED_FIELD, this.where, path === '' ? problem : `${path} ${problem}`, got, fix);
  }

  /**
   * Reads one part of a manifest (a rule, a selector). With a sink, a malformed field in it is recorded there
   * and `fallback` is returned, so that the other parts are still read and every problem is reported; without
   * one, the problem is thrown.
   */
  public part<T>(fallback: T, read: () => T): T {
    if (this.sink === undefined) {
      return read();
    }
    try {
      return read();
    } catch (e) {
      if (!(e instanceof FieldProblem)) {
        throw e;
      }
      this.sink.push(e.message);
      return fallback;
    }
  }

  /** A JSON object; with `known`, any other key is refused (as strict field validation does). */
  public object(path: string, value: unknown, known?: string[]): Record<string, any> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'must be an object', value, 'Write it as a map of fields');
    }
    if (known !== undefined) {
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
          this.fail(path === '' ? key : `${path}.${key}`, 'is not a known field', key,
            `Known fields here: ${known.join(', ')} (field names are case-sensitive)`);
        }
      }
    }
    return value as Record<string, any>;
  }

  /** An optional object: `undefined` and `null` mean absent. */
  public optionalObject(path: string, value: unknown, known?: string[]): Record<string, any> | undefined {
    return value === undefined || value === null ? undefined : this.object(path, value, known);
  }

  /** An optional list: `undefined` and `null` mean absent. */
  public optionalArray(path: string, value: unknown): unknown[] | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.fail(path, 'must be a list', value, 'Write it as a YAML/JSON list');
    }
    return value;
  }

  /** A string. */
  public string(path: string, value: unknown): string {
    if (typeof value !== 'string') {
      this.fail(path, 'must be a string', value, 'Quote the value');
    }
    return value;
  }

  /** An optional string: `undefined` and `null` mean absent. */
  public optionalString(path: string, value: unknown): string | undefined {
    return value === undefined || value === null ? undefined : this.string(path, value);
  }

  /** A whole number that fits int32. */
  public int32(path: string, value: unknown): number {
    if (value === undefined || value === null) {
      this.fail(path, 'is required', value, 'Give a whole number (field names are case-sensitive)');
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
      this.fail(path, 'must be a whole number', value, 'Write an integer without quotes or fractions');
    }
    return value;
  }

  /** A label map (`metadata.labels`, `matchLabels`): valid keys, string values. */
  public labels(path: string, value: unknown): Record<string, string> {
    const map = this.optionalObject(path, value) ?? {};
    const result: Record<string, string> = {};
    for (const [key, raw] of Object.entries(map)) {
      const keyProblem = labelKeyProblem(key);
      if (keyProblem !== undefined) {
        this.fail(`${path}[${JSON.stringify(key)}]`, `key: ${keyProblem.problem}`, key, keyProblem.fix);
      }
      const text = this.string(`${path}[${JSON.stringify(key)}]`, raw);
      const valueProblem = labelValueProblem(text);
      if (valueProblem !== undefined) {
        this.fail(`${path}[${JSON.stringify(key)}]`, valueProblem.problem, text, valueProblem.fix);
      }
      result[key] = text;
    }
    return result;
  }
}
