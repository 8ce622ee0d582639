import type { ActionContext } from 'adminjs';
import { Raw } from 'typeorm';
import { mayMarkNoticeRead } from '../../domain/supervision-permissions.js';
import { NoticeRecipient } from '../../entities/notice-recipient.js';
import { Notice } from '../../entities/notice.js';
import { Organization } from '../../entities/organization.js';
import { markNoticeRead } from '../../services/notice-service.js';
import { stepAction } from '../actions/form-action.js';
import { actorOf } from '../current-actor.js';
import { fileLinksHtml } from '../file-links.js';
import { RESOURCE_TRANSLATIONS } from '../locale/resources.js';
import { computed, computedChoice, defineResource, filledOnPages, fillAnswered } from '../resource-kit.js';
import { chinaDateTime, htmlParagraphs } from '../supervision-views.js';
import { now } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/notice-recipient.json' with { type: 'json' };

const READ_STATES = ['unread', 'read'] as const;

/** The notice itself on the recipient's page: this is where a county reads the city's notices. */
const withNotice = fillAnswered(async (records, page) => {
  for (const r of records) {
    r.params.readState = r.params.readAt ? '已读' : '未读';
    if (page !== r) continue;
    const notice = await dataSource().manager.findOneByOrFail(Notice, { id: Number(r.params.noticeId) });
    const sender = notice.countyId ? await dataSource().manager.findOneBy(Organization, { id: notice.countyId }) : null;
    const reader = r.params.readById
      ? await dataSource().manager.query('SELECT name FROM admin_user WHERE id = $1', [r.params.readById])
      : [];
    Object.assign(r.params, {
      noticeTitle: notice.title,
      sender: sender ? `${sender.name}妇联` : '平顶山市妇联',
      publishedAt: chinaDateTime(notice.publishedAt),
      noticeBody: htmlParagraphs(notice.body),
      noticeFiles: fileLinksHtml('notice', notice.id, notice.files),
      readByName: reader[0]?.name ?? '',
      readAtText: chinaDateTime(r.params.readAt),
    });
  }
});

export const noticeRecipientResource = defineResource(
  NoticeRecipient,
  {
    id: 'NoticeRecipient',
    readOnly: ['noticeId', 'countyId', 'readAt', 'readById'],
    virtualFilters: {
      readState: (value) =>
        (READ_STATES as readonly string[]).includes(value)
          ? Raw(
              (id) =>
                `${id} IN (SELECT id FROM notice_recipient WHERE read_at IS ${value === 'unread' ? '' : 'NOT '}NULL)`,
            )
          : null,
    },
  },
  layout,
  {
    properties: {
      readById: { isVisible: false },
      readState: computedChoice(READ_STATES, RESOURCE_TRANSLATIONS.NoticeRecipient.labels.readState),
      noticeTitle: computed('string'),
      sender: computed('string'),
      publishedAt: computed('string'),
      noticeBody: computed('richtext'),
      noticeFiles: computed('richtext'),
      readAtText: computed('string'),
      readByName: computed('string'),
    },
    actions: {
      ...filledOnPages(withNotice),
      markNoticeRead: stepAction({
        icon: 'CheckCircle',
        intro: '确认已阅读该通知。标记后市妇联（发文单位）可以看到本单位的阅读时间和阅读人。',
        submitLabel: '我已阅读',
        fields: [],
        isAccessible: (context: ActionContext) =>
          mayMarkNoticeRead(actorOf(context), context.record?.params.countyId ?? null),
        isVisible: (context: ActionContext) => !context.record?.params.readAt,
        run: ({ actor, recordId, version }) => markNoticeRead(dataSource(), actor, recordId, now(), version),
        success: '已标记为已读',
      }),
    },
  },
);
