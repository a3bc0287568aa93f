import * as fs from 'fs';
import * as path from 'path';
import { ErrorCode } from '../../src';

/** The text of every .ts file under `dir`, except those `skip` names. */
function sources(dir: string, skip: (file: string) => boolean): string {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !skip(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

const ROOT = path.join(__dirname, '..', '..');
const CODES = Object.values(ErrorCode);

describe('error codes', () => {
  test('every code is its own name, so that it reads the same in every language binding', () => {
    // GIVEN / WHEN / THEN
    expect(CODES.length).toBeGreaterThan(30);
    expect(Object.entries(ErrorCode).filter(([name, value]) => name !== value)).toEqual([]);
  });

  test('every code is thrown somewhere in the library (no dead codes)', () => {
    // GIVEN
    const library = sources(path.join(ROOT, 'src'), (file) => file.endsWith(path.join('private', 'error-code.ts')));
    // WHEN
    const unused = CODES.filter((code) => !library.includes(`ErrorCode.${code}`));
    // THEN
    expect(unused).toEqual([]);
  });
});
