// Activities and the API write audit events the same way; the writing lives in db/ so the API need not import activities/.
export {
  type AuditEntry,
  insertAuditEvent as recordAuditEvent,
  insertAuditEvents as recordAuditEvents,
} from '../db/auditEvents';
