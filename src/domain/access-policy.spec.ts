import { can, type Actor } from './access-policy.js';

const city: Actor = { id: 1, role: 'city_admin', countyId: null };
const xinhua: Actor = { id: 2, role: 'county_staff', countyId: 2 };
const leader: Actor = { id: 3, role: 'leader', countyId: null };

describe('access policy', () => {
  it('lets county staff read and write only their own county', () => {
    expect(can(xinhua, 'write', 'PetitionCase', { countyId: 2 })).toBe(true);
    expect(can(xinhua, 'read', 'PetitionCase', { countyId: 3 })).toBe(false);
    expect(can(xinhua, 'write', 'PetitionCase', { countyId: 3 })).toBe(false);
    expect(can(xinhua, 'read', 'Training', { countyId: null })).toBe(true);
    expect(can(xinhua, 'write', 'Training', { countyId: null })).toBe(false);
    expect(can(xinhua, 'read', 'AdminUser')).toBe(false);
    expect(can(xinhua, 'write', 'Evaluation', { countyId: 2 })).toBe(false);
  });
  it('keeps leaders read-only and the audit log unchangeable', () => {
    expect(can(leader, 'read', 'PetitionCase', { countyId: 3 })).toBe(true);
    expect(can(leader, 'write', 'PetitionCase', { countyId: 3 })).toBe(false);
    expect(can(leader, 'read', 'AuditLog')).toBe(false);
    expect(can(city, 'read', 'AuditLog')).toBe(true);
    expect(can(city, 'write', 'AuditLog')).toBe(false);
    expect(can(null, 'read', 'Organization')).toBe(false);
  });
});
