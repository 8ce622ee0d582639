import { Box, Button, H2, H5, Link, Text } from '@adminjs/design-system';
import {
  ActionButton,
  BasePropertyComponent,
  Breadcrumbs,
  useTranslation,
  ViewHelpers,
  type ActionProps,
  type RecordJSON,
} from 'adminjs';
import React, { useEffect, useState } from 'react';
import { REPRESENTATION_FIELDS } from '../../domain/case-step-fields.js';
import CaseFiles from './case-files.js';
import { StateBadge, URGENCY_COLOURS } from './case-list.js';

interface TimelineEntry {
  on: string;
  kind: 'step' | 'record' | 'document' | 'change';
  title: string;
  detail: string | null;
  by: string | null;
}

// The paper file's parts (一案一卷), in its order; a part with nothing filled in is left out.
const GROUPS: { title: string; fields: string[] }[] = [
  { title: '信访人', fields: ['petitionerName', 'petitionerIdNumber', 'petitionerPhone', 'petitionerAddress'] },
  {
    title: '信访事项',
    fields: [
      'subject',
      'description',
      'category',
      'source',
      'respondentDepartment',
      'countyId',
      'townshipId',
      'isGroup',
      'groupSize',
      'isKey',
      'inJointMeeting',
      'repeatOfId',
    ],
  },
  {
    title: '代理',
    fields: ['acceptedOn', 'acceptanceNotifiedOn', 'agentId', ...REPRESENTATION_FIELDS],
  },
  { title: '办理', fields: ['concludedOn', 'outcome', 'terminatedOn', 'terminationReason', 'terminationReportedTo'] },
  {
    title: '答复与复查',
    fields: [
      'replyIssuedOn',
      'reviewRequestedOn',
      'reviewDepartment',
      'reviewAnsweredOn',
      'reviewDeclinedOn',
      'petitionerRating',
      'queryCode',
    ],
  },
  { title: '归档', fields: ['archivedOn', 'archiveNo', 'reopenedOn', 'reopenReason', 'voidedAt', 'voidReason'] },
];

const KIND_MARKS: Record<TimelineEntry['kind'], string> = {
  step: '#4338ca',
  record: '#0f766e',
  document: '#92400e',
  change: '#6b7280',
};

const filled = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false && v !== 'false';
const h = new ViewHelpers();
const root = h.dashboardUrl().replace(/\/$/, '');
// steps that undo or reset something: drawn as such, never as the main button
const CAUTION = ['voidRecord', 'reissueQueryCode', 'terminate', 'reopen'];

/**
 * The case page read as the file (卷宗视图): the case number and petitioner as its title, its standing
 * (state, category, agent, next deadline in its colour), the steps legal now with the one the file
 * expects as the main button, its papers (forms, scans, 下载全卷), its history, and its fields by part.
 */
const CaseShow: React.FC<ActionProps> = (props) => {
  const { record, resource } = props;
  const { tl, translateAction, translateProperty } = useTranslation();
  const [timeline, setTimeline] = useState<TimelineEntry[] | null>(null);
  const [timelineError, setTimelineError] = useState<string | null>(null);

  useEffect(() => {
    if (!record?.id) return;
    fetch(`${root}/files/cases/${record.id}/timeline.json`, { credentials: 'same-origin' })
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) setTimelineError(body.error ?? '读取办理经过失败');
        else setTimeline(body.timeline);
      })
      .catch(() => setTimelineError('读取办理经过失败'));
  }, [record?.id, record?.params.rowVersion]);

  if (!record) return null;
  const p = record.params;
  const label = (path: string) => translateProperty(resource.properties[path]?.label ?? path, resource.id);
  const enumLabel = (path: string) => tl(`${path}.${p[path]}`, resource.id);
  const steps = (record.recordActions ?? []).filter((a) => !['show', 'downloadDocument'].includes(a.name));
  const expected = steps.find((a) => a.name === p.expectedStep);
  const others = steps.filter((a) => a !== expected);

  const button = (action: (typeof steps)[number], primary: boolean) => (
    <ActionButton key={action.name} action={action} resourceId={resource.id} recordId={record.id}>
      <Button
        as="a"
        size="sm"
        mr="default"
        mb="default"
        variant={primary ? 'contained' : CAUTION.includes(action.name) ? 'danger' : 'outlined'}
        style={{ cursor: 'pointer' }}
      >
        {primary ? '下一步：' : ''}
        {translateAction(action.label, resource.id)}
      </Button>
    </ActionButton>
  );

  const group = (g: (typeof GROUPS)[number]) => {
    const shown = g.fields.filter((f) => resource.properties[f] && filled(p[f]));
    if (!shown.length) return null;
    return (
      <Box variant="container" mt="lg" key={g.title} data-testid={`case-group-${g.title}`}>
        <H5>{g.title}</H5>
        {shown.map((f) => (
          <BasePropertyComponent
            key={f}
            where="show"
            property={resource.properties[f]}
            resource={resource}
            record={record as RecordJSON}
          />
        ))}
      </Box>
    );
  };

  return (
    <Box data-testid="case-show">
      <Breadcrumbs resource={resource} actionName="show" record={record} />
      <Box variant="container" mb="lg" mt="lg">
        <H2 mb="default" data-testid="case-title">
          {p.caseNo}　{p.petitionerName}
        </H2>
        <Box flex mb="lg" style={{ gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
          <StateBadge value={p.state} label={enumLabel('state')} />
          {p.category ? <Text>{enumLabel('category')}</Text> : null}
          {record.populated?.agentId ? <Text>代理员：{record.populated.agentId.title}</Text> : null}
          {record.populated?.repeatOfId ? (
            <Text data-testid="case-repeat" style={{ color: '#b45309', fontWeight: 600 }}>
              重复信访·前案{' '}
              <Link
                href={h.recordActionUrl({
                  resourceId: 'PetitionCase',
                  recordId: String(record.populated.repeatOfId.id),
                  actionName: 'show',
                })}
              >
                {record.populated.repeatOfId.title}
              </Link>
            </Text>
          ) : null}
          {p.nextDeadline ? (
            <Text data-testid="case-deadline" style={{ color: URGENCY_COLOURS[p.deadlineUrgency], fontWeight: 600 }}>
              下一期限：{p.nextDeadline}（{p.daysLeft}）
            </Text>
          ) : null}
          {p.deadlineNote ? (
            <Text data-testid="case-deadline-note" fontSize="sm" color="grey60">
              {p.deadlineNote}
            </Text>
          ) : null}
        </Box>
        {steps.length ? (
          <Box data-testid="case-steps">
            {expected ? button(expected, true) : null}
            {others.map((a) => button(a, false))}
          </Box>
        ) : null}
      </Box>

      {GROUPS.slice(0, 2).map(group)}

      <Box variant="container" mt="lg" data-testid="case-timeline">
        <H5>办理经过</H5>
        {timelineError ? <Text color="error">{timelineError}</Text> : null}
        {!timeline && !timelineError ? <Text color="grey60">正在读取…</Text> : null}
        {timeline && timeline.length === 0 ? <Text color="grey60">尚无记录</Text> : null}
        <Box as="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {(timeline ?? []).map((e, i) => (
            <Box
              as="li"
              key={i}
              py="default"
              pl="lg"
              style={{ borderLeft: `3px solid ${KIND_MARKS[e.kind]}`, marginBottom: 4 }}
              data-kind={e.kind}
            >
              <Text fontSize="sm" color="grey60">
                {e.on}
                {e.by ? `　${e.by}` : ''}
              </Text>
              <Text fontWeight="bold">{e.title}</Text>
              {e.detail ? <Text style={{ whiteSpace: 'pre-wrap' }}>{e.detail}</Text> : null}
            </Box>
          ))}
        </Box>
      </Box>

      <Box mt="lg">
        <CaseFiles {...props} />
      </Box>
      {GROUPS.slice(2).map(group)}
      <Text mt="lg" fontSize="sm" color="grey60">
        {label('createdAt')}：{String(p.createdAt ?? '').slice(0, 10)}　{label('updatedAt')}：
        {String(p.updatedAt ?? '').slice(0, 10)}
      </Text>
    </Box>
  );
};

export default CaseShow;
