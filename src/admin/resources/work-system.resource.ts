import { WorkSystem } from '../../entities/work-system.js';
import { defineResource } from '../resource-kit.js';
import layout from './layouts/work-system.json' with { type: 'json' };

export const workSystemResource = defineResource(WorkSystem, { id: 'WorkSystem' }, layout);
