import { describe, expect, it } from 'vitest';
import { afterSignIn, readCookie, signInUrl } from './browser-session';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; weir_csrf=x%2By; b=2', 'weir_csrf')).toBe('x+y');
    expect(readCookie('weir_csrf_old=1', 'weir_csrf')).toBeUndefined();
    expect(readCookie('', 'weir_csrf')).toBeUndefined();
  });
});

describe('the sign-in round trip', () => {
  it('comes back to the page that needed a session', () => {
    expect(signInUrl('/jobs/abc?tab=checkpoints')).toBe('/login?next=%2Fjobs%2Fabc%3Ftab%3Dcheckpoints');
    expect(afterSignIn('/jobs/abc?tab=checkpoints')).toBe('/jobs/abc?tab=checkpoints');
  });

  it('never loops to the sign-in page nor leaves the console', () => {
    expect(signInUrl('/login?next=%2Fjobs')).toBe('/login?next=%2Fjobs');
    expect(afterSignIn('/login')).toBe('/jobs');
    expect(afterSignIn('//evil.example/x')).toBe('/jobs');
    expect(afterSignIn('https://evil.example')).toBe('/jobs');
    expect(afterSignIn(null)).toBe('/jobs');
  });
});
