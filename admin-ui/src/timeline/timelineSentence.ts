import type { TranslateFunction } from 'react-admin';
import type { AuditEvent } from '../types';
import { formatInstant } from '../common/formatInstant';

type Params = Record<string, string | number>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const count = (value: unknown): number => (typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0);

/** A coded value in words: the UI's phrase when it has one, else the code itself. */
const word = (translate: TranslateFunction, prefix: string, value: unknown): string =>
  value === null || value === undefined || value === ''
    ? ''
    : translate(`${prefix}.${text(value)}`, { _: text(value) });

/**
 * Everything a timeline phrase may interpolate, taken from the event's `detail` (written by the
 * activities and API routes). Polyglot leaves an unknown %{name} as is, so every phrase only uses names
 * given here for its action.
 */
function paramsOf(event: AuditEvent, translate: TranslateFunction, locale: string): Params {
  const d = event.detail ?? {};
  const deadline = (d.nextDeadline ?? null) as { at?: string } | null;
  return {
    actor: event.actor_label === 'system' ? translate('app.timeline.system') : event.actor_label,
    title: text(d.title),
    phase: word(translate, 'app.batch.phase', d.phase),
    deadline: formatInstant(deadline?.at, locale),
    dueAt: formatInstant(text(d.dueAt), locale),
    candidates: count(d.candidates),
    notTaken: count(d.notTaken),
    month: text(d.month),
    projects: count(d.projects),
    red: count(d.red),
    yellow: count(d.yellow),
    blue: count(d.blue),
    round: count(d.round),
    seats: count(d.seats),
    deputiesPresent: count(d.deputiesPresent),
    ballotsCast: count(d.ballotsCast),
    invalidBallots: count(d.invalidBallots),
    elected: count(d.elected),
    level: event.action === 'project.warning' ? word(translate, 'app.warning_level', d.level) : count(d.level),
    to: text(d.to),
    plannedPercent: count(d.plannedPercent),
    outcome: word(translate, 'app.rating_outcome', d.outcome),
    reviewOutcome: word(translate, 'app.suggestion.outcome', d.outcome),
    reason: text(d.reason),
    note: text(d.note),
    text: text(d.text),
    photos: count(d.photos),
    progress: count(d.progress),
    inUseOn: text(d.inUseOn),
    heldOn: text(d.heldOn),
    place: text(d.place),
    acceptedOn: text(d.acceptedOn),
    opinion: text(d.opinion),
    score: count(d.score),
    summary: text(d.summary),
    channel: word(translate, 'app.suggestion.channel', d.channel),
    response: text(d.response),
    proposersMoved: count(d.proposersMoved),
    totalYuan: count(d.totalYuan),
    amountYuan: count(d.amountYuan),
  };
}

/** The event in people's words; an action the UI has no phrase for still reads as a sentence. */
export function timelineSentence(event: AuditEvent, translate: TranslateFunction, locale: string): string {
  const params = paramsOf(event, translate, locale);
  if (event.action === 'vote.closed' && event.detail?.runOff) {
    return translate('app.timeline.action.vote.closedWithRunOff', params);
  }
  const fallback = translate('app.timeline.unknown', { action: event.action });
  return translate(`app.timeline.action.${event.action}`, { ...params, _: fallback });
}
