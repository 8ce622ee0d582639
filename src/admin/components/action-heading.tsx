import { H4 } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React from 'react';

/** The heading of an action's page: the action's name, then the record it acts on ("证书年度审核：PDS-2026-001"). */
export const ActionHeading: React.FC<Pick<ActionProps, 'action' | 'resource' | 'record'> & React.PropsWithChildren> = ({
  action,
  resource,
  record,
  children,
}) => {
  const { translateAction } = useTranslation();
  return (
    <H4>
      {translateAction(action.name, resource.id)}
      {record?.title ? `：${record.title}` : ''}
      {children}
    </H4>
  );
};
