import { CaseLog } from '../../entities/case-log.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { assertCaseFileOpen, caseFileDateProblems } from '../../services/case-file-lock.js';
import { defineResource, NAV } from '../resource-kit.js';

export const caseLogResource = defineResource(
  CaseLog,
  {
    id: 'CaseLog',
    parent: { property: 'caseId', entity: PetitionCase, resource: 'PetitionCase' },
    readOnly: ['createdById'],
    // 立案归档 locks the file: no handling record of an archived case is added, changed or removed
    assertWritable: (values, { em }) => assertCaseFileOpen(em, values.caseId),
    validate: (values, { em, today }) => caseFileDateProblems(em, values, 'loggedOn', '记录日期', today),
    // who wrote the record down, for the case's history (办理经过)
    beforeInsert: async (values, { actor }) => {
      values.createdById = actor?.id ?? null;
    },
  },
  {
    navigation: NAV.cases,
    titleProperty: 'loggedOn',
    sort: { sortBy: 'loggedOn', direction: 'desc' },
    listProperties: ['caseId', 'loggedOn', 'handler', 'department', 'action', 'countyId'],
    filterProperties: ['caseId', 'loggedOn', 'handler', 'countyId'],
    editProperties: ['caseId', 'loggedOn', 'handler', 'department', 'action', 'result'],
    properties: { action: { type: 'textarea' }, result: { type: 'textarea' } },
  },
);
