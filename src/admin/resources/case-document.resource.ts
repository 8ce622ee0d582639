import { CaseDocument } from '../../entities/case-document.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { assertCaseFileOpen, caseFileDateProblems } from '../../services/case-file-lock.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/case-document.json' with { type: 'json' };

export const caseDocumentResource = defineResource(
  CaseDocument,
  {
    id: 'CaseDocument',
    parent: { property: 'caseId', entity: PetitionCase, resource: 'PetitionCase' },
    readOnly: ['fileName', 'storageKey', 'mimeType', 'fileSize', 'sha256', 'createdById'],
    // 立案归档 locks the file: no document of an archived case is added, changed or removed
    assertWritable: (values, { em }) => assertCaseFileOpen(em, values.caseId),
    validate: (values, { em, today }) => caseFileDateProblems(em, values, 'signedOn', '签署日期', today),
  },
  layout,
  {
    properties: {
      storageKey: { isVisible: false },
      sha256: { isVisible: { list: false, filter: false, show: true, edit: false } },
    },
  },
);
