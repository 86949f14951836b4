import { randomBytes } from 'node:crypto';
import { AUTH, WeirError, type LoginRequest, type UserSummary } from '@weir/contracts';
import { hashBearerSecret, hashPassword, newBearerSecret, verifyPassword, type PrismaClient } from '@weir/db';
import type { Clock } from '../scheduler/clock';
import type { AuditLog, AuditOrigin } from '../services/audit-log';
import type { LoginLimiter } from './login-limiter';

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserSummary;
}

/** Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

const wrongCredentials = () => new WeirError('UNAUTHENTICATED', 'wrong e-mail or password');

/** Sign-in with e-mail and password, sign-out and password changes. */
export class SessionService {
  constructor(
    private readonly db: PrismaClient,
    private readonly limiter: LoginLimiter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** Checks the password and starts a session; every outcome is audited. */
  async login(request: LoginRequest, origin: AuditOrigin): Promise<StartedSession> {
    const email = request.email;
    const loginAudit = { targetType: 'user', targetId: email, workspaceId: null, origin } as const;
    const user = await this.db.user.findUnique({ where: { email } });
    await this.limiter.admit(origin.ip ?? 'unknown', email).catch(async (error: unknown) => {
      await this.audit.record({ ...loginAudit, action: 'auth.login_refused', actor: { userId: user?.id ?? null, email }, details: { reason: (error as Error).message } });
      throw error;
    });
    const ok = await verifyPassword(request.password, user?.passwordHash ?? (await unknownUserHash));
    if (!user || !ok) {
      const locked = await this.limiter.failed(email);
      await this.audit.record({ ...loginAudit, action: 'auth.login_failed', actor: { userId: user?.id ?? null, email }, details: {} });
      if (locked) {
        await this.audit.record({ ...loginAudit, action: 'auth.lockout', actor: { userId: user?.id ?? null, email }, details: {} });
        throw this.limiter.lockedError();
      }
      throw wrongCredentials();
    }
    await this.limiter.succeeded(email);
    const token = newBearerSecret(AUTH.sessionTokenPrefix);
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.clock.now() + this.ttlMs);
    await this.db.session.create({
      data: { userId: user.id, tokenHash: hashBearerSecret(token), csrfToken, expiresAt, ip: origin.ip, userAgent: origin.userAgent },
    });
    await this.audit.record({ ...loginAudit, targetId: user.id, action: 'auth.login', actor: { userId: user.id, email }, details: {} });
    return { token, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name } };
  }

  /** Ends one session. */
  async logout(sessionId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id: sessionId } });
  }

  /** Changes the caller's password and signs out every other session of theirs. */
  async changePassword(userId: string, keepSessionId: string | undefined, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.db.user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await verifyPassword(currentPassword, user.passwordHash ?? (await unknownUserHash)))) {
      throw new WeirError('VALIDATION_FAILED', 'the current password is wrong', { details: { issues: [{ path: 'body.currentPassword', message: 'wrong password' }] } });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.$transaction([
      this.db.user.update({ where: { id: userId }, data: { passwordHash } }),
      this.db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
    ]);
  }
}
