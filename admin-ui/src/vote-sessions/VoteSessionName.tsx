import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { VoteSession } from './types';

type Translate = ReturnType<typeof useTranslate>;

/**
 * A session by its name, never its id (`batch-…-vote-1`): the first round is the vote, every later round
 * fills the seats a tie at the last seat left open (docs/domain.md, "Vote").
 */
export const voteSessionName = (translate: Translate, session: Pick<VoteSession, 'round'>): string =>
  translate(session.round > 1 ? 'app.vote.session_run_off' : 'app.vote.session_first', { round: session.round });

/** The session's name wherever react-admin represents the record (breadcrumbs, references). */
export const VoteSessionName = () => {
  const session = useRecordContext<VoteSession>();
  const translate = useTranslate();
  return <span>{session ? voteSessionName(translate, session) : ''}</span>;
};

/** The page title: the batch's title and the session's name. */
export const VoteSessionTitle = () => {
  const session = useRecordContext<VoteSession>();
  const translate = useTranslate();
  const { data: batch } = useGetOne<{ id: string; title: string }>(
    'batches',
    { id: session?.batch_id ?? '' },
    { enabled: Boolean(session?.batch_id) },
  );
  if (!session) return <span />;
  const name = voteSessionName(translate, session);
  return <span>{batch ? translate('app.vote.session_title', { batch: batch.title, name }) : name}</span>;
};
