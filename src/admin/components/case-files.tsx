import { Box, Button, FormGroup, H4, H5, Input, Label, Link, Text } from '@adminjs/design-system';
import { useNotice, ViewHelpers, type ActionProps } from 'adminjs';
import React, { useCallback, useEffect, useState } from 'react';
import { localToday } from './local-today.js';
import { SimpleTable } from './simple-table.js';

interface CaseFile {
  caseNo: string;
  locked: boolean;
  archiveNo: string | null;
  canUpload: boolean;
  uploadMaxMb: number;
  dossierHref: string;
  forms: { kind: string; title: string; href: string; available: boolean }[];
  kinds: { value: string; label: string }[];
  documents: {
    id: number;
    kindLabel: string;
    title: string;
    signedOn: string | null;
    fileName: string | null;
    fileSize: number | null;
    href: string | null;
  }[];
  missing: string[];
  deadline: { label: string; due: string; text: string; urgency: string } | null;
}

const root = new ViewHelpers().dashboardUrl().replace(/\/$/, '');

/**
 * 下载文书 on a case: the five forms as Word files, the file's documents with their scans, what the
 * file still lacks before archiving, the next deadline, and the upload of a signed scan.
 */
const CaseFiles: React.FC<ActionProps> = ({ record }) => {
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState('agreement');
  const [signedOn, setSignedOn] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [dossier, setDossier] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const addNotice = useNotice();
  const base = `${root}/files/cases/${record?.id}`;

  const load = useCallback(async () => {
    const res = await fetch(`${base}/file.json`, { credentials: 'same-origin' });
    const body = await res.json();
    if (!res.ok) setError(body.error ?? '读取案卷失败');
    else setFile(body);
  }, [base]);

  useEffect(() => {
    load().catch(() => setError('读取案卷失败'));
  }, [load]);

  const upload = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const res = await fetch(`${base}/documents`, { method: 'POST', body: form, credentials: 'same-origin' });
      const body = await res.json();
      addNotice({ message: res.ok ? body.message : body.error, type: res.ok ? 'success' : 'error' } as never);
      if (res.ok) {
        (event.target as HTMLFormElement).reset();
        await load();
      }
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <Box variant="container">
        <Text color="error">{error}</Text>
      </Box>
    );
  if (!file)
    return (
      <Box variant="container">
        <Text>正在读取案卷…</Text>
      </Box>
    );

  return (
    <Box variant="container" data-testid="case-files">
      <H4>
        案卷（一案一卷）：{file.caseNo}
        {file.archiveNo ? `，档案号 ${file.archiveNo}` : ''}
      </H4>
      {file.deadline && (
        <Text
          mb="lg"
          color={
            file.deadline.urgency === 'overdue' ? 'error' : file.deadline.urgency === 'due_soon' ? 'warning' : undefined
          }
        >
          下一期限：{file.deadline.label}，{file.deadline.due}（{file.deadline.text}）
        </Text>
      )}
      {file.locked && <Text mb="lg">本案已立案归档，案卷已锁定。</Text>}
      {file.missing.length ? (
        <Text mb="xl" color="error">
          归档前还缺少：{file.missing.join('、')}
        </Text>
      ) : (
        <Text mb="xl" color="success">
          案卷材料齐全。
        </Text>
      )}

      <H5>全卷（一案一卷）</H5>
      <Box mb="xl">
        <Button
          type="button"
          variant="contained"
          disabled={dossier.busy}
          onClick={async () => {
            // fetched rather than followed, so a scan that cannot be merged shows its Chinese message here
            setDossier({ busy: true, error: null });
            const res = await fetch(file.dossierHref, { credentials: 'same-origin' });
            if (!res.ok) {
              const body = await res.json().catch(() => ({ error: '全卷生成失败，请稍后重试' }));
              return setDossier({ busy: false, error: body.error });
            }
            const url = URL.createObjectURL(await res.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = `${file.caseNo}-案卷.pdf`;
            a.click();
            URL.revokeObjectURL(url);
            setDossier({ busy: false, error: null });
          }}
        >
          {dossier.busy ? '正在生成全卷…' : '下载全卷（PDF）'}
        </Button>
        <Text mt="sm" color="grey60">
          卷皮、卷内目录、附件1–5 与全部签字扫描件，逐页编号。
        </Text>
        {dossier.error ? (
          <Text mt="sm" color="error" role="alert">
            {dossier.error}
          </Text>
        ) : null}
      </Box>

      <H5>文书（Word，A4 打印）</H5>
      <Box as="ul" mb="xl">
        {file.forms.map((f) => (
          <li key={f.kind} style={{ margin: '6px 0' }}>
            {f.available ? (
              <Link href={f.href}>{f.title}</Link>
            ) : (
              <Text as="span" color="grey60">
                {f.title}（案件终结后可生成）
              </Text>
            )}
          </li>
        ))}
      </Box>

      <H5>已登记的案卷材料</H5>
      <SimpleTable
        mb="xl"
        columns={[{ title: '类别' }, { title: '标题' }, { title: '签署日期' }, { title: '扫描件' }]}
        empty="尚无材料"
        rows={file.documents.map((d) => ({
          key: d.id,
          cells: [d.kindLabel, d.title, d.signedOn ?? '', d.href ? <Link href={d.href}>{d.fileName}</Link> : '—'],
        }))}
      />

      {file.canUpload && (
        <Box as="form" onSubmit={upload} data-testid="scan-upload">
          <H5>上传签字扫描件</H5>
          <FormGroup>
            <Label required htmlFor="scan-kind">
              文书类别
            </Label>
            <select
              id="scan-kind"
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              style={{ width: '100%', padding: 8 }}
            >
              {file.kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </FormGroup>
          <FormGroup>
            <Label htmlFor="scan-title">标题（可不填）</Label>
            <Input id="scan-title" name="title" width={1} />
          </FormGroup>
          <FormGroup>
            <Label htmlFor="scan-signed">签署日期</Label>
            <Input
              id="scan-signed"
              name="signedOn"
              type="date"
              value={signedOn}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSignedOn(e.target.value)}
            />
          </FormGroup>
          <FormGroup>
            <Label required htmlFor="scan-file">
              扫描件（PDF、JPG 或 PNG，不超过 {file.uploadMaxMb} MB）
            </Label>
            <input id="scan-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />
          </FormGroup>
          <Button variant="contained" type="submit" disabled={busy}>
            上传
          </Button>
        </Box>
      )}
    </Box>
  );
};

export default CaseFiles;
