import { validateFinding } from '../../domain/supervision-rules.js';
import { InspectionFinding } from '../../entities/inspection-finding.js';
import { Inspection } from '../../entities/inspection.js';
import { defineResource, NAV } from '../resource-kit.js';

export const inspectionFindingResource = defineResource(
  InspectionFinding,
  {
    id: 'InspectionFinding',
    parent: { property: 'inspectionId', entity: Inspection, resource: 'Inspection' },
    validate: (values) => validateFinding(values),
  },
  {
    navigation: NAV.supervision,
    sort: { sortBy: 'inspectionId', direction: 'desc' },
    listProperties: ['inspectionId', 'countyId', 'standard', 'result', 'finding'],
    filterProperties: ['inspectionId', 'countyId', 'standard', 'result'],
    editProperties: ['inspectionId', 'standard', 'result', 'finding'],
    properties: { finding: { type: 'textarea' } },
  },
);
