import bcrypt from 'bcryptjs';
import type { UserRole } from '../../domain/vocabulary.js';
import { timestamp } from './calendar.js';
import { PROGRAM_START, type County } from './places.js';

export const DEMO_PASSWORD = 'demo12345';

// A fixed salt keeps reloads byte-identical; the password is public anyway (README lists it).
const DEMO_SALT = '$2b$10$PingdingshanWomenDemo.';

/** Login names of the county staff accounts, by county. */
const COUNTY_LOGINS: Record<string, string> = {
  新华区: 'xinhua',
  卫东区: 'weidong',
  石龙区: 'shilong',
  湛河区: 'zhanhe',
  宝丰县: 'baofeng',
  叶县: 'yexian',
  鲁山县: 'lushan',
  郏县: 'jiaxian',
  舞钢市: 'wugang',
  汝州市: 'ruzhou',
};

export interface AdminUserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: UserRole;
  county_id: number | null;
  created_at: string;
  updated_at: string;
}

/** The demo accounts: city admin, leader, and one county staff member per county (xinhua@ among them). */
export function buildAdminUsers(counties: County[]): AdminUserRow[] {
  const hash = bcrypt.hashSync(DEMO_PASSWORD, DEMO_SALT);
  const created = timestamp(PROGRAM_START);
  const user = (email: string, name: string, role: AdminUserRow['role'], countyId: number | null) => ({
    email,
    name,
    password_hash: hash,
    role,
    county_id: countyId,
    created_at: created,
    updated_at: created,
  });
  const users = [
    user('city@example.org', '市妇联权益部管理员', 'city_admin', null),
    user('leader@example.org', '市妇联分管领导', 'leader', null),
    ...counties.map((c) =>
      user(`${COUNTY_LOGINS[c.name]}@example.org`, `${c.name}妇联${c.contactPerson}`, 'county_staff', c.id),
    ),
  ];
  return users.map((u, i) => ({ id: i + 1, ...u }));
}
