import { Raw } from 'typeorm';
import type { ActionContext } from 'adminjs';
import {
  mayPrintCertificate,
  mayTakeCertificateStep,
  type CertificateStep,
} from '../../domain/certificate-permissions.js';
import { Agent } from '../../entities/agent.js';
import { Certificate } from '../../entities/certificate.js';
import { issueCertificate, reviewCertificate, revokeCertificate } from '../../services/certificate-service.js';
import { REVIEW_DUE_FILTERS, reviewDueCondition } from '../../services/certificate-reminders.js';
import { standingsOf } from '../../services/certificate-standing.js';
import { serviceStep, stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { RESOURCE_TRANSLATIONS } from '../locale/resources.js';
import { computed, computedChoice, defineResource, filledOnPages, fillAnswered } from '../resource-kit.js';
import { chinaToday } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/certificate.json' with { type: 'json' };

/** Who may take the step on this record (and, for the form's buttons, whether the status allows it). */
const stepAllowed = (step: CertificateStep) => (context: ActionContext) =>
  mayTakeCertificateStep(actorOf(context), step, context.record ? (context.record.params.countyId ?? null) : undefined);
const inStatus =
  (...statuses: string[]) =>
  (context: ActionContext) =>
    statuses.includes(context.record?.params.status);

/** validUntil, validity and reviewDueOn, computed for the day (they are never stored). */
const withStanding = fillAnswered(async (records) => {
  const standings = await standingsOf(
    dataSource().manager,
    records.map((r) => Number(r.params.id)),
    chinaToday(),
  );
  for (const r of records) {
    const s = standings.get(Number(r.params.id));
    if (!s) continue;
    r.params.validity = s.label;
    r.params.validUntil = s.validUntil ?? '';
    r.params.reviewDueOn = s.reviewDueOn ?? '';
  }
});

export const certificateResource = defineResource(
  Certificate,
  {
    id: 'Certificate',
    parent: { property: 'agentId', entity: Agent, resource: 'Agent' },
    // the number is given when the city produces the certificate; status and dates move through the actions
    readOnly: ['number', 'status', 'issuedOn', 'revokedOn', 'revokeReason'],
    virtualFilters: {
      reviewDue: (value, { today }) => {
        const condition = reviewDueCondition(value, today);
        return condition
          ? Raw(
              (id) => `${id} IN (SELECT certificate_id FROM reporting.certificate_standing WHERE ${condition.sql})`,
              condition.params,
            )
          : null;
      },
    },
  },
  layout,
  {
    properties: {
      validity: computed('string', { list: true }),
      validUntil: computed('string', { list: true }),
      reviewDueOn: computed('string', { list: true }),
      reviewDue: computedChoice(REVIEW_DUE_FILTERS, RESOURCE_TRANSLATIONS.Certificate.labels.reviewDue, {
        filterOnly: true,
      }),
    },
    actions: {
      ...filledOnPages(withStanding),
      // certificates come from the city's bulk production (代理员 → 批量制作证书), never from a blank form
      new: { isAccessible: false, isVisible: false },
      edit: { isAccessible: stepAllowed('revoke') },
      delete: { isAccessible: stepAllowed('revoke') },
      bulkDelete: { isAccessible: stepAllowed('revoke') },
      issueCertificate: stepAction({
        icon: 'Send',
        intro: '县（市、区）信访局、妇联审核后向代理员发放证书。发放当日起有效一年，之后每年审核一次。',
        submitLabel: '确认发放',
        fields: [{ name: 'issuedOn', label: '发放日期', type: 'date', required: true }],
        isAccessible: stepAllowed('issue'),
        isVisible: inStatus('produced'),
        run: serviceStep(issueCertificate, chinaToday),
        success: '证书已发放',
      }),
      reviewCertificate: stepAction({
        icon: 'CheckSquare',
        intro: '一年一审核：审核合格自审核日起再有效一年；不合格即暂停使用，再次审核合格后恢复。',
        submitLabel: '保存审核结果',
        fields: [
          { name: 'reviewedOn', label: '审核日期', type: 'date', required: true },
          {
            name: 'result',
            label: '审核结果',
            type: 'select',
            required: true,
            options: [
              { value: 'passed', label: '合格' },
              { value: 'failed', label: '不合格' },
            ],
          },
          { name: 'reviewer', label: '审核人', type: 'text' },
          { name: 'remarks', label: '备注', type: 'textarea', help: '不合格时必须写明原因' },
        ],
        isAccessible: stepAllowed('review'),
        isVisible: inStatus('issued', 'suspended'),
        run: serviceStep(reviewCertificate, chinaToday),
        success: '年度审核结果已保存',
      }),
      revokeCertificate: stepAction({
        icon: 'XCircle',
        variant: 'danger',
        intro: '吊销后证书自吊销日起失效，不能恢复；如需继续担任代理员，须重新制作证书。',
        submitLabel: '确认吊销',
        fields: [
          { name: 'revokedOn', label: '吊销日期', type: 'date', required: true },
          { name: 'reason', label: '吊销原因', type: 'textarea', required: true },
        ],
        isAccessible: stepAllowed('revoke'),
        isVisible: inStatus('produced', 'issued', 'suspended'),
        run: serviceStep(revokeCertificate, chinaToday),
        success: '证书已吊销',
      }),
      printCertificate: {
        actionType: 'record',
        icon: 'Printer',
        component: Components.FileLink,
        // the document carries the holder's ID number: not for leaders (maySeePersonalData)
        isAccessible: (context: ActionContext) =>
          mayPrintCertificate(actorOf(context), context.record?.params.countyId ?? null),
        isVisible: inStatus('issued', 'suspended'),
        custom: {
          href: '/admin/files/certificates/{id}.docx',
          label: '下载代理员证（Word文档）',
          intro: '代理员证为A4版式，含持证人信息、照片位置、发证机关和逐年审核记录，下载后可直接打印。',
        },
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
