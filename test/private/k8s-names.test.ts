import { checkNamespaceName, dns1123LabelProblem, dns1123SubdomainProblem, labelKeyProblem, labelValueProblem, portNameProblem } from '../../src/private/k8s-names';
import { ErrorCode, problemOf } from '../problems';

describe('k8s-names', () => {
  test.each([
    ['web', true], ['a'.repeat(63), true], ['a'.repeat(64), false], ['Web', false], ['web-', false], ['-web', false],
    ['team.a', false], ['', false],
  ])('DNS-1123 label %s valid: %s', (value, valid) => {
    // GIVEN / WHEN / THEN
    expect(dns1123LabelProblem(value) === undefined).toBe(valid);
  });

  test.each([
    ['allow-web', true], ['a.b.c', true], ['a'.repeat(200), true], ['a'.repeat(254), false], ['a..b', false],
    ['allow/web', false], ['Allow-Web', false], ['allow_web', false],
  ])('DNS-1123 subdomain %s valid: %s', (value, valid) => {
    // GIVEN / WHEN / THEN
    expect(dns1123SubdomainProblem(value) === undefined).toBe(valid);
  });

  test.each([
    ['app', true], ['app.kubernetes.io/name', true], ['A_b.C-d', true], ['a/b/c', false], ['/app', false],
    ['Example.com/app', false], ['app_', false], ['', false], ['example.com/', false],
  ])('label key %s valid: %s', (value, valid) => {
    // GIVEN / WHEN / THEN
    expect(labelKeyProblem(value) === undefined).toBe(valid);
  });

  test.each([
    ['', true], ['web', true], ['v1.2_3-a', true], ['front end', false], ['.web', false], ['café', false], ['v'.repeat(64), false],
  ])('label value %s valid: %s', (value, valid) => {
    // GIVEN / WHEN / THEN
    expect(labelValueProblem(value) === undefined).toBe(valid);
  });

  test.each([
    ['http', true], ['h2c', true], ['a'.repeat(15), true], ['80', false], ['HTTP', false], ['web--ui', false],
    ['-web', false], ['web-', false], ['a'.repeat(16), false], ['', false],
  ])('port name %s valid: %s', (value, valid) => {
    // GIVEN / WHEN / THEN
    expect(portNameProblem(value) === undefined).toBe(valid);
  });

  test('checkNamespaceName throws in the project format', () => {
    // GIVEN / WHEN / THEN
    expect(checkNamespaceName('here', 'ok')).toBe('ok');
    expect(problemOf(() => checkNamespaceName('here', 'Not OK'))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'here', value: 'Not OK' });
  });
});
