import type { ActionContext } from 'adminjs';
import { assertNoticeDraft, validateNotice } from '../../domain/notice-rules.js';
import { mayOpenNotice } from '../../domain/supervision-permissions.js';
import { Notice } from '../../entities/notice.js';
import { countyIds, noticeReadStatus, publishNotice } from '../../services/notice-service.js';
import { stepAction } from '../actions/form-action.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { fileLinksHtml } from '../file-links.js';
import { allowed, changeableWhile, computed, defineResource, fillAnswered } from '../resource-kit.js';
import { chinaDateTime, htmlTable } from '../supervision-views.js';
import { now } from '../clock.js';
import { dataSource } from '../data-source.js';
import layout from './layouts/notice.json' with { type: 'json' };

const read = allowed('Notice', 'read');
const write = allowed('Notice', 'write');
const isDraft = (context: ActionContext) => context.record?.params.status === 'draft';

/** 阅读情况: on the page every addressed county with when and by whom it was read; in lists the count. */
const withReadStatus = fillAnswered(async (records, page) => {
  for (const r of records) {
    const status = await noticeReadStatus(dataSource().manager, Number(r.params.id));
    const unread = status.filter((s) => !s.readAt);
    r.params.readSummary =
      r.params.status === 'published' ? `已读 ${status.length - unread.length}/${status.length}` : '未发布';
    if (page !== r) continue;
    r.params.readStatus = status.length
      ? `<p>已读 ${status.length - unread.length} 个，未读 ${unread.length} 个${unread.length ? `：${unread.map((u) => u.countyName).join('、')}` : ''}</p>` +
        htmlTable(
          ['收文单位', '状态', '阅读时间', '阅读人'],
          status.map((s) => [s.countyName, s.readAt ? '已读' : '未读', chinaDateTime(s.readAt), s.readBy ?? '']),
        )
      : '<p>尚未发布</p>';
    r.params.filesHtml = fileLinksHtml('notice', r.params.id, await filesOf(Number(r.params.id)));
  }
});

async function filesOf(id: number) {
  return (await dataSource().manager.findOneBy(Notice, { id }))?.files ?? [];
}

export const noticeResource = defineResource(
  Notice,
  {
    id: 'Notice',
    // the county is the sender's (null: the city), never chosen; the rest moves with 发布
    readOnly: ['countyId', 'status', 'publishedAt', 'publishedById', 'createdById', 'files'],
    validate: async (values, { em }) => validateNotice(values, { countyIds: await countyIds(em) }),
    beforeInsert: async (values, { actor }) => {
      values.createdById = actor?.id ?? null;
    },
    assertWritable: async (values) => assertNoticeDraft(values),
    // a draft that never left its author may really be deleted; anything once published is an official record,
    // voided (作废) instead
    deletable: (row, actor) => row.status === 'draft' && row.createdById === actor.id,
  },
  layout,
  {
    properties: {
      targetCountyIds: {
        reference: 'Organization',
        isArray: true,
        description:
          '市妇联的通知：选择要发送的县（市、区），不选即发给全部县（市、区）。县（市、区）妇联的通知只发给本县（市、区）的工作人员。',
      },
      files: { isVisible: false },
      filesHtml: computed('richtext'),
      readStatus: computed('richtext'),
      readSummary: computed('string', { list: true }),
    },
    actions: {
      list: { after: withReadStatus },
      // the senders' side: county staff open their own county's notices here, the city's in 收到的通知
      show: {
        isAccessible: (context: ActionContext) =>
          read(context) && mayOpenNotice(actorOf(context), context.record?.params.countyId ?? null),
        after: withReadStatus,
      },
      ...changeableWhile(isDraft),
      publishNotice: stepAction({
        icon: 'Send',
        intro:
          '发布后通知即送达所选县（市、区）（未选择的，送达全部县（市、区）），各县首页显示为未读，不能再修改。请先上传需要的附件。',
        submitLabel: '确认发布',
        fields: [],
        isAccessible: write,
        isVisible: isDraft,
        run: ({ actor, recordId, version }) => publishNotice(dataSource(), actor, recordId, now(), version),
        success: '通知已发布',
      }),
      uploadNoticeFile: {
        actionType: 'record',
        icon: 'Paperclip',
        component: Components.AttachmentUpload,
        isAccessible: write,
        isVisible: isDraft,
        custom: {
          owner: 'notice',
          intro: '通知发布前可上传附件（PDF、JPG 或 PNG），每次一个文件。',
          fileLabel: '附件',
        },
        handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
      },
    },
  },
);
