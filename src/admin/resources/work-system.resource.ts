import { WorkSystem } from '../../entities/work-system.js';
import { defineResource, NAV } from '../resource-kit.js';

export const workSystemResource = defineResource(
  WorkSystem,
  { id: 'WorkSystem' },
  {
    navigation: NAV.organization,
    titleProperty: 'kind',
    sort: { sortBy: 'countyId', direction: 'asc' },
    listProperties: ['countyId', 'kind', 'adoptedOn', 'documentNo'],
    filterProperties: ['countyId', 'kind', 'adoptedOn'],
    properties: { summary: { type: 'textarea' } },
  },
);
