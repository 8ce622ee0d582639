import { validateWorkPoint } from '../../domain/work-point-rules.js';
import { Organization } from '../../entities/organization.js';
import { WorkPoint } from '../../entities/work-point.js';
import { defineResource, NAV } from '../resource-kit.js';

export const workPointResource = defineResource(
  WorkPoint,
  {
    id: 'WorkPoint',
    // the contact's number: a mobile is masked for leaders (PERSONAL_DATA.contact)
    personal: 'contact',
    validate: async (values, { today, em }) => {
      const county = values.countyId == null ? null : await em.findOneBy(Organization, { id: Number(values.countyId) });
      return validateWorkPoint(values, { today, countyName: county?.name ?? '' });
    },
  },
  {
    navigation: NAV.organization,
    titleProperty: 'name',
    sort: { sortBy: 'countyId', direction: 'asc' },
    listProperties: [
      'name',
      'countyId',
      'unifiedProcess',
      'unifiedStandard',
      'plaqueHung',
      'rulesOnWall',
      'processOnWall',
      'isPilot',
    ],
    filterProperties: ['countyId', 'name', 'plaqueHung', 'isPilot', 'pilotYear'],
    properties: { pilotExperience: { type: 'textarea' } },
  },
);
