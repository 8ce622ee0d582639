import bcrypt from 'bcryptjs';
import { validateAdminUser } from '../../domain/admin-user-rules.js';
import { AdminUser } from '../../entities/admin-user.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/admin-user.json' with { type: 'json' };

export const adminUserResource = defineResource(
  AdminUser,
  {
    id: 'AdminUser',
    personal: 'user',
    readOnly: ['passwordHash', 'failedLogins', 'lockedUntil', 'lastLoginAt'],
    // the form's plain `password` is checked against the policy, then only its hash is kept
    fromForm: async (params, values, { creating }) => {
      const password = typeof params.password === 'string' && params.password !== '' ? params.password : undefined;
      const problems = validateAdminUser({ ...values, password }, { passwordRequired: creating });
      if (values.email) values.email = String(values.email).trim().toLowerCase();
      if (password && !problems.password) values.passwordHash = await bcrypt.hash(password, 10);
      return problems;
    },
  },
  layout,
  {
    properties: {
      passwordHash: { isVisible: false },
      password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
    },
  },
);
