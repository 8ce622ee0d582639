import { ProblemCollector, problem, type FieldProblems } from './errors.js';
import {
  inRange,
  maxLength,
  pastDateCheck,
  readNumber,
  required,
  type NumberInput,
  type TextInput,
} from './field-checks.js';

export interface TrainingInput {
  title?: TextInput;
  organizer?: TextInput;
  heldOn?: TextInput;
  hours?: NumberInput;
}

export interface TrainingContext {
  today: string;
}

export function validateTraining(input: TrainingInput, ctx: TrainingContext): FieldProblems {
  const c = new ProblemCollector()
    .add('title', required(input.title) ?? maxLength(input.title, 200))
    .add('organizer', required(input.organizer) ?? maxLength(input.organizer, 100))
    .add('heldOn', required(input.heldOn) ?? pastDateCheck(input.heldOn, ctx.today))
    .add('hours', required(input.hours));
  // numeric(4,1) in the schema: one decimal place
  if (!inRange(readNumber(input.hours), 0.5, 100, 1)) {
    c.add('hours', problem('TRAINING_HOURS_RANGE', '培训学时应在0.5至100小时之间，最多一位小数'));
  }
  return c.problems;
}
