/**
 * Fails the package step when an example in the generated Python module is still TypeScript: a `const` or
 * `let` declaration, a `new X(`, or an operator Python does not have (`&&`, `||`, `===`, which jsii-rosetta
 * copies as they are) inside a ```python block. Prose outside the code blocks is not examined, so
 * the docs may name TypeScript syntax in text. A missing module fails too.
 *
 * Usage: ts-node --transpile-only build-tools/python-examples.ts <path to __init__.py>
 */
import { existsSync, readFileSync } from 'fs';

/** A line of a ```python block that looks like TypeScript. */
export interface UntranslatedLine {
  readonly line: number;
  readonly text: string;
}

const TYPESCRIPT = /^\s*(const|let) |new [A-Z][A-Za-z]*\(| && | \|\| | === /;

/** Every line inside a ```python block of `text` that looks like TypeScript, with its 1-based line number. */
export function untranslatedLines(text: string): UntranslatedLine[] {
  const found: UntranslatedLine[] = [];
  let inPython = false;
  text.split('\n').forEach((line, i) => {
    const fence = line.trim();
    if (fence.startsWith('```')) {
      inPython = !inPython && fence === '```python';
    } else if (inPython && TYPESCRIPT.test(line)) {
      found.push({ line: i + 1, text: line.trim() });
    }
  });
  return found;
}

if (require.main === module) {
  const file = process.argv[2];
  if (file === undefined || !existsSync(file)) {
    console.error(`python-examples: the generated module ${JSON.stringify(file)} does not exist; run jsii-pacmak first.`);
    process.exit(1);
  }
  const found = untranslatedLines(readFileSync(file, 'utf8'));
  found.forEach((f) => console.error(`${file}:${f.line}: a Python example still shows TypeScript: ${f.text}`));
  process.exit(found.length === 0 ? 0 : 1);
}
