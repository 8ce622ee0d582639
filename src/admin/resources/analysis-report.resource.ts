import { AnalysisReport } from '../../entities/analysis-report.js';
import { defineResource, NAV } from '../resource-kit.js';

export const analysisReportResource = defineResource(
  AnalysisReport,
  { id: 'AnalysisReport', readOnly: ['figures', 'createdById'] },
  {
    navigation: NAV.evaluation,
    titleProperty: 'reportDate',
    sort: { sortBy: 'periodStart', direction: 'desc' },
    listProperties: ['countyId', 'periodStart', 'periodEnd', 'reportDate', 'contactPerson', 'contactPhone'],
    filterProperties: ['countyId', 'periodStart', 'reportDate'],
    editProperties: ['countyId', 'periodStart', 'periodEnd', 'reportDate', 'contactPerson', 'contactPhone', 'analysis'],
    properties: { analysis: { type: 'textarea' } },
  },
);
