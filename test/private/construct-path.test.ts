import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { childPath, sanitizedId } from '../../src/private/construct-path';

describe('construct-path', () => {
  test('the predicted path of a child is the path the child gets', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop');
    const team = new Construct(chart, 'Team');
    // WHEN
    const predicted = [childPath(team, 'Api'), childPath(chart, 'a/b'), childPath(app, 'other'), childPath(team, 'x\ny')];
    const made = [new Construct(team, 'Api'), new Construct(chart, 'a/b'), new Chart(app, 'other'), new Construct(team, 'x\ny')];
    // THEN
    expect(predicted).toEqual(made.map((c) => c.node.path));
    expect(predicted).toEqual(['shop/Team/Api', 'shop/a--b', 'other', 'shop/Team/x--y']);
  });

  test('ids are sanitized the way constructs sanitizes them', () => {
    // GIVEN
    const app = new App();
    // WHEN
    const child = new Construct(app, 'a/b\nc');
    // THEN
    expect(sanitizedId('a/b\nc')).toBe(child.node.id);
  });
});
