import { validateCertificateReview } from '../../domain/certificate-review-rules.js';
import { Certificate } from '../../entities/certificate.js';
import { CertificateReview } from '../../entities/certificate-review.js';
import { defineResource, NAV } from '../resource-kit.js';

export const certificateReviewResource = defineResource(
  CertificateReview,
  {
    id: 'CertificateReview',
    parent: { property: 'certificateId', entity: Certificate, resource: 'Certificate' },
    validate: (values, { today }) => validateCertificateReview(values, { today }),
  },
  {
    navigation: NAV.agents,
    titleProperty: 'reviewedOn',
    sort: { sortBy: 'reviewedOn', direction: 'desc' },
    listProperties: ['certificateId', 'countyId', 'reviewedOn', 'result', 'reviewer'],
    filterProperties: ['certificateId', 'countyId', 'reviewedOn', 'result'],
    editProperties: ['certificateId', 'reviewedOn', 'result', 'reviewer', 'remarks'],
    properties: { remarks: { type: 'textarea' } },
  },
);
