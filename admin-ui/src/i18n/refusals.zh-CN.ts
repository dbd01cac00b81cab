import { type RefusalCode, refusalPhrases } from '../../../domain/contract/refusals';
import type { Messages } from './messages';
import type { refusalsEn } from './refusals.en';

// The API's refusals in Chinese, from the same catalogue the API answers `Accept-Language: zh` from.
export const refusalsZh: Messages<typeof refusalsEn> = {
  app: {
    refusal: Object.fromEntries(Object.entries(refusalPhrases).map(([code, phrase]) => [code, phrase.zh])) as Record<
      RefusalCode,
      string
    >,
  },
};
