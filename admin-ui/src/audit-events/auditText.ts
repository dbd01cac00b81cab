import type { TranslateFunction } from 'react-admin';
import { auditZh } from '../i18n/audit.zh-CN';
import type { AuditEvent } from '../types';

type Tree = { [key: string]: string | Tree };

/** Every action code the log can name, from the phrase tree (`vote.closed`, `notice.escalation`…). */
function codes(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : codes(value, `${prefix}${key}.`),
  );
}

export const auditActions = codes(auditZh.app.audit.action as Tree);

/** An action by what a person reads; a code this build does not know stays visible rather than vanish. */
export const actionText = (translate: TranslateFunction, action: string) =>
  translate(`app.audit.action.${action}`, { _: action });

/** "县人大办 结束了票决": who did what, in the reader's language. */
export const auditSentence = (translate: TranslateFunction, event: AuditEvent) =>
  translate('app.audit.sentence', {
    actor: event.actor_label === 'system' ? translate('app.audit.system') : event.actor_label,
    action: actionText(translate, event.action),
  });

/** What the event is about: its title when it has one, else its subject (a calendar, the rules). */
export const auditObject = (event: AuditEvent) => event.object_title ?? event.subject ?? '';
