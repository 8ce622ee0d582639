import type { ActionResponse, After, RecordJSON } from 'adminjs';
import { validateTraining } from '../../domain/training-rules.js';
import { Training } from '../../entities/training.js';
import { computed, defineResource, NAV } from '../resource-kit.js';

/** attendees: how many agents signed in to each session (学习培训). */
const withAttendees: After<ActionResponse> = async (response) => {
  const records = [response.record, ...(response.records ?? [])].filter(Boolean) as RecordJSON[];
  if (!records.length) return response;
  const rows: { training_id: number; n: number }[] = await Training.getRepository().manager.query(
    `SELECT training_id, count(*)::int AS n FROM training_attendance WHERE training_id = ANY($1::int[]) GROUP BY training_id`,
    [records.map((r) => Number(r.params.id))],
  );
  const count = new Map(rows.map((r) => [r.training_id, r.n]));
  for (const r of records) r.params.attendees = count.get(Number(r.params.id)) ?? 0;
  return response;
};

export const trainingResource = defineResource(
  Training,
  { id: 'Training', validate: (values, { today }) => validateTraining(values, { today }) },
  {
    navigation: NAV.agents,
    titleProperty: 'title',
    sort: { sortBy: 'heldOn', direction: 'desc' },
    listProperties: ['title', 'countyId', 'heldOn', 'organizer', 'hours', 'attendees', 'location'],
    filterProperties: ['title', 'countyId', 'heldOn', 'organizer'],
    properties: {
      content: { type: 'textarea' },
      attendees: computed('number', { list: true }),
    },
    actions: { list: { after: withAttendees }, show: { after: withAttendees } },
  },
);
