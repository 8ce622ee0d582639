import { validateWorkPoint } from '../../domain/work-point-rules.js';
import { Organization } from '../../entities/organization.js';
import { WorkPoint } from '../../entities/work-point.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/work-point.json' with { type: 'json' };

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
  layout,
);
