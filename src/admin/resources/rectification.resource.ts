import type { ActionContext } from 'adminjs';
import { Raw } from 'typeorm';
import { daysBetween } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { mayCompleteRectification } from '../../domain/supervision-permissions.js';
import { isOverdue, validateRectification } from '../../domain/supervision-rules.js';
import { Inspection } from '../../entities/inspection.js';
import { Rectification } from '../../entities/rectification.js';
import { recordRectificationDone } from '../../services/rectification-service.js';
import { serviceStep, stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { fileLinksHtml } from '../file-links.js';
import { RESOURCE_TRANSLATIONS } from '../locale/resources.js';
import {
  allowed,
  changeableWhile,
  computed,
  computedChoice,
  defineResource,
  filledOnPages,
  fillAnswered,
} from '../resource-kit.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/rectification.json' with { type: 'json' };

const PROGRESS = ['open', 'overdue', 'done'] as const;
const read = allowed('Rectification', 'read');
const completing = (context: ActionContext) =>
  read(context) && mayCompleteRectification(actorOf(context), context.record?.params.countyId ?? null);
const isOpen = (context: ActionContext) => context.record?.params.status === 'open';

/** 进度: 整改中, 已逾期 (open past its due date) or 已完成, for the day. */
const withProgress = fillAnswered(async (records, page) => {
  const today = chinaToday();
  for (const r of records) {
    const { status, dueOn } = r.params;
    r.params.progress =
      status === 'done'
        ? '已完成'
        : isOverdue({ status, dueOn }, today)
          ? `已逾期 ${daysBetween(dueOn, today)} 天`
          : `整改中（剩余 ${daysBetween(today, dueOn)} 天）`;
    if (page === r) {
      const row = await dataSource().manager.findOneBy(Rectification, { id: Number(r.params.id) });
      r.params.filesHtml = fileLinksHtml('rectification', r.params.id, row?.files);
    }
  }
});

export const rectificationResource = defineResource(
  Rectification,
  {
    id: 'Rectification',
    parent: { property: 'inspectionId', entity: Inspection, resource: 'Inspection' },
    // done, with its day and evidence, only through 登记整改完成
    readOnly: ['status', 'doneOn', 'evidence', 'doneById', 'files'],
    validate: async (values, { em }) => {
      const inspection =
        values.inspectionId == null ? null : await em.findOneBy(Inspection, { id: Number(values.inspectionId) });
      return validateRectification(values, { inspectedOn: inspection?.inspectedOn ?? null });
    },
    assertWritable: async (values) => {
      if (values.status === 'done') throw new DomainError('RECTIFICATION_DONE', '已完成的整改事项不能修改或删除');
    },
    virtualFilters: {
      progress: (value, { today }) => {
        if (!(PROGRESS as readonly string[]).includes(value)) return null;
        const condition = {
          open: `status = 'open'`,
          overdue: `status = 'open' AND due_on < :today`,
          done: `status = 'done'`,
        }[value as (typeof PROGRESS)[number]];
        return Raw((id) => `${id} IN (SELECT id FROM rectification WHERE ${condition})`, { today });
      },
    },
  },
  layout,
  {
    properties: {
      files: { isVisible: false },
      doneById: { isVisible: false },
      filesHtml: computed('richtext'),
      progress: computedChoice(PROGRESS, RESOURCE_TRANSLATIONS.Rectification.labels.progress),
    },
    actions: {
      ...filledOnPages(withProgress),
      ...changeableWhile(isOpen),
      completeRectification: stepAction({
        icon: 'CheckSquare',
        intro:
          '整改完成后登记完成日期，并写明整改情况和佐证材料（照片、文件可在“上传佐证材料”中上传）。市妇联可随时查看。',
        submitLabel: '登记完成',
        fields: [
          { name: 'doneOn', label: '完成日期', type: 'date', required: true },
          { name: 'evidence', label: '整改情况及佐证材料', type: 'textarea', required: true },
        ],
        isAccessible: completing,
        isVisible: isOpen,
        run: serviceStep(recordRectificationDone, chinaToday),
        success: '整改事项已登记完成',
      }),
      uploadRectificationEvidence: {
        actionType: 'record',
        icon: 'Paperclip',
        component: Components.AttachmentUpload,
        isAccessible: completing,
        custom: {
          owner: 'rectification',
          intro: '上传整改佐证材料（整改后的照片、制度文件等，PDF、JPG 或 PNG），每次一个文件。',
          fileLabel: '佐证材料',
        },
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
