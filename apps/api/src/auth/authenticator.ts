import { AUTH, lesserRole, WeirError } from '@weir/contracts';
import { hashBearerSecret, type PrismaClient } from '@weir/db';
import type { Clock } from '../scheduler/clock';
import { parseCookies } from './cookies';
import type { Principal } from './principal';

/** last-seen and last-used times are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const unauthenticated = (message: string) => new WeirError('UNAUTHENTICATED', message);

/** Turns a request's bearer token or session cookie into a Principal. */
export class Authenticator {
  constructor(
    private readonly db: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller, undefined when it sent no credential; a credential that is unknown, expired or
   * revoked throws UNAUTHENTICATED so a stale token is reported, not silently ignored.
   */
  async authenticate(headers: { authorization?: string; cookie?: string }): Promise<Principal | undefined> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
    if (headers.authorization !== undefined && bearer === undefined) {
      throw unauthenticated('the Authorization header must be `Bearer <token>`');
    }
    if (bearer?.startsWith(AUTH.apiTokenPrefix)) return this.fromApiToken(bearer);
    if (bearer !== undefined) return this.fromSession(bearer, false);
    const cookie = parseCookies(headers.cookie).get(AUTH.sessionCookie);
    return cookie === undefined ? undefined : this.fromSession(cookie, true);
  }

  private async fromSession(secret: string, fromCookie: boolean): Promise<Principal> {
    const session = await this.db.session.findUnique({
      where: { tokenHash: hashBearerSecret(secret) },
      include: { user: { select: { id: true, email: true, name: true } } },
    });
    const now = this.clock.now();
    if (!session || session.expiresAt.getTime() <= now) throw unauthenticated('the session has expired or was signed out; sign in again');
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    return { user: session.user, credential: { kind: 'session', sessionId: session.id, csrfToken: session.csrfToken, fromCookie } };
  }

  private async fromApiToken(secret: string): Promise<Principal> {
    const token = await this.db.apiToken.findUnique({
      where: { tokenHash: hashBearerSecret(secret) },
      include: { createdBy: { select: { id: true, email: true, name: true } } },
    });
    const now = this.clock.now();
    if (!token) throw unauthenticated('unknown API token');
    if (token.revokedAt) throw unauthenticated(`API token '${token.name}' was revoked`);
    if (token.expiresAt && token.expiresAt.getTime() <= now) throw unauthenticated(`API token '${token.name}' has expired`);
    // A token acts for its creator: it loses its power when they leave the workspace.
    const membership = await this.db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: token.workspaceId, userId: token.createdById } },
      select: { role: true },
    });
    if (!membership) throw unauthenticated(`API token '${token.name}' belongs to someone no longer in its workspace`);
    if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
    }
    return {
      user: token.createdBy,
      credential: { kind: 'token', tokenId: token.id, workspaceId: token.workspaceId, role: lesserRole(token.role, membership.role) },
    };
  }
}
