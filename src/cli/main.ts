#!/usr/bin/env node
/**
 * The `cdk8s-netpol` command (internal; the package's `bin`). Only argument parsing lives here: each
 * subcommand's module, with the analyzer and the YAML parser, is loaded when that subcommand runs.
 */
import { fstatSync, readFileSync, statSync } from 'fs';
import { CommanderError } from 'commander';
import { useColour } from './colour';
import { decodeText } from './decode-text';
import { CliError, ErrorCode, EXIT_USAGE, Io } from './errors';
import { escapeText } from './escape';
import { buildProgram } from './program';
import { formatProblem } from '../private/errors';

/** Reads all of stdin, once: `-` given twice is a usage error, a closed or unreadable stdin an input error. */
function stdinReader(): () => Promise<string> {
  let read = false;
  return async () => {
    if (read) {
      throw CliError.problem(ErrorCode.CONFLICTING_OPTIONS, '-', 'is given twice, but stdin can be read only once', '-', 'Pass - for one input only, and files for the others');
    }
    read = true;
    const closed = closedStdin();
    if (closed !== undefined) {
      const why = closed === 'EISDIR' ? 'it is a directory' : 'it was closed when the command started';
      throw CliError.problem(ErrorCode.UNREADABLE_FILE, '<stdin>', `cannot be read: ${why}`, closed,
        'Pipe the manifests in, e.g. helm template . | cdk8s-netpol check -, or name the directory instead of -');
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of process.stdin) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      }
    } catch (e) {
      throw CliError.problem(ErrorCode.UNREADABLE_FILE, '<stdin>', 'cannot be read', (e as NodeJS.ErrnoException).code ?? String(e), 'Pipe the manifests in, e.g. helm template . | cdk8s-netpol check -');
    }
    return decodeText(Buffer.concat(chunks));
  };
}

/**
 * `EBADF` when file descriptor 0 was closed when the command started, `EISDIR` when it is a directory (which
 * Node reads as an empty stream), else undefined. Node puts `/dev/null`, opened for reading and writing, in
 * place of a closed standard descriptor; a shell's `< /dev/null` and a parent's ignored stdin open it for
 * reading only, so those read as empty input instead. The open mode is read from `/proc/self/fdinfo` (Linux);
 * elsewhere a closed stdin reads as empty input, which fails too.
 */
function closedStdin(): string | undefined {
  let stat;
  try {
    stat = fstatSync(0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EBADF';
  }
  if (stat.isDirectory()) {
    return 'EISDIR';
  }
  if (!stat.isCharacterDevice()) {
    return undefined;
  }
  try {
    if (stat.rdev !== statSync('/dev/null').rdev) {
      return undefined;
    }
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/fdinfo/0', 'utf8'));
    // eslint-disable-next-line no-bitwise
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2 ? 'EBADF' : undefined; // O_ACCMODE is 3, O_RDWR 2
  } catch {
    return undefined;
  }
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const io: Io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colour: useColour(process.stdout, process.env),
    readStdin: stdinReader(),
  };
  let code = 0;
  const program = buildProgram(io, (c) => { code = c; });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode !== 0) {
        io.err(`cdk8s-netpol: ${escapeText(usageProblem(e, argv.slice(2)))}\n`);
      }
      return e.exitCode === 0 ? 0 : EXIT_USAGE; // help and version exit 0
    }
    if (e instanceof CliError) {
      io.err(`cdk8s-netpol: ${escapeText(e.message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** A usage error of the argument parser, in the project format. */
function usageProblem(e: CommanderError, args: string[]): string {
  const what = e.message.replace(/^error: /, '').replace(/\.$/, '');
  const command = ['check', 'explain', 'matrix', 'diff', 'graph'].find((c) => args.includes(c));
  const help = command === undefined ? 'cdk8s-netpol --help' : `cdk8s-netpol ${command} --help`;
  return formatProblem(command === undefined ? 'cdk8s-netpol' : `cdk8s-netpol ${command}`, what, args, `Run ${help} for usage`);
}

// A reader that stops early (`cdk8s-netpol matrix dist/ | head`) closes the pipe: not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    process.exit(0);
  }
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write(`cdk8s-netpol: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 3;
});
