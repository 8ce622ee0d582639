import { can, maySeePersonalData, type Actor, type StepPermission } from './access-policy.js';

// 创建标准 三: certificates are produced by the city (制作) and reviewed and issued by the county (审核发放);
// revocation is the city's. County staff act on their own county's certificates only.
export type CertificateStep = 'produce' | 'issue' | 'review' | 'revoke';

export const mayTakeCertificateStep: StepPermission<CertificateStep> = (actor, step, countyId) => {
  if (!actor) return false;
  if (step === 'produce' || step === 'revoke') return actor.role === 'city_admin';
  return can(actor, 'write', 'Certificate', countyId === undefined ? undefined : { countyId });
};

export const STEP_FORBIDDEN: Record<CertificateStep, string> = {
  produce: '代理员证由市妇联统一制作，县（市、区）不能制作',
  issue: '只能审核发放本县（市、区）代理员的证书',
  review: '只能年审本县（市、区）代理员的证书',
  revoke: '吊销代理员证须由市妇联办理',
};

/** The printed certificate shows the holder's ID number: whoever may read the record and see personal data. */
export function mayPrintCertificate(actor: Actor | null | undefined, countyId: number | null): boolean {
  return !!actor && maySeePersonalData(actor) && can(actor, 'read', 'Certificate', { countyId });
}
