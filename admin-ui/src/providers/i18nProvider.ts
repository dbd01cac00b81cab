import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { enMessages } from '../i18n/en';
import { zhCNMessages } from '../i18n/zh-CN';

const messages: Record<string, TranslationMessages> = { 'zh-CN': zhCNMessages, en: enMessages };

// Language names are written in their own language, as a language switcher shows them.
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? zhCNMessages, 'zh-CN', [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
]);
