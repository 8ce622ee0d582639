import { Agent } from '../../entities/agent.js';
import { Certificate } from '../../entities/certificate.js';
import { defineResource, NAV } from '../resource-kit.js';

export const certificateResource = defineResource(
  Certificate,
  { id: 'Certificate', parent: { property: 'agentId', entity: Agent, resource: 'Agent' } },
  {
    navigation: NAV.agents,
    titleProperty: 'number',
    sort: { sortBy: 'producedOn', direction: 'desc' },
    listProperties: ['number', 'agentId', 'countyId', 'status', 'producedOn', 'issuedOn'],
    filterProperties: ['number', 'agentId', 'countyId', 'status', 'producedOn', 'issuedOn'],
    editProperties: ['agentId', 'number', 'status', 'producedOn', 'issuedOn', 'revokedOn', 'revokeReason'],
    properties: { revokeReason: { type: 'textarea' } },
  },
);
