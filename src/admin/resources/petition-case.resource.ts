import { normalizeIdNumber } from '../../domain/id-number.js';
import { maskAddress, maskIdNumber, maskPhone } from '../../domain/personal-data.js';
import { validatePetitionCase } from '../../domain/petition-case-rules.js';
import { Agent } from '../../entities/agent.js';
import { Organization } from '../../entities/organization.js';
import { PetitionCase } from '../../entities/petition-case.js';
import { nextCaseNo } from '../../services/case-numbering.js';
import { defineResource, NAV } from '../resource-kit.js';

// Workflow fields move only through the lifecycle actions, never through the edit form.
const WORKFLOW_FIELDS = [
  'caseNo',
  'state',
  'representingSince',
  'concludedOn',
  'outcome',
  'replyIssuedOn',
  'archivedOn',
  'archiveNo',
  'terminatedOn',
  'terminationReason',
  'terminationReportedTo',
];

export const petitionCaseResource = defineResource(
  PetitionCase,
  {
    id: 'PetitionCase',
    readOnly: WORKFLOW_FIELDS,
    personal: { petitionerIdNumber: maskIdNumber, petitionerPhone: maskPhone, petitionerAddress: maskAddress },
    sameCounty: [
      { property: 'townshipId', entity: Organization, message: '所选乡镇（街道）不属于本案所在县（市、区）' },
      { property: 'agentId', entity: Agent, message: '所选代理员不属于本案所在县（市、区）' },
    ],
    validate: (values, { today }) => {
      if (typeof values.petitionerIdNumber === 'string') values.petitionerIdNumber = normalizeIdNumber(values.petitionerIdNumber);
      return validatePetitionCase(values, { today });
    },
    beforeInsert: async (values, { em }) => {
      values.state = 'accepted';
      values.caseNo = await nextCaseNo(em, values.countyId, values.acceptedOn);
    },
  },
  {
    navigation: NAV.cases,
    titleProperty: 'caseNo',
    sort: { sortBy: 'acceptedOn', direction: 'desc' },
    listProperties: ['caseNo', 'petitionerName', 'petitionerPhone', 'category', 'source', 'state', 'countyId', 'agentId', 'acceptedOn'],
    filterProperties: ['caseNo', 'state', 'countyId', 'townshipId', 'agentId', 'category', 'source', 'acceptedOn', 'isKey', 'isGroup', 'inJointMeeting', 'petitionerName'],
    editProperties: [
      'countyId', 'townshipId', 'agentId', 'subject', 'description', 'category', 'source',
      'isGroup', 'groupSize', 'isKey', 'inJointMeeting',
      'petitionerName', 'petitionerIdNumber', 'petitionerPhone', 'petitionerAddress', 'respondentDepartment',
      'acceptedOn', 'acceptanceNotifiedOn', 'agreementSignedOn', 'notifiedOn',
      'extensionDays', 'extensionApprovedBy', 'extensionReason', 'extensionNotifiedOn',
      'reviewRequestedOn', 'reviewDepartment', 'reviewAnsweredOn',
    ],
    properties: {
      description: { type: 'textarea' },
      outcome: { type: 'textarea' },
      extensionReason: { type: 'textarea' },
      terminationReason: { type: 'textarea' },
    },
  },
);
