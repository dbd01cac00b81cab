import { FunctionField, Show, SimpleShowLayout, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { AuditEvent } from '../types';
import { AuditDetail } from './AuditDetail';
import { AuditEventShowActions } from './AuditEventShowActions';
import { auditObject, auditSentence } from './auditText';

export const AuditEventShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<AuditEventShowActions />}>
      <SimpleShowLayout>
        <DateTimeField source="at" />
        <FunctionField<AuditEvent> source="sentence" render={(e) => auditSentence(translate, e)} />
        <FunctionField<AuditEvent> source="object_title" render={auditObject} />
        <AuditDetail label="resources.audit-events.fields.detail" />
      </SimpleShowLayout>
    </Show>
  );
};
