import { AnnualReport } from '../../entities/annual-report.js';
import { defineResource, NAV } from '../resource-kit.js';

export const annualReportResource = defineResource(
  AnnualReport,
  {
    id: 'AnnualReport',
    readOnly: ['status', 'version', 'figures', 'submittedAt', 'submittedById', 'isLate', 'reviewedAt', 'reviewedById', 'returnReason'],
  },
  {
    navigation: NAV.evaluation,
    titleProperty: 'year',
    sort: { sortBy: 'year', direction: 'desc' },
    listProperties: ['countyId', 'year', 'version', 'status', 'submittedAt', 'isLate'],
    filterProperties: ['countyId', 'year', 'status', 'isLate'],
    editProperties: ['countyId', 'year', 'remarks'],
    properties: { remarks: { type: 'textarea' } },
  },
);
