import bcrypt from 'bcryptjs';
import { validateAdminUser } from '../../domain/admin-user-rules.js';
import { AdminUser } from '../../entities/admin-user.js';
import { defineResource, NAV } from '../resource-kit.js';

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
  {
    navigation: NAV.system,
    titleProperty: 'name',
    sort: { sortBy: 'email', direction: 'asc' },
    listProperties: ['email', 'name', 'role', 'countyId', 'isActive', 'lastLoginAt'],
    filterProperties: ['email', 'name', 'role', 'countyId', 'isActive'],
    showProperties: [
      'email',
      'name',
      'role',
      'countyId',
      'isActive',
      'failedLogins',
      'lockedUntil',
      'lastLoginAt',
      'createdAt',
      'updatedAt',
    ],
    editProperties: ['email', 'name', 'password', 'role', 'countyId', 'isActive'],
    properties: {
      passwordHash: { isVisible: false },
      password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
    },
  },
);
