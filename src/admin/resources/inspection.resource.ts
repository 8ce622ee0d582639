import type { ActionResponse, After, RecordJSON } from 'adminjs';
import { isOverdue, validateInspection } from '../../domain/supervision-rules.js';
import type { RectificationStatus } from '../../domain/vocabulary.js';
import { Inspection } from '../../entities/inspection.js';
import { WorkPoint } from '../../entities/work-point.js';
import { Components } from '../components/index.js';
import { fileLinksHtml } from '../file-links.js';
import { ENUM_LABELS } from '../locale/enums.js';
import { allowed, computed, defineResource } from '../resource-kit.js';

import { htmlLink, htmlTable } from '../supervision-views.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/inspection.json' with { type: 'json' };

/** The visit's page: findings per standard, the rectification list with its progress, the photos. */
const withDetails: After<ActionResponse> = async (response) => {
  const r = response.record as RecordJSON | undefined;
  if (!r) return response;
  const id = Number(r.params.id);
  const findings: {
    standard: keyof typeof ENUM_LABELS.inspection_standard;
    result: keyof typeof ENUM_LABELS.standard_result;
    finding: string;
  }[] = await dataSource().manager.query(
    `SELECT standard, result, finding FROM inspection_finding WHERE inspection_id = $1 AND voided_at IS NULL ORDER BY standard`,
    [id],
  );
  const items: { item: string; due_on: string; status: RectificationStatus; done_on: string | null }[] =
    await dataSource().manager.query(
      `SELECT item, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, to_char(done_on, 'YYYY-MM-DD') AS done_on
       FROM rectification WHERE inspection_id = $1 AND voided_at IS NULL ORDER BY due_on, id`,
      [id],
    );
  const today = chinaToday();
  r.params.findingsHtml =
    htmlTable(
      ['创建标准', '结论', '检查发现'],
      findings.map((f) => [
        ENUM_LABELS.inspection_standard[f.standard],
        ENUM_LABELS.standard_result[f.result],
        f.finding,
      ]),
    ) + `<p>${htmlLink(`/admin/resources/InspectionFinding?filters.inspectionId=${id}`, '查看全部检查发现')}</p>`;
  r.params.rectificationsHtml =
    htmlTable(
      ['整改事项', '整改期限', '进度'],
      items.map((i) => [
        i.item,
        i.due_on,
        i.status === 'done'
          ? `已完成（${i.done_on}）`
          : isOverdue({ status: i.status, dueOn: i.due_on }, today)
            ? '已逾期'
            : '整改中',
      ]),
    ) + `<p>${htmlLink(`/admin/resources/Rectification?filters.inspectionId=${id}`, '查看整改清单')}</p>`;
  r.params.photosHtml = fileLinksHtml(
    'inspection',
    id,
    (await dataSource().manager.findOneBy(Inspection, { id }))?.files,
  );
  return response;
};

export const inspectionResource = defineResource(
  Inspection,
  {
    id: 'Inspection',
    // the county is the work point's
    parent: { property: 'workPointId', entity: WorkPoint, resource: 'WorkPoint' },
    readOnly: ['createdById', 'files'],
    validate: (values, { today }) => validateInspection(values, { today }),
    beforeInsert: async (values, { actor }) => {
      values.createdById = actor?.id ?? null;
    },
  },
  layout,
  {
    properties: {
      files: { isVisible: false },
      createdById: { isVisible: false },
      findingsHtml: computed('richtext'),
      rectificationsHtml: computed('richtext'),
      photosHtml: computed('richtext'),
    },
    actions: {
      show: { after: withDetails },
      uploadInspectionPhoto: {
        actionType: 'record',
        icon: 'Camera',
        component: Components.AttachmentUpload,
        isAccessible: allowed('Inspection', 'write'),
        custom: {
          owner: 'inspection',
          intro: '上传检查现场照片或检查记录（JPG、PNG 或 PDF），每次一个文件。',
          fileLabel: '照片或文件',
        },
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
