#!/usr/bin/env node
/**
 * The `cdk8s-netpol` command (internal; the package's `bin`). Only argument parsing lives here: each
 * subcommand's module, with the analyzer and the YAML parser, is loaded when that subcommand runs.
 */
import { CommanderError } from 'commander';
import { useColour } from './colour';
import { CliError, EXIT_USAGE, Io } from './errors';
import { escapeText } from './escape';
import { buildProgram } from './program';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const io: Io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colour: useColour(process.stdout, process.env),
    readStdin,
  };
  let code = 0;
  const program = buildProgram(io, (c) => { code = c; });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_USAGE; // help and version exit 0; usage errors were already printed
    }
    if (e instanceof CliError) {
      io.err(`cdk8s-netpol: ${escapeText(e.message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
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
