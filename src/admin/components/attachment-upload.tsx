import { Box, Button, FormGroup, Label, Text } from '@adminjs/design-system';
import { useNotice, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionHeading } from './action-heading.js';

/**
 * 上传附件 / 照片 / 佐证材料 on a notice, an inspection or a rectification: one PDF, JPG or PNG at a time,
 * posted to /admin/files/attachments/<custom.owner>/<id>; the server checks the type by content.
 */
const AttachmentUpload: React.FC<ActionProps> = ({ action, record, resource }) => {
  const custom = (action.custom ?? {}) as { owner: string; intro?: string; fileLabel?: string };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const addNotice = useNotice();
  const navigate = useNavigate();

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const res = await fetch(`/admin/files/attachments/${custom.owner}/${record!.id}`, {
        method: 'POST',
        body: new FormData(event.currentTarget),
        credentials: 'same-origin',
      });
      const data = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
      if (!res.ok) {
        setError(data.error ?? '上传未能完成');
        return;
      }
      addNotice({ message: data.message ?? '已上传', type: 'success' } as never);
      navigate(`/admin/resources/${resource.id}/records/${record!.id}/show`);
    } catch {
      setError('上传未能完成，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid={`attachment-upload-${custom.owner}`}>
      <ActionHeading action={action} resource={resource} record={record} />
      {custom.intro && <Text mb="xl">{custom.intro}</Text>}
      <FormGroup error={Boolean(error)}>
        <Label required htmlFor="attachment-file">
          {custom.fileLabel ?? '选择文件'}
        </Label>
        <input id="attachment-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />
        <Text variant="sm" color="grey60">
          PDF、JPG 或 PNG 格式
        </Text>
        {error && <Text color="error">{error}</Text>}
      </FormGroup>
      <Button variant="contained" type="submit" disabled={busy}>
        上传
      </Button>
    </Box>
  );
};

export default AttachmentUpload;
