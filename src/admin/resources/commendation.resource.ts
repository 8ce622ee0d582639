import type { ActionContext } from 'adminjs';

import { Agent } from '../../entities/agent.js';
import { commendationProblems } from '../../domain/commendation-rules.js';
import { Commendation } from '../../entities/commendation.js';
import { WorkPoint } from '../../entities/work-point.js';
import { decideCommendations, proposeCommendations } from '../../services/commendation-service.js';
import { resourceFormHandler, stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { allowed, defineResource } from '../resource-kit.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/commendation.json' with { type: 'json' };

const write = allowed('Commendation', 'write');
const proposed = (context: ActionContext) => context.record?.params.status === 'proposed';

const decide = (decision: 'approve' | 'reject') =>
  stepAction({
    icon: decision === 'approve' ? 'CheckCircle' : 'XCircle',
    intro: decision === 'approve' ? '批准后列入本年度表彰名单，批准日期为今天。' : '不予表彰的推荐保留在记录中。',
    submitLabel: decision === 'approve' ? '批准表彰' : '不予表彰',
    fields: [],
    isAccessible: write,
    isVisible: proposed,
    run: ({ actor, recordId, version }) =>
      decideCommendations(dataSource(), actor, [recordId], decision, chinaToday(), version),
    success: decision === 'approve' ? '已批准表彰' : '已决定不予表彰',
  });

export const commendationResource = defineResource(
  Commendation,
  {
    id: 'Commendation',
    readOnly: ['status', 'approvedOn'],
    sameCounty: [
      { property: 'workPointId', entity: WorkPoint, message: '所选工作点不属于所选县（市、区）' },
      { property: 'agentId', entity: Agent, message: '所选代理员不属于所选县（市、区）' },
    ],
    validate: (values, { today }) => commendationProblems(values, today),
    beforeInsert: async (values) => {
      values.status = 'proposed';
    },
  },
  layout,
  {
    actions: {
      proposeCommendations: {
        actionType: 'resource',
        icon: 'Star',
        component: Components.ActionForm,
        isAccessible: write,
        custom: {
          intro:
            '按年度考评名次推荐先进工作点（未被一票否决、结果合格以上），按代理员当年办结案件数和按时答复情况推荐优秀代理员（在岗、持有效证书，每县最多2名）。已在本年度名单中的不重复推荐。推荐后逐条批准或不予表彰，也可“新建”补充推荐。',
          submitLabel: '生成推荐名单',
          fields: [{ name: 'year', label: '表彰年度', type: 'number', required: true }],
        },
        handler: resourceFormHandler(async ({ actor, payload }) => {
          const { proposed: n, skipped } = await proposeCommendations(dataSource(), actor, Number(payload.year));
          return `已推荐 ${n} 个表彰对象${skipped ? `，${skipped} 个已在名单中` : ''}`;
        }),
      },
      approveCommendation: decide('approve'),
      rejectCommendation: decide('reject'),
      downloadCommendationList: {
        actionType: 'resource',
        icon: 'Download',
        component: Components.FileLink,
        showInDrawer: true,
        isAccessible: (context: ActionContext) =>
          allowed('Commendation', 'read')(context) && actorOf(context)?.role !== 'county_staff',
        custom: {
          href: '/admin/files/commendations/list.docx',
          keepFilters: true,
          label: '下载表彰名单（Word文档）',
          intro: '已批准的先进工作点和优秀代理员名单。年度取列表筛选中的“年度”，未筛选时为最近一个考评年度。',
        },
        handler: async () => ({}),
      },
    },
  },
);
