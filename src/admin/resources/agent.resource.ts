import { validateAgent } from '../../domain/agent-rules.js';
import { normalizeIdNumber } from '../../domain/id-number.js';
import { Agent } from '../../entities/agent.js';
import { Organization } from '../../entities/organization.js';
import { defineResource, NAV } from '../resource-kit.js';

export const agentResource = defineResource(
  Agent,
  {
    id: 'Agent',
    sameCounty: [
      { property: 'townshipId', entity: Organization, message: '所选乡镇（街道）不属于本县（市、区）' },
      { property: 'villageId', entity: Organization, message: '所选村（社区）不属于本县（市、区）' },
    ],
    validate: (values, { today }) => {
      if (typeof values.idNumber === 'string') values.idNumber = normalizeIdNumber(values.idNumber);
      return validateAgent(values, { today });
    },
  },
  {
    navigation: NAV.agents,
    titleProperty: 'name',
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['name', 'gender', 'countyId', 'townshipId', 'villageId', 'phone', 'appointedOn', 'status'],
    filterProperties: ['name', 'countyId', 'townshipId', 'status', 'appointedOn', 'idNumber', 'phone'],
    editProperties: ['name', 'gender', 'idNumber', 'phone', 'countyId', 'townshipId', 'villageId', 'employer', 'appointedOn', 'status', 'remarks'],
    properties: { remarks: { type: 'textarea' } },
  },
);
