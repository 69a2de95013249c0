import type { Config } from './config';
import type { Store } from './db/database';
import { createDemoCompany } from './demo/demo-company';
import { createUser } from './modules/admin/user.service';
import { countUsers } from './modules/admin/user.store';
import { generatePassword } from './modules/auth/password';

export const DEFAULT_ADMIN_EMAIL = 'admin@nordbok.local';

/**
 * On the first start of an installation: the administrator and the demo company.
 * A generated password is returned so the caller can print it once; it is stored only hashed.
 */
export async function bootstrapInstallation(store: Store, config: Config) {
  if ((await countUsers(store.db)) > 0) return null;
  const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const password = config.adminPassword ?? generatePassword();
  const admin = await createUser(store.db, {
    email,
    name: 'Administrator',
    password,
    isInstallationAdmin: true,
  });
  const company = await createDemoCompany(store.db, admin.id);
  return { email, generatedPassword: config.adminPassword ? null : password, company };
}
