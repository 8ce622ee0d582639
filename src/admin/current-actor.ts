import type { Request, Response } from 'express';
import type { Actor, Role } from '../domain/access-policy.js';

export type SignedIn = Actor & { email?: string };

/** The signed-in user of an AdminJS action as the access policy sees it; null when nobody is. */
export function actorOf(context?: { currentAdmin?: unknown }): SignedIn | null {
  const admin = context?.currentAdmin as
    { id?: string; role?: Role; countyId?: number | null; email?: string } | undefined;
  if (!admin?.id || !admin.role) return null;
  return { id: Number(admin.id), role: admin.role, countyId: admin.countyId ?? null, email: admin.email };
}

/**
 * The signed-in user of a request to a router mounted after the admin's session (the files beside the
 * admin); when nobody is signed in, answers 401 and gives null.
 */
export function signedIn(req: Request, res: Response): SignedIn | null {
  const actor = actorOf({ currentAdmin: req.session.adminUser });
  if (!actor) res.status(401).json({ error: '请先登录' });
  return actor;
}
