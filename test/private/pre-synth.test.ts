import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { addPreSynthHook, runPreSynthHooks } from '../../src/private/pre-synth';

describe('pre-synth hooks', () => {
  test('run in registration order for the whole app, from any construct of it', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    const calls: string[] = [];
    addPreSynthHook(new Construct(chart, 'One'), () => calls.push('one'));
    addPreSynthHook(new Construct(new Chart(app, 'b'), 'Two'), () => calls.push('two'));
    // WHEN
    runPreSynthHooks(chart);
    // THEN
    expect(calls).toEqual(['one', 'two']);
  });

  test('belong to one app only', () => {
    // GIVEN
    const calls: string[] = [];
    addPreSynthHook(new Chart(Testing.app(), 'a'), () => calls.push('other app'));
    // WHEN
    runPreSynthHooks(new Chart(Testing.app(), 'b'));
    // THEN
    expect(calls).toEqual([]);
  });
});
