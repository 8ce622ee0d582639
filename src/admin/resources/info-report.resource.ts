import type { ActionContext } from 'adminjs';
import { assertReportChangeable, validateInfoReport } from '../../domain/info-report-rules.js';
import { mayJudgeInfoReport } from '../../domain/supervision-permissions.js';
import { InfoReport } from '../../entities/info-report.js';
import { adoptInfoReport, commentInfoReport } from '../../services/info-report-service.js';
import { serviceStep, stepAction } from '../actions/form-action.js';
import { actorOf } from '../current-actor.js';
import { allowed, changeableWhile, defineResource } from '../resource-kit.js';
import { now } from '../clock.js';
import layout from './layouts/info-report.json' with { type: 'json' };

const read = allowed('InfoReport', 'read');
/** the city's judgement, on a report it can see */
const judging = (context: ActionContext) => read(context) && mayJudgeInfoReport(actorOf(context));
const notAdopted = (context: ActionContext) => !context.record?.params.adopted;

export const infoReportResource = defineResource(
  InfoReport,
  {
    id: 'InfoReport',
    // the city's comment, adoption and its request for personal data come through its actions only
    readOnly: [
      'personalDataRequested',
      'cityComment',
      'commentedAt',
      'commentedById',
      'adopted',
      'adoptedAt',
      'adoptedById',
      'createdById',
    ],
    validate: (values, { today }) => validateInfoReport(values, { today }),
    beforeInsert: async (values, { actor }) => {
      values.createdById = actor?.id ?? null;
    },
    assertWritable: async (values) => assertReportChangeable(values),
  },
  layout,
  {
    properties: {
      content: {
        description: '工作动态或典型案例。不得填写信访人的身份证号码、手机号码等个人信息（市妇联要求提供的除外）。',
      },
      commentedById: { isVisible: false },
      adoptedById: { isVisible: false },
      createdById: { isVisible: false },
    },
    actions: {
      ...changeableWhile(notAdopted),
      commentInfoReport: stepAction({
        icon: 'MessageSquare',
        intro:
          '市妇联对上报信息的点评意见，县（市、区）可在信息页面看到。确需信访人个人信息的（如典型案例需核实、转办），可在此要求补报，县（市、区）即可在内容中填写。',
        submitLabel: '保存点评',
        fields: [
          { name: 'cityComment', label: '点评意见', type: 'textarea', required: true },
          {
            name: 'personalDataRequested',
            label: '是否要求补报信访人个人信息',
            type: 'select',
            options: [
              { value: 'false', label: '不要求' },
              { value: 'true', label: '要求补报' },
            ],
          },
        ],
        isAccessible: judging,
        run: serviceStep(commentInfoReport, now),
        success: '点评意见已保存',
      }),
      adoptInfoReport: stepAction({
        icon: 'Star',
        intro: '采用后该信息计入报送单位当年的信息采用数（考评依据），不能再修改或删除。',
        submitLabel: '确认采用',
        fields: [{ name: 'cityComment', label: '点评意见（可不填）', type: 'textarea' }],
        isAccessible: judging,
        isVisible: notAdopted,
        run: serviceStep(adoptInfoReport, now),
        success: '已采用该信息',
      }),
    },
  },
);
