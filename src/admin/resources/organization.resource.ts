import { validateOrganization } from '../../domain/organization-rules.js';
import { Organization } from '../../entities/organization.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/organization.json' with { type: 'json' };

export const organizationResource = defineResource(
  Organization,
  {
    id: 'Organization',
    // the contact's number: a mobile is masked for leaders (PERSONAL_DATA.contact)
    personal: 'contact',
    readOnly: ['countyId'],
    validate: async (values, { em }) => {
      const parent = values.parentId == null ? null : await em.findOneBy(Organization, { id: Number(values.parentId) });
      return validateOrganization(values, { parent });
    },
  },
  layout,
);
