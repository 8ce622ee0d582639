import { AuditLog } from '../../entities/audit-log.js';
import { defineResource, NAV } from '../resource-kit.js';

export const auditLogResource = defineResource(
  AuditLog,
  { id: 'AuditLog' },
  {
    navigation: NAV.system,
    titleProperty: 'action',
    sort: { sortBy: 'at', direction: 'desc' },
    listProperties: ['at', 'userEmail', 'action', 'resource', 'recordId', 'countyId'],
    filterProperties: ['at', 'userId', 'action', 'resource', 'recordId', 'countyId'],
    showProperties: ['at', 'userId', 'userEmail', 'action', 'resource', 'recordId', 'countyId', 'changes', 'ip'],
  },
);
