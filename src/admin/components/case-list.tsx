import {
  Badge,
  Box,
  Button,
  Input,
  Pagination,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import {
  useCurrentAdmin,
  useQueryParams,
  useRecords,
  useTranslation,
  ViewHelpers,
  type ActionProps,
  type RecordJSON,
} from 'adminjs';
import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

// The state's colour, the same on the list and on the case page: what is waiting on the office stands out
// (受理 blue, 代理中 violet, 终结 amber while the reply and review run), closed files recede.
export const STATE_COLOURS: Record<string, { bg: string; fg: string }> = {
  accepted: { bg: '#dbeafe', fg: '#1e40af' },
  representing: { bg: '#ede9fe', fg: '#5b21b6' },
  concluded: { bg: '#fef3c7', fg: '#92400e' },
  archived: { bg: '#dcfce7', fg: '#166534' },
  terminated: { bg: '#e5e7eb', fg: '#374151' },
};
export const URGENCY_COLOURS: Record<string, string> = { overdue: '#b91c1c', due_soon: '#b45309' };

const h = new ViewHelpers();
const NARROW = '(max-width: 767px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW).matches);
  useEffect(() => {
    const media = window.matchMedia(NARROW);
    const change = () => setNarrow(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, []);
  return narrow;
}

export const StateBadge: React.FC<{ value: string; label: string }> = ({ value, label }) => {
  const colour = STATE_COLOURS[value] ?? STATE_COLOURS.terminated;
  return (
    <Badge style={{ background: colour.bg, color: colour.fg, border: 'none', whiteSpace: 'nowrap' }} size="sm">
      {label}
    </Badge>
  );
};

const nowrap: React.CSSProperties = { whiteSpace: 'nowrap' };

/**
 * 信访代理案件 list as a clerk scans it: one search box (case number, petitioner, matter), states in their
 * colours, the deadline red when overdue and amber when near, sortable by days left; no county column for
 * county staff; below 768 px a card per case that opens it. Filters, paging and scope are AdminJS's own
 * list action on the server.
 */
const CaseList: React.FC<ActionProps> = ({ resource, setTag }) => {
  const { records, loading, page, total, perPage, sortBy, direction } = useRecords(resource.id);
  const { filters = {}, storeParams } = useQueryParams() as ReturnType<typeof useQueryParams> & {
    filters?: Record<string, string>;
  };
  const [currentAdmin] = useCurrentAdmin();
  const narrow = useNarrow();
  const navigate = useNavigate();
  const [keyword, setKeyword] = useState<string>(filters.keyword ?? '');

  useEffect(() => setTag?.(String(total)), [total]);

  const { tl, translateProperty } = useTranslation();
  // the labels AdminJS's own list would show (src/admin/locale): 办理状态 values as 受理, 代理中, …
  const states = Object.fromEntries(
    (resource.properties.state?.availableValues ?? []).map((v) => [v.value, tl(`state.${v.label}`, resource.id)]),
  );
  const label = (path: string) => translateProperty(resource.properties[path]?.label ?? path, resource.id);
  const countyStaff = (currentAdmin as { countyId?: number | null } | null)?.countyId != null;
  const showUrl = (r: RecordJSON) => h.recordActionUrl({ resourceId: resource.id, recordId: r.id, actionName: 'show' });
  const open = (r: RecordJSON) => navigate(showUrl(r));

  const search = (event: React.FormEvent) => {
    event.preventDefault();
    const next = { ...filters, keyword: keyword.trim() };
    if (!next.keyword) delete (next as Record<string, string>).keyword;
    storeParams({ filters: next, page: '1' } as never);
  };
  const sort = (path: string) =>
    storeParams({ sortBy: path, direction: sortBy === path && direction === 'asc' ? 'desc' : 'asc', page: '1' });
  const arrow = (path: string) => (sortBy === path ? (direction === 'asc' ? ' ▲' : ' ▼') : '');

  // a voided case (only the city lists those, filter 已作废): 已作废 in place of its state
  const standing = (r: RecordJSON) =>
    r.params.voidedAt ? (
      <StateBadge value="terminated" label="已作废" />
    ) : (
      <StateBadge value={r.params.state} label={states[r.params.state] ?? r.params.state} />
    );
  const deadline = (r: RecordJSON) => (
    <span
      style={{ color: URGENCY_COLOURS[r.params.deadlineUrgency] }}
      data-urgency={r.params.deadlineUrgency || 'none'}
    >
      {r.params.daysLeft}
    </span>
  );
  const reference = (r: RecordJSON, path: string) => r.populated?.[path]?.title ?? '';

  return (
    <Box variant="container" data-testid="case-list">
      <Box as="form" onSubmit={search} flex mb="lg" style={{ gap: 8, flexWrap: 'wrap' }}>
        <Input
          name="keyword"
          value={keyword}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setKeyword(e.target.value)}
          placeholder="输入案件编号、信访人姓名或信访事项"
          aria-label="搜索案件"
          style={{ flex: '1 1 260px', maxWidth: 480 }}
        />
        <Button type="submit" variant="contained">
          搜索
        </Button>
        {filters.keyword ? (
          <Button
            type="button"
            variant="text"
            onClick={() => {
              setKeyword('');
              const next = { ...filters };
              delete (next as Record<string, string>).keyword;
              storeParams({ filters: next, page: '1' } as never);
            }}
          >
            清除搜索
          </Button>
        ) : null}
      </Box>

      {!loading && records.length === 0 ? (
        <Text py="xl" textAlign="center" color="grey60">
          没有符合条件的案件
        </Text>
      ) : narrow ? (
        <Box as="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="case-cards">
          {records.map((r) => (
            <Box
              as="li"
              key={r.id}
              p="lg"
              mb="default"
              style={{ border: '1px solid #e5e7eb', borderRadius: 8, cursor: 'pointer' }}
              onClick={() => open(r)}
              data-testid="case-card"
            >
              <Box flex style={{ justifyContent: 'space-between', gap: 8 }}>
                <a href={showUrl(r)} style={{ ...nowrap, fontWeight: 600 }} onClick={(e) => e.preventDefault()}>
                  {r.params.caseNo}
                </a>
                {standing(r)}
              </Box>
              <Text mt="sm">
                {r.params.petitionerName} · {r.params.subject}
              </Text>
              {r.params.nextDeadline ? (
                <Text mt="sm" fontSize="sm">
                  {r.params.nextDeadline}（{deadline(r)}）
                </Text>
              ) : null}
            </Box>
          ))}
        </Box>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell style={nowrap} onClick={() => sort('caseNo')}>
                {label('caseNo')}
                {arrow('caseNo')}
              </TableCell>
              <TableCell style={nowrap}>{label('petitionerName')}</TableCell>
              <TableCell>{label('subject')}</TableCell>
              <TableCell style={nowrap} onClick={() => sort('state')}>
                {label('state')}
                {arrow('state')}
              </TableCell>
              {countyStaff ? null : <TableCell style={nowrap}>{label('countyId')}</TableCell>}
              <TableCell style={nowrap}>{label('agentId')}</TableCell>
              <TableCell style={nowrap} onClick={() => sort('acceptedOn')}>
                {label('acceptedOn')}
                {arrow('acceptedOn')}
              </TableCell>
              <TableCell style={nowrap}>{label('nextDeadline')}</TableCell>
              <TableCell style={{ ...nowrap, cursor: 'pointer' }} onClick={() => sort('daysLeft')}>
                {label('daysLeft')}
                {arrow('daysLeft')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id} onClick={() => open(r)} style={{ cursor: 'pointer' }}>
                <TableCell style={nowrap}>
                  <a href={showUrl(r)} onClick={(e) => e.preventDefault()}>
                    {r.params.caseNo}
                  </a>
                </TableCell>
                <TableCell style={nowrap}>{r.params.petitionerName}</TableCell>
                <TableCell
                  style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', ...nowrap }}
                  title={r.params.subject}
                >
                  {r.params.subject}
                </TableCell>
                <TableCell>{standing(r)}</TableCell>
                {countyStaff ? null : <TableCell style={nowrap}>{reference(r, 'countyId')}</TableCell>}
                <TableCell style={nowrap}>{reference(r, 'agentId')}</TableCell>
                <TableCell style={nowrap}>{r.params.acceptedOn}</TableCell>
                <TableCell>{r.params.nextDeadline}</TableCell>
                <TableCell style={nowrap}>{deadline(r)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text mt="xl" textAlign="center">
        <Pagination
          page={page}
          perPage={perPage}
          total={total}
          onChange={(n: number) => storeParams({ page: String(n) })}
        />
      </Text>
    </Box>
  );
};

export default CaseList;
