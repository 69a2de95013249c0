import type { Kysely } from 'kysely';
import { inTransaction } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { Member } from './company.schemas';
import {
  countAdministrators,
  deleteMembership,
  findMembership,
  listMembers,
  saveMembership,
} from './member.store';
import {
  defaultPermissions,
  effectivePermissions,
  type Permissions,
  parsePermissions,
  type Role,
} from './permissions';
import { findUserByEmail, findUserById, listUsers } from './user.store';

export async function membersOf(db: Kysely<Database>, companyId: number): Promise<Member[]> {
  const rows = await listMembers(db, companyId);
  return rows.map((r) => {
    const role = r.role as Role;
    const permissions = effectivePermissions(role, parsePermissions(r.permissions));
    return { userId: r.user_id, email: r.email, name: r.name, role, permissions };
  });
}

export interface Grant {
  role: Role;
  permissions?: Permissions | undefined;
}

/**
 * Makes the installation's administrators administrators of a company made without a user
 * (from the CLI), so someone can manage it from the start.
 */
export async function grantInstallationAdmins(db: Kysely<Database>, companyId: number) {
  for (const admin of (await listUsers(db)).filter((u) => u.is_installation_admin)) {
    await grant(db, companyId, { id: admin.id }, { role: 'administrator' });
  }
}

/** Gives a user a role in a company, or changes the one they have. */
export async function grant(
  db: Kysely<Database>,
  companyId: number,
  user: { id: number } | { email: string },
  access: Grant,
): Promise<Member> {
  return inTransaction(db, async (trx) => {
    const row =
      'id' in user ? await findUserById(trx, user.id) : await findUserByEmail(trx, user.email);
    if (!row) {
      const who = 'id' in user ? `User ${user.id}` : `No user with e-mail ${user.email}`;
      throw AppError.field('email', `${who} does not exist.`, 'unknown-user');
    }
    await refuseLosingLastAdministrator(trx, companyId, row.id, access.role);
    const permissions = access.permissions ?? defaultPermissions(access.role);
    await saveMembership(trx, companyId, row.id, access.role, JSON.stringify(permissions));
    const effective = effectivePermissions(access.role, permissions);
    return {
      userId: row.id,
      email: row.email,
      name: row.name,
      role: access.role,
      permissions: effective,
    };
  });
}

export async function revoke(db: Kysely<Database>, companyId: number, userId: number) {
  await db.transaction().execute(async (trx) => {
    await refuseLosingLastAdministrator(trx, companyId, userId, null);
    if (!(await deleteMembership(trx, companyId, userId))) {
      throw new AppError('not-found', `User ${userId} has no access to this company.`);
    }
  });
}

async function refuseLosingLastAdministrator(
  db: Kysely<Database>,
  companyId: number,
  userId: number,
  newRole: Role | null,
) {
  if (newRole === 'administrator') return;
  const current = await findMembership(db, companyId, userId);
  if (current?.role !== 'administrator') return;
  if ((await countAdministrators(db, companyId)) <= 1) {
    throw new AppError('conflict', 'A company must keep at least one administrator.');
  }
}
