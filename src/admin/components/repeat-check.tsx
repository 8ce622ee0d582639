import { Box, Button, Input, Link, Text } from '@adminjs/design-system';
import { ViewHelpers, type EditPropertyProps, type RecordJSON } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { FieldFrame } from './field-frame.js';

interface EarlierCase {
  id: number;
  caseNo: string;
  acceptedOn: string;
  state: string;
  subject: string;
}

const h = new ViewHelpers();
const root = h.dashboardUrl().replace(/\/$/, '');

/**
 * 信访人身份证号码 on the case form, with 重复信访 beside it: once her ID number (or her name and phone)
 * is typed, her earlier cases in the county are listed with links before the case is saved, each with
 * 标为前案 to mark the new case as repeating it (重复信访·前案).
 */
const RepeatCheck: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const params = record.params ?? {};
  const idNumber = String(params[property.path] ?? '');
  const name = String(params.petitionerName ?? '');
  const phone = String(params.petitionerPhone ?? '');
  const [earlier, setEarlier] = useState<EarlierCase[]>([]);
  const markedAs = String(params.repeatOfId ?? '');
  // the reference field shows the chosen case by its number: hand it the case as a populated record
  const markAsEarlier = (c: EarlierCase) =>
    onChange('repeatOfId', String(c.id), {
      id: String(c.id),
      title: c.caseNo,
      params: { id: c.id, caseNo: c.caseNo },
    } as unknown as RecordJSON);

  useEffect(() => {
    if (idNumber.trim().length < 18 && !(name.trim() && phone.trim().length >= 7)) return setEarlier([]);
    const query = new URLSearchParams({ idNumber, name, phone, exclude: String(record.id ?? '') });
    const timer = setTimeout(() => {
      fetch(`${root}/files/cases/repeats.json?${query}`, { credentials: 'same-origin' })
        .then((res) => (res.ok ? res.json() : { cases: [] }))
        .then((body) => setEarlier(body.cases ?? []))
        .catch(() => setEarlier([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [idNumber, name, phone, record.id]);

  // her earlier cases, under the field and its error
  const warning = earlier.length ? (
    <Box
      mt="sm"
      p="default"
      style={{ background: '#fffbeb', border: '1px solid #f59e0b', borderRadius: 4 }}
      data-testid="repeat-warning"
      role="status"
    >
      <Text fontWeight="bold">重复信访：该信访人此前已有 {earlier.length} 件案件，请先查阅</Text>
      {earlier.map((c) => (
        <Text key={c.id} mt="sm">
          <Link
            href={h.recordActionUrl({ resourceId: 'PetitionCase', recordId: String(c.id), actionName: 'show' })}
            target="_blank"
          >
            {c.caseNo}
          </Link>
          　{c.acceptedOn} 受理　{c.state}　{c.subject}
          {markedAs === String(c.id) ? (
            <Text as="span" ml="default" color="grey60">
              已标为本案前案
            </Text>
          ) : (
            <Button
              type="button"
              size="sm"
              variant="outlined"
              ml="default"
              data-testid="mark-repeat"
              onClick={() => markAsEarlier(c)}
            >
              标为前案
            </Button>
          )}
        </Text>
      ))}
    </Box>
  ) : null;

  return (
    <FieldFrame property={property} record={record} below={warning}>
      <Input
        id={property.path}
        name={property.path}
        width={1}
        value={idNumber}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)}
      />
    </FieldFrame>
  );
};

export default RepeatCheck;
