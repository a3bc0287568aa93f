/**
 * Reads manifests from files, directories and stdin (internal).
 *
 * Every YAML or JSON document becomes one manifest, named `<file>#<document index>` for messages (the index
 * counts from 0 in the file, as `kubectl` does). Directories are read recursively, `.yaml`, `.yml` and `.json`
 * files only, in code-point order of their paths. `-` reads stdin, named `<stdin>`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CliError, ErrorCode } from './errors';

/** Manifests with one source name each, in the order read. */
export interface LoadedManifests {
  readonly manifests: any[];
  /** `<file>#<index>`, one per manifest. */
  readonly sources: string[];
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Reads every document of the given paths. Throws `CliError` on unreadable or unparsable input. */
export async function loadManifests(inputs: string[], readStdin: () => Promise<string>): Promise<LoadedManifests> {
  if (inputs.length === 0) {
    throw CliError.problem(ErrorCode.MISSING_VALUE, 'cdk8s-netpol', 'no manifests given', inputs, 'Name files, directories, or - for stdin');
  }
  const manifests: any[] = [];
  const sources: string[] = [];
  for (const file of await expand(inputs)) {
    const text = file === '-' ? await readStdin() : await readText(file);
    const name = file === '-' ? '<stdin>' : file;
    parseDocuments(name, text).forEach((doc, i) => {
      manifests.push(doc);
      sources.push(`${name}#${i}`);
    });
  }
  return { manifests, sources };
}

/** Parses one file's text: JSON for `.json` files (an array = one document per item), YAML otherwise. */
export function parseDocuments(name: string, text: string): unknown[] {
  if (name.endsWith('.json')) {
    return parseJson(name, text);
  }
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (!Array.isArray(docs)) {
    return []; // an empty stream
  }
  return docs.map((doc, i) => {
    const error = doc.errors[0];
    if (error !== undefined) {
      const at = ` at line ${lineOf(text, error.pos[0])}`;
      throw CliError.problem(ErrorCode.UNPARSABLE_INPUT, `${name}#${i}`, `is not valid YAML${at}: ${firstLine(error.message)}`,
        excerpt(text, error.pos[0]), 'Fix the YAML syntax');
    }
    return doc.toJS({ maxAliasCount: 1000 });
  });
}

function parseJson(name: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw CliError.problem(ErrorCode.UNPARSABLE_INPUT, `${name}#0`, `is not valid JSON: ${(e as Error).message}`, excerpt(text, 0), 'Fix the JSON syntax');
  }
  return Array.isArray(value) ? value : [value];
}

async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
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
      files.push(input);
      continue;
    }
    const found = (await walk(input)).sort(comparePaths);
    if (found.length === 0) {
      throw CliError.problem(ErrorCode.NO_MANIFEST_FILES, input, 'directory has no .yaml, .yml or .json files', input, 'Point at a directory of manifests, e.g. dist/');
    }
    files.push(...found);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...await walk(full));
    } else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      files.push(full);
    }
  }
  return files;
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw CliError.problem(ErrorCode.UNREADABLE_FILE, file, 'cannot be read', (e as NodeJS.ErrnoException).code ?? String(e), 'Check the path and its permissions');
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function excerpt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
  const end = text.indexOf('\n', pos);
  return text.slice(start, end === -1 ? undefined : end).slice(0, 80);
}
