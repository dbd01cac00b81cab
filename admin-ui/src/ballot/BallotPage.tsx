import { usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../common/roles';
import { publicSiteHref } from '../public/publicRoutes';
import { BallotForm } from './BallotForm';
import { SecretSheetPage } from './SecretSheetPage';
import type { VoteSession } from './types';

/** /ballot/:sessionId — a deputy's ballot on a phone: mark, review, cast, then only the receipt. */
export const BallotPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  return (
    <SecretSheetPage<VoteSession>
      resource="vote-sessions"
      pageTitle="app.ballot.page_title"
      heading={(session) => translate('app.ballot.session_title', { round: session.round })}
      facts={(session) =>
        translate('app.ballot.seats_of', { seats: session.seats, candidates: session.candidate_ids.length })
      }
      receipt={{ title: 'app.ballot.voted_title', explanation: 'app.ballot.receipt_explanation' }}
      closed="app.ballot.closed"
      refusal={() => (hasRole(permissions, 'deputy') ? null : 'app.ballot.deputies_only')}
      back={{ to: '/ballot', label: 'app.ballot.back_to_list' }}
      result={{
        href: (session) => `${publicSiteHref}/batches/${encodeURIComponent(session.batch_id)}/results`,
        label: 'app.ballot.published_result',
      }}
      form={(session, done, refused) => <BallotForm session={session} onCast={done} onRefused={refused} />}
    />
  );
};
