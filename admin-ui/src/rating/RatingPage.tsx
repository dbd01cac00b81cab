import { usePermissions, useTranslate } from 'react-admin';
import { SecretSheetPage } from '../ballot/SecretSheetPage';
import { hasRole } from '../common/roles';
import { RatingBriefing } from './RatingBriefing';
import { RatingForm } from './RatingForm';
import type { RatingSession } from './types';

/** /ratings/:sessionId — rate each project once; afterwards only the receipt (docs/domain.md, "Rating" and "Consequences"). */
export const RatingPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  return (
    <SecretSheetPage<RatingSession>
      resource="rating-sessions"
      pageTitle="app.rating.page_title"
      heading={(session) => translate(`app.rating.kind.${session.kind}`)}
      receipt={{ title: 'app.rating.rated_title', explanation: 'app.rating.receipt_explanation' }}
      closed="app.rating.closed"
      // A congress rating is for deputies; a committee re-rating for standing committee members.
      refusal={(session) =>
        session.kind === 'committee'
          ? hasRole(permissions, 'committeeMember')
            ? null
            : 'app.rating.committee_only'
          : hasRole(permissions, 'deputy')
            ? null
            : 'app.rating.deputies_only'
      }
      back={{ to: '/ratings', label: 'app.rating.back_to_list' }}
      form={(session, done, refused) => (
        <>
          <RatingBriefing session={session} />
          <RatingForm session={session} onRated={done} onRefused={refused} />
        </>
      )}
    />
  );
};
