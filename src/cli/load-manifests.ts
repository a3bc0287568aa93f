/**
 * Reads manifests from files, directories and stdin (internal).
 *
 * Every YAML or JSON document becomes one manifest, named `<file>#<document index>` for messages (the index
 * counts from 0 in the file, as `kubectl` does). Directories are read recursively, `.yaml`, `.yml` and `.json`
 * files only, in code-point order of their paths. `-` reads stdin, named `<stdin>`.
 */
import { promises as fs, Stats } from 'fs';
import * as path from 'path';
import { decodeText } from './decode-text';
import { CliError, ErrorCode } from './errors';
import { DEFAULT_LIMITS, InputLimits, inputLimits, raiseHint } from './input-limits';
import { readJson, readJsonStream } from './read-json';
import { excerpt, readYaml, YamlProblem } from './read-yaml';

/** Manifests with one source name each, in the order read. */
export interface LoadedManifests {
  readonly manifests: any[];
  /** `<file>#<index>`, one per manifest. */
  readonly sources: string[];
  /** Paths that are not regular files (FIFOs, sockets, devices), skipped, with what they are. */
  readonly skippedFiles: string[];
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Reads every document of the given paths. Throws `CliError` on unreadable or unparsable input, input past
 * the limits, and (unless `allowEmpty`, for the before side of a diff) input without any document. `parse`
 * reads one file's text (diff passes one that takes the documents both sides share from the first side).
 */
export async function loadManifests(
  inputs: string[], readStdin: () => Promise<string>, limits: InputLimits = inputLimits(process.env), allowEmpty = false,
  parse: (name: string, text: string, limits: InputLimits) => unknown[] = parseDocuments,
): Promise<LoadedManifests> {
  if (inputs.length === 0) {
    throw CliError.problem(ErrorCode.MISSING_VALUE, 'cdk8s-netpol', 'no manifests given', inputs, 'Name files, directories, or - for stdin');
  }
  const manifests: any[] = [];
  const sources: string[] = [];
  const { files, skipped } = await expand(inputs);
  let bytes = 0;
  for (const file of files) {
    const text = file === '-' ? await readStdin() : await readText(file, limits.maxBytes - bytes);
    const name = file === '-' ? '<stdin>' : file;
    bytes += Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxBytes) {
      throw CliError.problem(ErrorCode.INPUT_LIMIT_EXCEEDED, name, `takes the input past ${limits.maxBytes} bytes`, bytes, `Split the input, or ${raiseHint('maxBytes')}`);
    }
    const docs = parse(name, text, limits);
    if (manifests.length + docs.length > limits.maxDocuments) {
      throw CliError.problem(ErrorCode.INPUT_LIMIT_EXCEEDED, name, `takes the input past ${limits.maxDocuments} documents`, manifests.length + docs.length,
        `Split the input, or ${raiseHint('maxDocuments')}`);
    }
    docs.forEach((doc, i) => {
      manifests.push(doc);
      sources.push(`${name}#${i}`);
    });
  }
  if (!allowEmpty && !manifests.some((doc) => doc !== null && doc !== undefined)) {
    const what = inputs.length === 1 && inputs[0] === '-' ? '<stdin>' : inputs.join(' ');
    throw CliError.problem(ErrorCode.NO_DOCUMENTS, what, what === '<stdin>' ? 'holds no documents (stdin is empty)' : 'holds no documents',
      skipped.length > 0 ? skipped : inputs, 'Check that the manifests were written (an empty helm template or cdk8s synth output passes no gate)');
  }
  return { manifests, sources, skippedFiles: skipped };
}

/**
 * Parses one file's text. JSON (a `.json` file, or text that is one JSON value) takes the fast path; a `.json`
 * file holding an array is one document per item; objects written one after another (a JSON stream, as kubectl
 * reads one) are one document each. Everything else is read as YAML, as kubectl reads it.
 */
export function parseDocuments(name: string, text: string, limits: InputLimits = DEFAULT_LIMITS): unknown[] {
  try {
    const json = /^\s*[[{]/.test(text) ? readJson(text, limits) : undefined;
    if (json !== undefined) {
      return name.endsWith('.json') && Array.isArray(json) ? json : [json];
    }
    const stream = /^\s*\{/.test(text) ? readJsonStream(text, limits) : undefined;
    if (stream !== undefined) {
      return stream;
    }
    if (name.endsWith('.json')) {
      return parseJson(name, text);
    }
    return readYaml(text, limits);
  } catch (e) {
    if (!(e instanceof YamlProblem)) {
      throw e;
    }
    const where = e.syntax ? `${name}#${e.document}` : `${name}#${e.document} line ${e.line}`;
    const problem = e.syntax ? `is not valid YAML at line ${e.line}: ${e.message}` : e.message;
    throw CliError.problem(e.limit ? ErrorCode.INPUT_LIMIT_EXCEEDED : ErrorCode.UNPARSABLE_INPUT, where, problem, e.got, e.fix);
  }
}

/** A `.json` file that `JSON.parse` refuses: the error with its line. */
function parseJson(name: string, text: string): unknown[] {
  try {
    JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position === null ? 0 : Number(position[1]);
    const line = text.slice(0, offset).split('\n').length;
    throw CliError.problem(ErrorCode.UNPARSABLE_INPUT, `${name}#0`, `is not valid JSON at line ${line}: ${message}`, excerpt(text, offset), 'Fix the JSON syntax');
  }
  // valid JSON that the fast path did not take (a non-finite number or deep nesting): kubectl reads it as YAML
  return readYaml(text, DEFAULT_LIMITS);
}

async function expand(inputs: string[]): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat === undefined) {
      throw CliError.problem(ErrorCode.NOT_FOUND, input, 'file or directory not found', input, 'Check the path');
    }
    if (!stat.isDirectory()) {
      (stat.isFile() ? files : skipped).push(stat.isFile() ? input : `${input} (${special(stat)})`);
      continue;
    }
    const found: string[] = [];
    await walk(input, found, skipped);
    if (found.length === 0 && skipped.length === 0) {
      throw CliError.problem(ErrorCode.NO_MANIFEST_FILES, input, 'directory has no .yaml, .yml or .json files', input, 'Point at a directory of manifests, e.g. dist/');
    }
    files.push(...found.sort(comparePaths));
  }
  return { files, skipped };
}

/** Adds the manifest files under a directory to `found`; special files with a manifest extension to `skipped`. */
async function walk(dir: string, found: string[], skipped: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw CliError.problem(ErrorCode.UNREADABLE_FILE, dir, 'cannot be read', e.code ?? String(e), 'Check the directory and its permissions');
  });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, found, skipped);
    } else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      // a symbolic link is followed; what it points to must be a regular file too
      const stat = await fs.stat(full).catch(() => undefined);
      if (stat?.isFile() === true) {
        found.push(full);
      } else {
        skipped.push(`${full} (${stat === undefined ? 'a broken link' : special(stat)})`);
      }
    }
  }
}

function special(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return stat.isDirectory() ? 'a directory' : 'not a regular file';
}

async function readText(file: string, budget: number): Promise<string> {
  const cannot = (e: NodeJS.ErrnoException) => {
    throw CliError.problem(ErrorCode.UNREADABLE_FILE, file, 'cannot be read', e.code ?? String(e), 'Check the path and its permissions');
  };
  const stat = await fs.stat(file).catch(cannot);
  if (stat.size > budget) {
    throw CliError.problem(ErrorCode.INPUT_LIMIT_EXCEEDED, file, 'takes the input past the byte limit', stat.size, `Split the input, or ${raiseHint('maxBytes')}`);
  }
  return decodeText(await fs.readFile(file).catch(cannot));
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
