import { problemCodes } from './errors.js';
import { validateTraining, type TrainingInput } from './training-rules.js';

const ctx = { today: '2024-05-04' };
const VALID: TrainingInput = {
  title: '信访代理员业务培训',
  organizer: '市妇联权益部',
  heldOn: '2024-05-04',
  hours: '3.5',
};
const check = (patch: TrainingInput) => validateTraining({ ...VALID, ...patch }, ctx);

describe('training rules', () => {
  it('accept a training held today, from half an hour to 100 hours', () => {
    expect(validateTraining(VALID, ctx)).toEqual({});
    expect(check({ hours: 0.5 })).toEqual({});
    expect(check({ hours: 100 })).toEqual({});
  });

  it.each<[string, TrainingInput, string, string]>([
    ['no title', { title: '' }, 'title', 'REQUIRED'],
    ['no organizer', { organizer: null }, 'organizer', 'REQUIRED'],
    ['no date', { heldOn: undefined }, 'heldOn', 'REQUIRED'],
    ['a training tomorrow', { heldOn: '2024-05-05' }, 'heldOn', 'DATE_IN_FUTURE'],
    ['no hours', { hours: '' }, 'hours', 'REQUIRED'],
    ['a quarter of an hour', { hours: 0.25 }, 'hours', 'TRAINING_HOURS_RANGE'],
    ['0.4 hours', { hours: '0.4' }, 'hours', 'TRAINING_HOURS_RANGE'],
    ['100.5 hours', { hours: 100.5 }, 'hours', 'TRAINING_HOURS_RANGE'],
    ['1.25 hours', { hours: 1.25 }, 'hours', 'TRAINING_HOURS_RANGE'],
    ['words for hours', { hours: '三' }, 'hours', 'TRAINING_HOURS_RANGE'],
  ])('refuse %s', (_, patch, field, code) => {
    expect(problemCodes(check(patch))).toEqual({ [field]: code });
  });
});
