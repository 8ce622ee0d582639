import { Evaluation } from '../../entities/evaluation.js';
import { defineResource, NAV } from '../resource-kit.js';

export const evaluationResource = defineResource(
  Evaluation,
  { id: 'Evaluation' },
  {
    navigation: NAV.evaluation,
    titleProperty: 'year',
    sort: { sortBy: 'year', direction: 'desc' },
    listProperties: ['countyId', 'year', 'totalScore', 'veto', 'result', 'rank'],
    filterProperties: ['countyId', 'year', 'veto', 'result'],
    editProperties: ['countyId', 'year', 'totalScore', 'veto', 'vetoReason', 'result', 'rank'],
    properties: { vetoReason: { type: 'textarea' } },
  },
);
