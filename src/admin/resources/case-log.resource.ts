import { CaseLog } from '../../entities/case-log.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { assertCaseFileOpen, caseFileDateProblems } from '../../services/case-file-lock.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/case-log.json' with { type: 'json' };

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
  layout,
);
