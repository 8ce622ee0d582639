import { validateOrganization } from '../../domain/organization-rules.js';
import { Organization } from '../../entities/organization.js';
import { defineResource, NAV } from '../resource-kit.js';

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
  {
    navigation: NAV.organization,
    titleProperty: 'name',
    sort: { sortBy: 'code', direction: 'asc' },
    listProperties: ['code', 'name', 'level', 'parentId', 'countyId', 'contactPerson', 'contactPhone'],
    filterProperties: ['code', 'name', 'level', 'parentId', 'countyId'],
    showProperties: [
      'code',
      'name',
      'shortName',
      'level',
      'parentId',
      'countyId',
      'contactPerson',
      'contactPhone',
      'address',
      'createdAt',
      'updatedAt',
    ],
    editProperties: ['code', 'name', 'shortName', 'level', 'parentId', 'contactPerson', 'contactPhone', 'address'],
  },
);
