import type { ActionContext, ActionHandler, ActionResponse, After, RecordJSON } from 'adminjs';
import { validateAgent } from '../../domain/agent-rules.js';
import { mayTakeCertificateStep } from '../../domain/certificate-permissions.js';
import { DomainError } from '../../domain/errors.js';
import { normalizeIdNumber } from '../../domain/id-number.js';
import { Agent } from '../../entities/agent.js';
import { Organization } from '../../entities/organization.js';
import { produceCertificates } from '../../services/certificate-service.js';
import { trainingHoursByYear } from '../../services/training-hours.js';
import { formErrors } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { allowed, computed, defineResource } from '../resource-kit.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/agent.json' with { type: 'json' };

/** 批量制作证书: the city produces certificates for the agents ticked in the list. */
const produceHandler: ActionHandler<ActionResponse> = async (request, _response, context) => {
  const { records = [], currentAdmin, h } = context;
  const json = records.map((r) => r.toJSON(currentAdmin));
  const actor = actorOf(context);
  if (request.method === 'get' || !actor) return { records: json };
  try {
    const result = await produceCertificates(
      dataSource(),
      actor,
      records.map((r) => Number(r.id())),
      (request.payload as Record<string, string> | undefined)?.producedOn,
      chinaToday(),
    );
    const skipped = result.skipped.map((s) => `${s.name}（${s.reason}）`).join('；');
    const message =
      `已制作证书 ${result.produced.length} 本` + (skipped ? `；未制作 ${result.skipped.length} 人：${skipped}` : '');
    return {
      records: json,
      notice: { message, type: result.produced.length ? 'success' : 'error' },
      ...(result.produced.length
        ? { redirectUrl: h.resourceUrl({ resourceId: 'Certificate', search: '?filters.status=produced' }) }
        : {}),
    };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { records: json, record: { errors: formErrors(e) }, notice: { message: e.message, type: 'error' } };
  }
};

/** trainingHours on the agent's page: hours and sessions per year (学习培训). */
const withTrainingHours: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  if (!record) return response;
  const years = await trainingHoursByYear(dataSource().manager, Number(record.params.id));
  record.params.trainingHours = years.length
    ? years.map((y) => `${y.year}年 ${y.hours}学时（${y.sessions}次）`).join('；')
    : '暂无培训记录';
  return response;
};

const cityProduces = (context: ActionContext) =>
  mayTakeCertificateStep(actorOf(context), 'produce') && allowed('Agent', 'read')(context);

export const agentResource = defineResource(
  Agent,
  {
    id: 'Agent',
    personal: 'agent',
    sameCounty: [
      { property: 'townshipId', entity: Organization, message: '所选乡镇（街道）不属于本县（市、区）' },
      { property: 'villageId', entity: Organization, message: '所选村（社区）不属于本县（市、区）' },
    ],
    validate: async (values, { today }) => {
      if (typeof values.idNumber === 'string') values.idNumber = normalizeIdNumber(values.idNumber);
      return validateAgent(values, { today });
    },
  },
  layout,
  {
    properties: {
      trainingHours: computed('string'),
    },
    actions: {
      show: { after: withTrainingHours },
      produceCertificates: {
        actionType: 'bulk',
        icon: 'Award',
        component: Components.ActionForm,
        isAccessible: cityProduces,
        custom: {
          intro:
            '市信访局、市妇联为勾选的代理员统一制作代理员证，按年度顺序编号（平妇代证-年度-序号）；制作后交县（市、区）审核发放。已持证或已离岗的代理员不重复制作。',
          submitLabel: '制作证书',
          fields: [{ name: 'producedOn', label: '制作日期', type: 'date', required: true }],
        },
        handler: produceHandler,
      },
      importAgents: {
        actionType: 'resource',
        icon: 'Upload',
        component: Components.AgentImport,
        isAccessible: allowed('Agent', 'write'),
        handler: async (_request, _response, context) => {
          const actor = actorOf(context);
          const counties: { id: number; name: string }[] =
            actor?.role === 'city_admin'
              ? await dataSource().manager.query(
                  `SELECT id, name FROM organization WHERE level = 'county' ORDER BY code`,
                )
              : [];
          return { counties, ownCounty: actor?.role === 'county_staff' ? actor.countyId : null };
        },
      },
      exportXlsx: {
        actionType: 'resource',
        icon: 'Download',
        component: Components.FileLink,
        // in a drawer over the list, so the list's filters stay in the address and go with the export
        showInDrawer: true,
        isAccessible: allowed('Agent', 'read'),
        custom: {
          href: '/admin/files/agents/export.xlsx',
          keepFilters: true,
          label: '下载Excel名单',
          intro: '导出当前列表（含筛选条件）中您有权查看的全部代理员，包括证书效力和本年度培训学时。',
        },
        handler: async () => ({}),
      },
    },
  },
);
