import { safeNext } from './sign-in-page';

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/jobs/123')).toBe('/jobs/123');
    expect(safeNext('/admin')).toBe('/admin');
  });

  it('sends everything else home, so a link cannot forward a signed-in browser to another site', () => {
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('https://evil.example/steal')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('jobs/1')).toBe('/');
  });
});
