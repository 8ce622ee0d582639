import { validateFinding } from '../../domain/supervision-rules.js';
import { InspectionFinding } from '../../entities/inspection-finding.js';
import { Inspection } from '../../entities/inspection.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/inspection-finding.json' with { type: 'json' };

export const inspectionFindingResource = defineResource(
  InspectionFinding,
  {
    id: 'InspectionFinding',
    parent: { property: 'inspectionId', entity: Inspection, resource: 'Inspection' },
    validate: (values) => validateFinding(values),
  },
  layout,
);
