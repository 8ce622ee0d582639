import type { Actor, Role } from '../domain/access-policy.js';

/** The signed-in user of an AdminJS action as the access policy sees it; null when nobody is. */
export function actorOf(context?: { currentAdmin?: unknown }): (Actor & { email?: string }) | null {
  const admin = context?.currentAdmin as
    { id?: string; role?: Role; countyId?: number | null; email?: string } | undefined;
  if (!admin?.id || !admin.role) return null;
  return { id: Number(admin.id), role: admin.role, countyId: admin.countyId ?? null, email: admin.email };
}
