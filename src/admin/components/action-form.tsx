import { Box, Button, FormGroup, FormMessage, H4, Input, Label, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { useNavigate } from 'react-router';
import { localToday } from './local-today.js';

/** One field of a custom action's form, declared in the action's `custom.fields` on the server. */
export interface ActionField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'select' | 'number';
  required?: boolean;
  options?: { value: string; label: string }[];
  /** a select whose options depend on the record: the record param holding them as JSON (set by the GET) */
  choicesParam?: string;
  help?: string;
}

type Choice = { value: string; label: string };

function choicesOf(f: ActionField, params: Record<string, unknown> | undefined): Choice[] {
  const raw = f.choicesParam ? params?.[f.choicesParam] : undefined;
  return typeof raw === 'string' ? (JSON.parse(raw) as Choice[]) : (f.options ?? []);
}

/** A field's first value: today for a date, the record's own value when it is one of the choices. */
function initialValue(f: ActionField, params: Record<string, unknown> | undefined, today: string): string {
  if (f.type === 'date') return today;
  const own = params?.[f.name];
  return f.type === 'select' && own != null && choicesOf(f, params).some((c) => c.value === String(own))
    ? String(own)
    : '';
}

const api = new ApiClient();

/**
 * The form behind every custom record action that asks for input (dates, outcome, reasons): the
 * server declares the fields and checks everything again; errors come back on their fields.
 */
const ActionForm: React.FC<ActionProps> = ({ resource, action, record, records }) => {
  const custom = (action.custom ?? {}) as { fields?: ActionField[]; intro?: string; submitLabel?: string };
  const fields = custom.fields ?? [];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, initialValue(f, record?.params, localToday())])),
  );
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const { translateAction } = useTranslation();
  const navigate = useNavigate();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // a bulk action (actionType 'bulk') acts on the records ticked in the list; a resource action on none
      const response =
        records && !record
          ? await api.bulkAction({
              resourceId: resource.id,
              recordIds: records.map((r) => r.id),
              actionName: action.name,
              data: values,
            })
          : record
            ? // with the version the page was loaded with: a step on an old page is refused (no change lost unseen)
              await api.recordAction({
                resourceId: resource.id,
                recordId: record.id,
                actionName: action.name,
                data: { ...values, rowVersion: String(record.params.rowVersion ?? '') },
              })
            : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data: values });
      const data = response.data as {
        notice?: { message: string; type: string };
        record?: { errors?: Record<string, { message: string }> };
        redirectUrl?: string;
      };
      if (data.notice) addNotice(data.notice as never);
      setErrors(data.record?.errors ?? {});
      if (data.notice?.type !== 'error' && data.redirectUrl) navigate(data.redirectUrl);
    } catch {
      addNotice({ message: '操作未能完成：无权操作或记录不存在', type: 'error' } as never);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid={`action-form-${action.name}`}>
      <H4>
        {translateAction(action.name, resource.id)}
        {record?.title ? `：${record.title}` : ''}
        {records && !record ? `（已选 ${records.length} 人）` : ''}
      </H4>
      {custom.intro && <Text mb="xl">{custom.intro}</Text>}
      {fields.map((f) => (
        <FormGroup key={f.name} error={Boolean(errors[f.name])}>
          <Label required={f.required} htmlFor={`field-${f.name}`}>
            {f.label}
          </Label>
          {f.type === 'textarea' ? (
            <TextArea
              id={`field-${f.name}`}
              width={1}
              rows={4}
              value={values[f.name]}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                setValues({ ...values, [f.name]: e.target.value })
              }
            />
          ) : f.type === 'select' ? (
            <select
              id={`field-${f.name}`}
              value={values[f.name]}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              style={{ width: '100%', padding: 8 }}
            >
              <option value="">请选择</option>
              {choicesOf(f, record?.params).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <Input
              id={`field-${f.name}`}
              width={1}
              type={f.type}
              value={values[f.name]}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [f.name]: e.target.value })}
            />
          )}
          {f.help && (
            <Text variant="sm" color="grey60">
              {f.help}
            </Text>
          )}
          <FormMessage>{errors[f.name]?.message}</FormMessage>
        </FormGroup>
      ))}
      {errors.base && (
        <Text color="error" mb="lg">
          {errors.base.message}
        </Text>
      )}
      <Button variant="contained" type="submit" disabled={busy}>
        {custom.submitLabel ?? '确定'}
      </Button>
    </Box>
  );
};

export default ActionForm;
