import { Agent } from '../../entities/agent.js';
import { Commendation } from '../../entities/commendation.js';
import { WorkPoint } from '../../entities/work-point.js';
import { defineResource, NAV } from '../resource-kit.js';

export const commendationResource = defineResource(
  Commendation,
  {
    id: 'Commendation',
    sameCounty: [
      { property: 'workPointId', entity: WorkPoint, message: '所选工作点不属于所选县（市、区）' },
      { property: 'agentId', entity: Agent, message: '所选代理员不属于所选县（市、区）' },
    ],
  },
  {
    navigation: NAV.evaluation,
    titleProperty: 'reason',
    sort: { sortBy: 'year', direction: 'desc' },
    listProperties: ['year', 'kind', 'countyId', 'workPointId', 'agentId', 'status'],
    filterProperties: ['year', 'kind', 'countyId', 'status'],
    editProperties: ['year', 'kind', 'countyId', 'workPointId', 'agentId', 'reason', 'status', 'approvedOn'],
    properties: { reason: { type: 'textarea' } },
  },
);
