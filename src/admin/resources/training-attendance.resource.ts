import { Agent } from '../../entities/agent.js';
import { TrainingAttendance } from '../../entities/training-attendance.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/training-attendance.json' with { type: 'json' };

export const trainingAttendanceResource = defineResource(
  TrainingAttendance,
  { id: 'TrainingAttendance', parent: { property: 'agentId', entity: Agent, resource: 'Agent' } },
  layout,
);
