import type { ActionContext, ResourceOptions, ResourceWithOptions } from 'adminjs';
import { can, type Operation, type ResourceId } from '../domain/access-policy.js';
import { actorOf } from './current-actor.js';
import { ScopedResource, type ResourceRules } from './scoped-resource.js';

export const NAV = {
  organization: { name: '组织与阵地', icon: 'Home' },
  agents: { name: '代理员与证书', icon: 'Award' },
  cases: { name: '案件管理', icon: 'Briefcase' },
  evaluation: { name: '统计与考评', icon: 'BarChart2' },
  supervision: { name: '信息与督导', icon: 'Bell' },
  system: { name: '系统管理', icon: 'Settings' },
} as const;

type AccessCheck = (context: ActionContext) => boolean;

/** isAccessible for an action needing `operation`: role first, then every record it would touch. */
export function allowed(resource: ResourceId, operation: Operation): AccessCheck {
  return (context) => {
    const actor = actorOf(context);
    const records = [context.record, ...(context.records ?? [])].filter((r) => r != null);
    if (!records.length) return can(actor, operation, resource);
    return records.every((r) => can(actor, operation, resource, { countyId: r!.params.countyId ?? null }));
  };
}

/** The built-in actions, each guarded by the access policy (the data layer checks again). */
export function guardedActions(resource: ResourceId): ResourceOptions['actions'] {
  const read = allowed(resource, 'read');
  const write = allowed(resource, 'write');
  return {
    list: { isAccessible: read },
    search: { isAccessible: read },
    show: { isAccessible: read },
    new: { isAccessible: write },
    edit: { isAccessible: write },
    delete: { isAccessible: write },
    bulkDelete: { isAccessible: write },
  };
}

/** Built once the DataSource is initialised: the adapter reads the entity's metadata. */
export type ResourceFactory = () => ResourceWithOptions;

/**
 * One admin resource: the entity behind the scoped adapter, its navigation group, and the guarded
 * built-in actions merged with the resource's own options.
 */
export function defineResource(
  entity: ConstructorParameters<typeof ScopedResource>[0],
  rules: ResourceRules,
  options: ResourceOptions & { navigation: ResourceOptions['navigation'] },
): ResourceFactory {
  return () => buildResource(entity, rules, options);
}

function buildResource(
  entity: ConstructorParameters<typeof ScopedResource>[0],
  rules: ResourceRules,
  options: ResourceOptions,
): ResourceWithOptions {
  const actions = guardedActions(rules.id) as Record<string, Partial<import('adminjs').Action<any>>>;
  for (const [name, extra] of Object.entries(options.actions ?? {})) {
    actions[name] = { ...(actions[name] ?? {}), ...extra };
  }
  const resource = new ScopedResource(entity, rules);
  const hidden = { isVisible: { list: false, filter: false, show: true, edit: false } };
  const properties: NonNullable<ResourceOptions['properties']> = {
    createdAt: hidden,
    updatedAt: hidden,
    ...Object.fromEntries((rules.readOnly ?? []).map((p) => [p, { isVisible: { list: true, filter: true, show: true, edit: false } }])),
  };
  if (resource.property('countyId') && !rules.readOnly?.includes('countyId') && !rules.parent) {
    properties.countyId = { ...properties.countyId, description: '县妇联工作人员保存时自动填为本县（市、区）' };
  }
  for (const [path, extra] of Object.entries(options.properties ?? {})) properties[path] = { ...properties[path], ...extra };
  return { resource, options: { ...options, actions, properties } };
}
