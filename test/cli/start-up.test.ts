import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from './run-cli';

/** The library modules (under lib/) that loading a command's module loads. */
function modulesLoadedBy(command: string): string[] {
  const script = `require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', `${command}.js`))});`
    + 'process.stdout.write(JSON.stringify(Object.keys(require.cache)));';
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  const lib = path.join(ROOT, 'lib') + path.sep;
  return (JSON.parse(result.stdout) as string[]).filter((f) => f.startsWith(lib)).map((f) => f.slice(lib.length));
}

describe('start-up', () => {
  test('check loads neither the truth table, the analyzer entry, endpoint parsing nor any renderer', () => {
    // GIVEN the compiled check command
    // WHEN its module is loaded
    const loaded = modulesLoadedBy('check');
    // THEN only the reader, the linter and what they use are loaded
    expect(loaded).toContain(path.join('lint', 'engine', 'engine.js'));
    const unwanted = loaded.filter((f) => /^analysis[/\\](internal[/\\])?(policy-analyzer|truth-table|class-table|bit-matrix|fast-table|grouping)\.js$/.test(f)
      || /^cli[/\\](matrix|graph|diff|arguments|workspace|format-.*)\.js$/.test(f));
    expect(unwanted).toEqual([]);
  });

  test('matrix loads the truth table', () => {
    // GIVEN the compiled matrix command
    // WHEN its module is loaded
    const loaded = modulesLoadedBy('matrix');
    // THEN
    expect(loaded).toContain(path.join('analysis', 'policy-analyzer.js'));
    expect(loaded).toContain(path.join('analysis', 'internal', 'class-table.js'));
  });
});
