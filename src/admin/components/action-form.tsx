import { Box, Button, FormGroup, FormMessage, Input, Label, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import React, { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionHeading } from './action-heading.js';
import { localToday } from './local-today.js';
import { keepingCurrent, useChoices, type Choice } from './use-choices.js';

/** One field of a custom action's form, declared in the action's `custom.fields` on the server. */
export interface ActionField {
  name: string;
  label: string;
  type: 'date' | 'text' | 'textarea' | 'select' | 'number';
  required?: boolean;
  options?: Choice[];
  /**
   * a select whose options the server lists by the record and the form (/admin/files/choices/:kind): the
   * record param naming the parent (the case's county) and the form's date field they hold on
   */
  choicesFrom?: { kind: string; parent: string; on: string };
  help?: string;
}

/** A field's first value: today for a date, the record's own value (kept once it proves a choice). */
function initialValue(f: ActionField, params: Record<string, unknown> | undefined, today: string): string {
  if (f.type === 'date') return today;
  const own = params?.[f.name];
  return f.type === 'select' && own != null ? String(own) : '';
}

/** A select of the form; its options read from the server when the field says where from. */
const SelectField: React.FC<{
  field: ActionField;
  value: string;
  values: Record<string, string>;
  record: ActionProps['record'];
  onChange: (value: string) => void;
}> = ({ field, value, values, record, onChange }) => {
  const from = field.choicesFrom;
  const fetched = useChoices(
    from?.kind ?? '',
    from ? { parent: String(record?.params?.[from.parent] ?? ''), on: values[from.on] ?? '' } : {},
    Boolean(from),
  );
  // names of the choices seen so far: a choice that stops being one (another day) stays visible, marked
  const seen = useRef(new Map<string, string>());
  for (const c of fetched ?? []) seen.current.set(c.value, c.label);
  const options = from ? (fetched ?? []) : (field.options ?? []);
  const shown = from
    ? keepingCurrent(
        fetched,
        value,
        seen.current.get(value) ?? record?.populated?.[field.name]?.title,
        '（在所填日期不可选，请重新选择）',
      )
    : options;
  return (
    <select
      id={`field-${field.name}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: '100%', padding: 8 }}
    >
      <option value="">{from && fetched === null ? '正在读取…' : options.length ? '请选择' : '没有可选的项'}</option>
      {shown.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
};

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
      <ActionHeading action={action} resource={resource} record={record}>
        {records && !record ? `（已选 ${records.length} 人）` : ''}
      </ActionHeading>
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
            <SelectField
              field={f}
              value={values[f.name]}
              values={values}
              record={record}
              onChange={(value) => setValues((now) => ({ ...now, [f.name]: value }))}
            />
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
