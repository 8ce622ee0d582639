import { validateCertificateReview } from '../../domain/certificate-review-rules.js';
import { Certificate } from '../../entities/certificate.js';
import { CertificateReview } from '../../entities/certificate-review.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/certificate-review.json' with { type: 'json' };

export const certificateReviewResource = defineResource(
  CertificateReview,
  {
    id: 'CertificateReview',
    parent: { property: 'certificateId', entity: Certificate, resource: 'Certificate' },
    validate: (values, { today }) => validateCertificateReview(values, { today }),
  },
  layout,
);
