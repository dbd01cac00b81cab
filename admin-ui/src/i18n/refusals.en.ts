import { type RefusalCode, refusalPhrases } from '../../../domain/contract/refusals';

/**
 * The API's refusals by code (domain/contract/refusals.ts holds each phrase in both languages, since the
 * API writes them too): `app.refusal.<code>`, translated by providers/refusals.ts.
 */
export const refusalsEn = {
  app: {
    refusal: Object.fromEntries(Object.entries(refusalPhrases).map(([code, phrase]) => [code, phrase.en])) as Record<
      RefusalCode,
      string
    >,
  },
};
