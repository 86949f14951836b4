import { createHash, randomBytes } from 'node:crypto';
import { AUTH } from '@weir/contracts';
import type { PrismaClient } from './generated/prisma/client';
import type { Role } from './generated/prisma/enums';

/** A new bearer secret: `prefix` + 32 random bytes, base64url. */
export function newBearerSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a bearer secret: its sha256, hex. Secrets are random, so no salt or slow hash is needed. */
export function hashBearerSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Characters of a token kept in the clear, enough to recognise it in a listing. */
const SHOWN_CHARACTERS = AUTH.apiTokenPrefix.length + 6;

export interface IssuedApiToken {
  id: string;
  token: string;
}

/** Creates an API token row and returns the secret, which is never stored. */
export async function issueApiToken(
  prisma: Pick<PrismaClient, 'apiToken'>,
  input: { workspaceId: string; createdById: string; name: string; role: Role; expiresAt: Date | null },
): Promise<IssuedApiToken> {
  const token = newBearerSecret(AUTH.apiTokenPrefix);
  const row = await prisma.apiToken.create({
    data: { ...input, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashBearerSecret(token) },
    select: { id: true },
  });
  return { id: row.id, token };
}
