import { validateTraining } from '../../domain/training-rules.js';
import { Training } from '../../entities/training.js';
import { computed, defineResource, fillAnswered } from '../resource-kit.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/training.json' with { type: 'json' };

/** attendees: how many agents signed in to each session (学习培训). */
const withAttendees = fillAnswered(async (records) => {
  const rows: { training_id: number; n: number }[] = await dataSource().manager.query(
    `SELECT training_id, count(*)::int AS n FROM training_attendance WHERE training_id = ANY($1::int[]) GROUP BY training_id`,
    [records.map((r) => Number(r.params.id))],
  );
  const count = new Map(rows.map((r) => [r.training_id, r.n]));
  for (const r of records) r.params.attendees = count.get(Number(r.params.id)) ?? 0;
});

export const trainingResource = defineResource(
  Training,
  { id: 'Training', validate: (values, { today }) => validateTraining(values, { today }) },
  layout,
  {
    properties: {
      attendees: computed('number', { list: true }),
    },
    actions: { list: { after: withAttendees }, show: { after: withAttendees } },
  },
);
