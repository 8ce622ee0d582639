import { Agent } from '../../entities/agent.js';
import { TrainingAttendance } from '../../entities/training-attendance.js';
import { defineResource, NAV } from '../resource-kit.js';

export const trainingAttendanceResource = defineResource(
  TrainingAttendance,
  { id: 'TrainingAttendance', parent: { property: 'agentId', entity: Agent, resource: 'Agent' } },
  {
    navigation: NAV.agents,
    titleProperty: 'id',
    sort: { sortBy: 'id', direction: 'desc' },
    listProperties: ['trainingId', 'agentId', 'countyId', 'createdAt'],
    filterProperties: ['trainingId', 'agentId', 'countyId'],
    editProperties: ['trainingId', 'agentId'],
  },
);
