import { validateTraining } from '../../domain/training-rules.js';
import { Training } from '../../entities/training.js';
import { defineResource, NAV } from '../resource-kit.js';

export const trainingResource = defineResource(
  Training,
  { id: 'Training', validate: (values, { today }) => validateTraining(values, { today }) },
  {
    navigation: NAV.agents,
    titleProperty: 'title',
    sort: { sortBy: 'heldOn', direction: 'desc' },
    listProperties: ['title', 'countyId', 'heldOn', 'organizer', 'hours', 'location'],
    filterProperties: ['title', 'countyId', 'heldOn', 'organizer'],
    properties: { content: { type: 'textarea' } },
  },
);
