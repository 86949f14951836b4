import { describe, expect, it } from 'vitest';
import { permission } from './permission';

describe('permission', () => {
  it('lets a role use what it or a lesser role may', () => {
    expect(permission('OWNER', 'EDITOR')).toEqual({ allowed: true, reason: undefined });
    expect(permission('EDITOR', 'EDITOR').allowed).toBe(true);
  });

  it('says why a viewer or a non-member may not', () => {
    expect(permission('VIEWER', 'EDITOR')).toEqual({ allowed: false, reason: 'Needs the editor role; you are viewer here' });
    expect(permission(undefined, 'VIEWER')).toEqual({ allowed: false, reason: 'Needs the viewer role; you are not a member here' });
  });
});
