import { flat, type ActionContext, type ActionResponse, type After } from 'adminjs';
import { CREATION_STANDARDS } from '../../domain/creation-standards.js';
import { EVALUATION_POLICY, type EvaluationItem } from '../../domain/evaluation-policy.js';
import { Evaluation } from '../../entities/evaluation.js';
import {
  adjustEvaluationScore,
  generateEvaluations,
  liftVeto,
  vetoEvaluation,
} from '../../services/evaluation-service.js';
import { resourceFormHandler, serviceStep, stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { evaluationHtml } from '../figures-view.js';
import { allowed, computed, countyHeading, defineResource } from '../resource-kit.js';
import { now } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/evaluation.json' with { type: 'json' };

const write = allowed('Evaluation', 'write');
const vetoed = (context: ActionContext) =>
  context.record?.params.veto === true || context.record?.params.veto === 'true';

const withItems: After<ActionResponse> = async (response) => {
  const record = response.record;
  if (record?.params)
    record.params.scoreTable = evaluationHtml((flat.get(record.params, 'scores')?.items ?? []) as EvaluationItem[]);
  return response;
};

const ITEM_OPTIONS = [
  ...CREATION_STANDARDS.map((s) => ({
    value: s.code,
    label: `${s.name}（0～${EVALUATION_POLICY.weights[s.code]}分）`,
  })),
  { value: 'info_adoption', label: `信息采用加分（0～${EVALUATION_POLICY.infoAdoptedMax}分）` },
  { value: 'inspection_rectification', label: `督导整改扣分（-${EVALUATION_POLICY.overdueRectificationMax}～0分）` },
];

const POLICY_TEXT = `各项创建标准按权重计分（合计100分），另加信息采用加分、减督导整改扣分；总分${EVALUATION_POLICY.excellentFrom}分以上为优秀，${EVALUATION_POLICY.passFrom}分以上为合格；一票否决的，不论得分均为不合格。`;

export const evaluationResource = defineResource(
  Evaluation,
  {
    id: 'Evaluation',
    readOnly: ['scores', 'totalScore', 'veto', 'vetoReason', 'result', 'rank'],
    heading: countyHeading((r) => `${r.year}年度考评`),
  },
  layout,
  {
    properties: {
      scoreTable: computed('richtext'),
    },
    actions: {
      show: { after: withItems },
      // evaluations are generated from the data and changed only through the actions below (audited, with reasons)
      new: { isAccessible: false, isVisible: false },
      edit: { isAccessible: false, isVisible: false },
      generateEvaluations: {
        actionType: 'resource',
        icon: 'Zap',
        component: Components.ActionForm,
        isAccessible: write,
        custom: {
          intro: `按创建标准达标表、信息采用和督导整改情况为各县（市、区）预填考评得分，计算总分、结果和名次。已生成的再次生成时更新系统预填分，市妇联调整过的得分保留。${POLICY_TEXT}`,
          submitLabel: '生成考评',
          fields: [{ name: 'year', label: '考评年度', type: 'number', required: true }],
        },
        handler: resourceFormHandler(async ({ actor, payload }) => {
          const { created, refreshed } = await generateEvaluations(dataSource(), actor, Number(payload.year), now());
          return `${payload.year}年度考评已生成：新建 ${created} 个，更新 ${refreshed} 个`;
        }),
      },
      adjustEvaluationScore: stepAction({
        icon: 'Sliders',
        intro: '调整某一项的得分须写明理由；调整记录保存在该项下并写入操作日志，总分、结果和名次随之重新计算。',
        submitLabel: '保存调整',
        fields: [
          { name: 'code', label: '考评项目', type: 'select', required: true, options: ITEM_OPTIONS },
          { name: 'score', label: '调整后得分', type: 'number', required: true },
          { name: 'reason', label: '调整理由', type: 'textarea', required: true },
        ],
        isAccessible: write,
        run: serviceStep(adjustEvaluationScore, now),
        success: '得分已调整',
      }),
      vetoEvaluation: stepAction({
        icon: 'Slash',
        intro: '一票否决：该单位本年度考评结果为不合格，不论得分多少，并不参加表彰。',
        submitLabel: '一票否决',
        fields: [{ name: 'vetoReason', label: '否决原因', type: 'textarea', required: true }],
        isAccessible: write,
        isVisible: (context: ActionContext) => !vetoed(context),
        run: serviceStep(vetoEvaluation, now),
        success: '已一票否决',
      }),
      liftVeto: stepAction({
        icon: 'RotateCcw',
        intro: '撤销一票否决后按得分重新确定考评结果和名次。',
        submitLabel: '撤销否决',
        fields: [{ name: 'reason', label: '撤销理由', type: 'textarea', required: true }],
        isAccessible: write,
        isVisible: vetoed,
        run: serviceStep(liftVeto, now),
        success: '已撤销一票否决',
      }),
    },
  },
);
